package org.partman4j.cli.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The daemon's checked configuration, as read from its YAML file by {@link ConfigLoader}.
 *
 * @param source the file it was read from
 * @param http the HTTP endpoint
 * @param historyKeep how long job history rows are kept
 * @param shutdownGrace how long a stop waits for runs in flight before giving up on them
 * @param databases the databases to maintain, names unique
 */
public record DaemonConfig(
    Path source,
    Http http,
    Duration historyKeep,
    Duration shutdownGrace,
    List<DatabaseConfig> databases) {

  /** The default HTTP port. */
  public static final int DEFAULT_PORT = 9187;

  /** How long job history is kept unless configured (pg_jobmon keeps it until pruned by hand). */
  public static final Duration DEFAULT_HISTORY_KEEP = Duration.ofDays(30);

  /** How long a stop waits for a run in flight unless configured. */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofMinutes(2);

  public DaemonConfig {
    databases = List.copyOf(databases);
  }

  /**
   * The HTTP endpoint.
   *
   * @param enabled whether to serve at all
   * @param bind the address to listen on (127.0.0.1 unless configured)
   * @param port the port; 0 takes any free one
   * @param token the bearer token every endpoint but /healthz and /readyz requires, or null
   */
  public record Http(boolean enabled, String bind, int port, String token) {
    @Override
    public String toString() {
      return "Http[" + enabled + ", " + bind + ":" + port + (token == null ? "" : ", token") + "]";
    }
  }
}
