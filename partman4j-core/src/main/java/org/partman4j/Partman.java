package org.partman4j;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.partman4j.command.CheckControlType;
import org.partman4j.command.CreateParent;
import org.partman4j.command.CreatePartition;
import org.partman4j.command.DumpDefinition;
import org.partman4j.command.Install;
import org.partman4j.command.RunMaintenance;
import org.partman4j.command.ShowPartitionInfo;
import org.partman4j.command.ShowPartitionName;
import org.partman4j.command.ShowPartitions;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Sessions;
import org.partman4j.model.ControlType;

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

  /**
   * Creates children of a registered set starting at the given values, as pg_partman's {@code
   * create_partition_time} / {@code create_partition_id}: timestamp texts for time sets (read in
   * the set's zone; for epoch sets too), whole numbers for id sets. Children that exist are
   * skipped; a name taken by another table is an error.
   */
  public CreatePartitionResult createPartition(String parentTable, List<String> values) {
    return new CreatePartition(sessions, settings.schema(), settings.lockRetry())
        .run(parentTable, values);
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

  // Inspection

  /**
   * The children of a set in ascending order of their real lower bounds, without the default
   * partition: {@code showPartitions(parentTable, "ASC", false)}.
   *
   * @param parentTable the set's parent, {@code schema.table} as in the catalog (no quotes)
   * @throws PartmanException {@link ErrorCode#SET_NOT_FOUND} when the table is not managed, {@link
   *     ErrorCode#OBJECT_NOT_FOUND} when it does not exist
   */
  public List<PartitionEntry> showPartitions(String parentTable) {
    return showPartitions(parentTable, "ASC", false);
  }

  /**
   * The children of a set, as pg_partman's {@code show_partitions}: ordered by the value each
   * child's bound really starts at, whatever the control type (a LIST child by its smallest value,
   * so sets with values of 10 and more, negative or bigint values list in order, which pg_partman
   * 5.1 did not), with each child's bound read from the catalog.
   *
   * <pre>{@code
   * for (PartitionEntry p : partman.showPartitions("public.events", "DESC", true)) {
   *   System.out.println(p.qualifiedName() + " " + p.startTime() + " .. " + p.endTime());
   * }
   * }</pre>
   *
   * @param parentTable the set's parent, {@code schema.table} as in the catalog (no quotes)
   * @param order {@code ASC} or {@code DESC}, in any case
   * @param includeDefault whether to list the default partition; it comes first in either order, as
   *     in pg_partman
   * @throws PartmanException {@link ErrorCode#INVALID_ARGUMENT} for another order or a malformed
   *     name, {@link ErrorCode#SET_NOT_FOUND} when the table is not managed, {@link
   *     ErrorCode#OBJECT_NOT_FOUND} when it does not exist, {@link ErrorCode#SET_UNUSABLE} when a
   *     child's bound cannot be read
   */
  public List<PartitionEntry> showPartitions(
      String parentTable, String order, boolean includeDefault) {
    return new ShowPartitions(sessions, settings.schema()).run(parentTable, order, includeDefault);
  }

  /**
   * The child a value belongs in, as pg_partman's {@code show_partition_name}. For sets partitioned
   * by time (epoch and encoded sets too) the value is a timestamp, read by PostgreSQL in the set's
   * zone ({@code '2026-11-18 13:45'}, {@code '2026-11-18 13:45:00+01'}), and placed on the grid of
   * the set's existing children, before, between or after them; for id sets it is a whole number,
   * whose child starts at {@code value - value % interval} (toward zero: {@code -15} gives {@code
   * -10} with interval 10, as in pg_partman).
   *
   * @param parentTable the set's parent, {@code schema.table}
   * @param value the time or id to place
   * @throws PartmanException {@link ErrorCode#INVALID_ARGUMENT} when the value does not parse,
   *     {@link ErrorCode#SET_NOT_FOUND} / {@link ErrorCode#OBJECT_NOT_FOUND} as for {@link
   *     #showPartitions}, {@link ErrorCode#SET_UNUSABLE} when a time set has no children to align
   *     with
   */
  public PartitionLocation showPartitionName(String parentTable, String value) {
    return new ShowPartitionName(sessions, settings.schema()).run(parentTable, value);
  }

  /**
   * The range of one child with its set's interval: {@code showPartitionInfo(childTable, null,
   * null)}.
   */
  public PartitionInfo showPartitionInfo(String childTable) {
    return showPartitionInfo(childTable, null, null);
  }

  /**
   * The range of one child, as pg_partman's {@code show_partition_info}: its start read from the
   * catalog, its end computed with the interval (exclusive for time sets, inclusive {@code start +
   * interval - 1} for id sets, as pg_partman reports them), and pg_partman's suffix for time sets.
   *
   * @param childTable the child, {@code schema.table}
   * @param partitionInterval an interval to compute the end with instead of the set's, or null
   * @param parentTable the child's parent, or null to look it up
   * @throws PartmanException {@link ErrorCode#OBJECT_NOT_FOUND} when the child does not exist,
   *     {@link ErrorCode#SET_NOT_FOUND} when its parent is not managed, {@link
   *     ErrorCode#INVALID_ARGUMENT} when it is not a partition (of the given parent), is the
   *     default, or the interval is invalid
   */
  public PartitionInfo showPartitionInfo(
      String childTable, String partitionInterval, String parentTable) {
    return new ShowPartitionInfo(sessions, settings.schema())
        .run(childTable, partitionInterval, parentTable);
  }

  /**
   * How pg_partman classifies a column's type ({@code check_control_type}): {@code time}, {@code
   * id}, {@code text}, {@code uuid}, or no general type when it cannot be a control column.
   *
   * @param table the table, {@code schema.table}
   * @param control the column's name as in the catalog
   * @throws PartmanException {@link ErrorCode#OBJECT_NOT_FOUND} when the table or column does not
   *     exist
   */
  public ControlType checkControlType(String table, String control) {
    return new CheckControlType(sessions).run(table, control);
  }

  /**
   * A set's configuration written out to make it again: pg_partman's {@code
   * dump_partitioned_table_definition} text (as its newest release writes it, with this instance's
   * schema) and partman4j's JSON form.
   *
   * @param parentTable the set's parent, {@code schema.table}
   * @param ignoreTemplateTable whether to leave the template table out
   * @throws PartmanException {@link ErrorCode#SET_NOT_FOUND} / {@link ErrorCode#OBJECT_NOT_FOUND}
   *     as for {@link #showPartitions}
   */
  public SetDefinition dumpDefinition(String parentTable, boolean ignoreTemplateTable) {
    return new DumpDefinition(sessions, settings.schema()).run(parentTable, ignoreTemplateTable);
  }

  // Maintenance

  /**
   * Maintains every partition set with {@code automatic_maintenance = 'on'}, as pg_partman's {@code
   * run_maintenance()}: premakes each set's future children (counted as pg_partman counts them,
   * from the newest data, catching up after a lag), and stamps {@code maintenance_last_run}. Sets
   * run in {@code maintenance_order}, then by name; sets with {@code undo_in_progress} are skipped.
   *
   * <p>Each set is worked on in its own short transactions (one per child), and one set's failure
   * is recorded in its {@link SetMaintenanceResult#error()} while the others proceed. Rows sitting
   * in a set's default partition never block a new child: they are moved into it as it is made. One
   * maintainer works on a database at a time: when another partman4j, or pg_partman's own
   * maintenance, is running, this returns {@link MaintenanceResult.Status#ALREADY_RUNNING} at once;
   * on a replica it returns {@link MaintenanceResult.Status#REPLICA}. Neither changes anything.
   *
   * <pre>{@code
   * MaintenanceResult r = partman.runMaintenance();
   * r.failures().forEach(f -> log.warn("{}: {}", f.parentTable(), f.error()));
   * }</pre>
   */
  public MaintenanceResult runMaintenance() {
    return maintenanceCommand().run(null);
  }

  /**
   * Maintains one set as {@link #runMaintenance()} does, whatever its {@code automatic_maintenance}
   * (a set with {@code undo_in_progress} is still skipped).
   *
   * @param parentTable the set's parent, {@code schema.table} as in the catalog
   * @throws PartmanException {@link ErrorCode#INVALID_ARGUMENT} for a malformed name, {@link
   *     ErrorCode#SET_NOT_FOUND} when no part_config row names the table
   */
  public MaintenanceResult runMaintenance(String parentTable) {
    if (parentTable == null) {
      throw new PartmanException(
          ErrorCode.INVALID_ARGUMENT,
          "No parent table was given; name the set (schema.table), or call runMaintenance().");
    }
    return maintenanceCommand().run(parentTable);
  }

  private RunMaintenance maintenanceCommand() {
    return new RunMaintenance(sessions, settings.schema(), settings.clock(), settings.lockRetry());
  }
}
