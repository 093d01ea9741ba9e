package org.partman4j;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.partman4j.command.CreateParent;
import org.partman4j.command.Install;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Sessions;

/**
 * The entry point of partman4j: PostgreSQL partition management from outside the database, with
 * pg_partman 5's configuration tables and behaviour, and nothing installed in the database but
 * those tables.
 *
 * <pre>{@code
 * Partman partman = Partman.configure()
 *     .dataSource(dataSource)           // any DataSource; pooled ones get their connections back unchanged
 *     .schema("partman")                // where part_config lives (the default)
 *     .lockTimeout(Duration.ofSeconds(5))
 *     .load();
 * InstallResult result = partman.install();   // creates or upgrades the schema; safe to repeat
 * ZoneId zone = partman.timeZone();           // the zone partition boundaries are computed in
 * }</pre>
 *
 * <p>A {@code Partman} is immutable and thread-safe; create one per database and keep it. Each
 * operation takes connections from the DataSource for as long as it runs and hands them back. Every
 * failure is a {@link PartmanException} whose {@link PartmanException#code() code} says what kind
 * of failure it was.
 */
public final class Partman {

  /** The checked settings a {@code Partman} runs with. */
  record Settings(
      DataSource dataSource,
      String schema,
      ZoneId timeZone,
      Duration lockTimeout,
      LockRetry lockRetry,
      Instant clock) {}

  private final Settings settings;
  private final Sessions sessions;

  Partman(Settings settings) {
    this.settings = settings;
    this.sessions =
        new Sessions(settings.dataSource(), settings.timeZone(), settings.lockTimeout());
  }

  /** Starts a configuration; finish it with {@link PartmanConfiguration#load()}. */
  public static PartmanConfiguration configure() {
    return new PartmanConfiguration();
  }

  /**
   * Creates the store (schema, configuration tables, version table) or upgrades it to this
   * release's version, in one transaction. Safe to call on every start: when the store is current
   * it changes nothing, and concurrent calls wait for each other. The store is also created on
   * first use by the other operations, so calling this is optional.
   *
   * @throws PartmanException when the role may not create the schema, the schema belongs to the
   *     pg_partman extension, or the store was written by a newer or different partman4j
   */
  public InstallResult install() {
    return new Install(sessions, settings.schema()).run();
  }

  /**
   * The zone every partman4j session uses and partition boundaries are computed in: the configured
   * {@link PartmanConfiguration#timeZone(ZoneId) zone}, or else the default the database gives the
   * connecting role. Resolved on first use (which takes a connection) and kept.
   */
  public ZoneId timeZone() {
    return sessions.zone();
  }

  /**
   * Registers an existing partitioned table as a partition set and creates its children, default
   * partition and template, as pg_partman's {@code create_parent} does (see {@link
   * PartitionSetDefinition} for the arguments). Each child is made in its own short transaction; if
   * the call fails part-way, calling it again with the same definition completes the set.
   *
   * @throws PartmanException when the definition does not fit the table (nothing is changed then),
   *     a child's name is taken ({@link ErrorCode#NAME_COLLISION}), or a lock is not granted after
   *     the retries ({@link ErrorCode#LOCK_TIMEOUT})
   */
  public CreateParentResult createParent(PartitionSetDefinition definition) {
    return createParentCommand().run(definition);
  }

  /**
   * The SQL {@link #createParent} would run now, in order, without changing anything (the store
   * schema is installed if missing).
   */
  public List<String> createParentDryRun(PartitionSetDefinition definition) {
    return createParentCommand().dryRun(definition);
  }

  private CreateParent createParentCommand() {
    return new CreateParent(sessions, settings.schema(), settings.clock(), settings.lockRetry());
  }

  /** The schema of partman4j's tables. */
  public String schema() {
    return settings.schema();
  }

  /** The lock timeout of partman4j's sessions. */
  public Duration lockTimeout() {
    return settings.lockTimeout();
  }
}
