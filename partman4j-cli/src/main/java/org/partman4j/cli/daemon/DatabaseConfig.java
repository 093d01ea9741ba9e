package org.partman4j.cli.daemon;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * How one database is maintained.
 *
 * @param name the name it is reported under (status, metrics, logs)
 * @param url a JDBC URL or PostgreSQL URI; the password may come from {@code passwordEnv}, {@code
 *     PGPASSWORD} or the pgpass file instead
 * @param passwordEnv the environment variable holding this database's password, or null
 * @param schema the schema of partman's tables
 * @param interval the time from the start of one run to the start of the next
 * @param jitter at most this much is added at random to each wait, so instances spread out
 * @param window runs start only inside this daily window, or null for any time
 * @param at runs start at these times of day instead of every {@code interval}; empty for none
 * @param zone the zone {@code window} and {@code at} are read in
 * @param waitBetweenSets a pause after each set, so a busy server breathes; zero for none
 * @param analyze whether to ANALYZE a parent after children were added to it
 * @param role the role to {@code SET ROLE} to, so new children belong to it; null for none
 * @param lockTimeout the sessions' {@code lock_timeout}
 * @param subscribers logical-replication subscribers to refresh after children were created
 */
public record DatabaseConfig(
    String name,
    String url,
    String passwordEnv,
    String schema,
    Duration interval,
    Duration jitter,
    Window window,
    List<LocalTime> at,
    ZoneId zone,
    Duration waitBetweenSets,
    boolean analyze,
    String role,
    Duration lockTimeout,
    List<Subscriber> subscribers) {

  /** As {@code pg_partman_bgw.interval}. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

  public DatabaseConfig {
    at = List.copyOf(at);
    subscribers = List.copyOf(subscribers);
  }

  /**
   * A daily window {@code [start, end)}; one whose end is before its start spans midnight.
   *
   * @param start the first moment runs may start
   * @param end the moment after which no run starts
   */
  public record Window(LocalTime start, LocalTime end) {
    /** Whether the time of day lies in the window. */
    public boolean contains(LocalTime t) {
      if (start.equals(end)) {
        return true;
      }
      return start.isBefore(end)
          ? !t.isBefore(start) && t.isBefore(end)
          : !t.isBefore(start) || t.isBefore(end);
    }
  }

  /**
   * A subscriber database whose subscriptions are refreshed after children were created.
   *
   * @param url its JDBC URL or PostgreSQL URI
   * @param passwordEnv the environment variable holding its password, or null
   * @param subscriptions the subscriptions to refresh; empty for all the role owns there
   */
  public record Subscriber(String url, String passwordEnv, List<String> subscriptions) {
    public Subscriber {
      subscriptions = List.copyOf(subscriptions);
    }
  }
}
