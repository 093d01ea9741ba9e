package org.partman4j;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.partman4j.command.CheckControlType;
import org.partman4j.command.CheckDefault;
import org.partman4j.command.ConfigEdit;
import org.partman4j.command.Constraints;
import org.partman4j.command.CreateParent;
import org.partman4j.command.CreatePartition;
import org.partman4j.command.CreateSubParent;
import org.partman4j.command.DumpDefinition;
import org.partman4j.command.GapFill;
import org.partman4j.command.Install;
import org.partman4j.command.PartitionData;
import org.partman4j.command.ReapplyPrivileges;
import org.partman4j.command.Retention;
import org.partman4j.command.RunMaintenance;
import org.partman4j.command.ShowPartitionInfo;
import org.partman4j.command.ShowPartitionName;
import org.partman4j.command.ShowPartitions;
import org.partman4j.command.Status;
import org.partman4j.command.StopSubPartition;
import org.partman4j.command.UndoPartition;
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
   * What {@link #install()} would run now, without running it: the statements in order ({@code
   * CREATE SCHEMA}, the version table, each pending store script and its history row), or an empty
   * list when the store is current. Takes no lock and changes nothing.
   *
   * @throws PartmanException as {@link #install()} would, before anything would change
   */
  public List<String> installDryRun() {
    return new Install(sessions, settings.schema()).dryRun();
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

  // Dry run of createPartition, and part_config editing

  /**
   * The SQL {@link #createPartition} would run now, in order, without changing anything (the store
   * schema is installed if missing). Children that exist are left out.
   */
  public List<String> createPartitionDryRun(String parentTable, List<String> values) {
    return new CreatePartition(sessions, settings.schema(), settings.lockRetry())
        .dryRun(parentTable, values);
  }

  /**
   * A set's {@code part_config} row: column name → value in the table's column order. Values are
   * {@code String}, {@code Integer}, {@code Boolean}, {@code List<String>} (for {@code
   * constraint_cols}), {@code Instant} (for {@code maintenance_last_run}) or null.
   *
   * @param parentTable the set's parent, {@code schema.table}
   * @throws PartmanException {@link ErrorCode#SET_NOT_FOUND} when there is no row for the table,
   *     {@link ErrorCode#OBJECT_NOT_FOUND} when neither the row nor the table exists
   */
  public Map<String, Object> configGet(String parentTable) {
    return new ConfigEdit(sessions, settings.schema()).get(parentTable);
  }

  /**
   * Changes one column of a set's {@code part_config} row, as an {@code UPDATE} of pg_partman's
   * table would, after checking the value for that column and this set: an interval where an
   * interval belongs (or a whole number for an id set), {@code premake} of 1 or more, a boolean,
   * {@code on}/{@code off}, an existing schema for {@code retention_schema}, an existing table,
   * role or columns where those are named. {@code NULL} (any case) clears a nullable column.
   * Columns that the existing children depend on ({@code control}, {@code epoch}, …) and those
   * partman4j maintains itself cannot be set. Maintenance uses the new value on its next run.
   *
   * <pre>{@code
   * partman.configSet("public.events", "retention", "30 days");
   * partman.configSet("public.events", "premake", "7");
   * }</pre>
   *
   * @param parentTable the set's parent, {@code schema.table}
   * @param column the column's name, e.g. {@code premake}
   * @param value the new value as text
   * @return the change, with the values before and after
   * @throws PartmanException {@link ErrorCode#INVALID_ARGUMENT} for an unknown or fixed column or a
   *     value that does not fit (the message says what would), {@link ErrorCode#SET_NOT_FOUND} /
   *     {@link ErrorCode#OBJECT_NOT_FOUND} as for {@link #configGet}, {@link
   *     ErrorCode#LOCK_TIMEOUT} when the row stays locked longer than the lock timeout
   */
  public ConfigChange configSet(String parentTable, String column, String value) {
    return new ConfigEdit(sessions, settings.schema()).set(parentTable, column, value, false);
  }

  /**
   * What {@link #configSet} would do, checked the same way, without changing the row: the change's
   * {@link ConfigChange#statement() statement} is the UPDATE it would run.
   */
  public ConfigChange configSetDryRun(String parentTable, String column, String value) {
    return new ConfigEdit(sessions, settings.schema()).set(parentTable, column, value, true);
  }

  /** The {@code part_config} columns that {@link #configSet} can change, in table order. */
  public static List<String> settableConfigColumns() {
    return ConfigEdit.settableColumns();
  }

  // Constraint exclusion, privileges, gaps

  /**
   * Adds pg_partman's min/max CHECK constraints to one child, as its {@code apply_constraints}: for
   * each column of the set's {@code constraint_cols} that has no {@code partmanconstr_} constraint
   * on the child yet and holds a value, {@code CHECK (col >= 'min' AND col <= 'max')} named {@code
   * partmanconstr_<child>_<col>}, added {@code NOT VALID} when the set's {@code constraint_valid}
   * is false. Columns holding only NULLs get none. A set without {@code constraint_cols} is left
   * alone (the result says so), as pg_partman returns quietly.
   *
   * <p>With no child given, the child is chosen as pg_partman 5.2 and later choose it: the one
   * starting {@code optimize_constraint + 1} intervals before the newest child that holds data; if
   * no child holds data or none starts there, nothing is done and the result says why. The child is
   * worked on in one short transaction that keeps writers off it (SHARE lock) while it is read and
   * constrained; writers to other children are not affected.
   *
   * @param parentTable the set's parent, {@code schema.table}
   * @param childTable the child, {@code schema.table} or a table name in the parent's schema; null
   *     for pg_partman's choice
   * @param analyze whether to {@code ANALYZE} the parent afterwards (pg_partman's {@code
   *     p_analyze})
   * @throws PartmanException {@link ErrorCode#SET_NOT_FOUND} / {@link ErrorCode#OBJECT_NOT_FOUND}
   *     for an unknown set, a table that is not a child of it, or a configured column the table
   *     does not have (nothing is changed then); {@link ErrorCode#LOCK_TIMEOUT} when the child's
   *     lock is not granted after the retries
   */
  public ApplyConstraintsResult applyConstraints(
      String parentTable, String childTable, boolean analyze) {
    return constraints().apply(parentTable, childTable, analyze);
  }

  /**
   * Drops the {@code partmanconstr_} constraint of each of the set's {@code constraint_cols} from
   * one child, as pg_partman's {@code drop_constraints}, in one transaction.
   *
   * @param childTable the child, {@code schema.table} or a table name in the parent's schema
   * @param debug whether to log each statement at INFO (pg_partman's {@code p_debug} NOTICEs); the
   *     result lists them anyway
   * @throws PartmanException {@link ErrorCode#SET_UNUSABLE} when the set has no {@code
   *     constraint_cols}; otherwise as {@link #applyConstraints}
   */
  public DropConstraintsResult dropConstraints(
      String parentTable, String childTable, boolean debug) {
    return constraints().drop(parentTable, childTable, debug);
  }

  /**
   * Drops and/or applies the constraints of every child from the oldest up to the child {@link
   * #applyConstraints} would choose, as pg_partman's {@code reapply_constraints_proc}, then
   * analyzes the parent: {@code reapplyConstraints(parentTable, drop, apply, wait, dryRun, true)}.
   */
  public ReapplyConstraintsResult reapplyConstraints(
      String parentTable, boolean drop, boolean apply, Duration wait, boolean dryRun) {
    return reapplyConstraints(parentTable, drop, apply, wait, dryRun, true);
  }

  /**
   * Drops and/or applies the constraints of every child from the oldest up to the child {@link
   * #applyConstraints} would choose, as pg_partman's {@code reapply_constraints_proc}: per child,
   * the drop in one transaction, then the apply in another, then a pause of {@code wait} before the
   * next child. A typical use is to drop, change old data, then apply.
   *
   * <pre>{@code
   * ReapplyConstraintsResult plan =
   *     partman.reapplyConstraints("public.events", true, true, Duration.ZERO, true, false);
   * plan.statements().forEach(System.out::println);   // what a real run would execute
   * }</pre>
   *
   * @param drop whether to drop the existing partman constraints first
   * @param apply whether to add the constraints
   * @param wait the pause between children (pg_partman's {@code p_wait}), zero for none
   * @param dryRun whether to only read and return the statements a run would execute, changing
   *     nothing (the apply statements are computed from the current min/max of each child)
   * @param analyze whether to {@code ANALYZE} the parent at the end (never in a dry run)
   * @throws PartmanException {@link ErrorCode#SET_UNUSABLE} when the set has no {@code
   *     constraint_cols}, {@link ErrorCode#INVALID_ARGUMENT} for a negative wait; otherwise as
   *     {@link #applyConstraints}
   */
  public ReapplyConstraintsResult reapplyConstraints(
      String parentTable,
      boolean drop,
      boolean apply,
      Duration wait,
      boolean dryRun,
      boolean analyze) {
    return constraints().reapply(parentTable, drop, apply, wait, dryRun, analyze);
  }

  /**
   * Gives every child of the set, the default partition included, the parent's table privileges and
   * owner, as pg_partman's {@code reapply_privileges}: for each role (and PUBLIC) whose privileges
   * on the child differ from the parent's, the parent's are granted and the others revoked; roles
   * that have privileges on the child but none on the parent lose them all; the owner is set to the
   * parent's. Only SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES and TRIGGER are compared,
   * as in pg_partman. One child per transaction.
   *
   * @throws PartmanException {@link ErrorCode#SET_NOT_FOUND} / {@link ErrorCode#OBJECT_NOT_FOUND}
   *     for an unknown set, {@link ErrorCode#INSUFFICIENT_PRIVILEGE} when this role may not grant
   *     or change the owner, {@link ErrorCode#LOCK_TIMEOUT} after the retries
   */
  public ReapplyPrivilegesResult reapplyPrivileges(String parentTable) {
    return new ReapplyPrivileges(sessions, settings.schema(), settings.lockRetry())
        .run(parentTable);
  }

  /**
   * Makes the children missing between the set's oldest and newest child, as pg_partman's {@code
   * partition_gap_fill}: after each child the next start on the set's grid is its start plus the
   * interval (in the set's zone for time sets), and every such start short of the next existing
   * child gets a child, named and made like any other (template, privileges, replica identity).
   * Time, epoch, encoded and id sets. Nothing is made before the oldest child or after the newest.
   *
   * @return the children made; {@link GapFillResult#count()} is pg_partman's return value
   * @throws PartmanException {@link ErrorCode#SET_NOT_FOUND} / {@link ErrorCode#OBJECT_NOT_FOUND}
   *     for an unknown set, {@link ErrorCode#PARTITION_CONFLICT} when the default partition holds
   *     rows of a missing child, {@link ErrorCode#NAME_COLLISION} when its name is taken
   */
  public GapFillResult partitionGapFill(String parentTable) {
    return new GapFill(sessions, settings.schema(), settings.lockRetry()).run(parentTable);
  }

  private Constraints constraints() {
    return new Constraints(sessions, settings.schema(), settings.lockRetry());
  }

  // Retention

  /**
   * Retires the children of a time-based set (time, epoch or encoded control) that are past
   * retention, as pg_partman's {@code drop_partition_time}: every child whose exclusive upper bound
   * is before {@code reference - retention} (computed in the set's zone) is dropped, detached and
   * kept ({@code keepTable}), or detached and moved to {@code retentionSchema}; never the set's
   * last child. Each child is retired on its own, with {@code DETACH ... CONCURRENTLY} when the set
   * has no default partition, so writers of the set are not blocked. Any argument given as null
   * takes the set's configuration ({@code part_config.retention}, {@code retention_keep_table},
   * {@code retention_keep_index}, {@code retention_schema}) for this call only.
   *
   * <pre>{@code
   * RetentionOutcome r = partman.dropPartitionTime("public.events", "30 days", null, null, null, null);
   * r.dropped();   // [events_p20261020, events_p20261021]
   * }</pre>
   *
   * @param parentTable the set's parent, {@code schema.table}
   * @param retention how long children are kept, an interval ({@code '30 days'}), or null
   * @param reference the time retention counts back from, or null for now
   * @param keepTable true to detach children and keep them, or null
   * @param keepIndex false to drop a kept or moved child's indexes and the constraints they back,
   *     or null
   * @param retentionSchema the schema to move children to (it wins over {@code keepTable}), or null
   * @throws PartmanException {@link ErrorCode#INVALID_ARGUMENT} for a bad interval, an id set, or
   *     no retention at all; {@link ErrorCode#SET_NOT_FOUND} / {@link ErrorCode#OBJECT_NOT_FOUND}
   *     for an unknown set or a missing retention schema; {@link ErrorCode#NAME_COLLISION} when the
   *     retention schema holds a child's name (all checked before anything changes); {@link
   *     ErrorCode#LOCK_TIMEOUT} when a child's locks are not granted after the retries (the
   *     children retired before it stay retired; a rerun continues)
   */
  public RetentionOutcome dropPartitionTime(
      String parentTable,
      String retention,
      Instant reference,
      Boolean keepTable,
      Boolean keepIndex,
      String retentionSchema) {
    return retention()
        .dropTime(parentTable, retention, reference, keepTable, keepIndex, retentionSchema);
  }

  /**
   * Retires the children of an id set that are past retention, as pg_partman's {@code
   * drop_partition_id}: every child whose exclusive upper bound ({@code start + interval}) is at
   * most {@code max - retention}, {@code max} being the largest id in the set's children (the
   * default partition not counted); a set without rows retires nothing. Otherwise as {@link
   * #dropPartitionTime}.
   *
   * @param parentTable the set's parent, {@code schema.table}
   * @param retention how many ids below the largest are kept, or null
   * @param keepTable true to detach children and keep them, or null
   * @param keepIndex false to drop a kept or moved child's indexes, or null
   * @param retentionSchema the schema to move children to, or null
   * @throws PartmanException as {@link #dropPartitionTime}, and {@link ErrorCode#INVALID_ARGUMENT}
   *     for a negative retention or a time-based set
   */
  public RetentionOutcome dropPartitionId(
      String parentTable,
      Long retention,
      Boolean keepTable,
      Boolean keepIndex,
      String retentionSchema) {
    return retention().dropId(parentTable, retention, keepTable, keepIndex, retentionSchema);
  }

  private Retention retention() {
    return new Retention(sessions, settings.schema(), settings.lockRetry(), settings.clock());
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

  // Status

  /**
   * Every partition set at a glance, for dashboards and {@code partman status}: its children, the
   * newest one, the <em>runway</em> (how long, in time or ids, until new rows would fall into the
   * default), whether the default holds rows, retention, the last maintenance run, and the last
   * maintenance error when {@code partman daemon} keeps a job history. Reads only, with a fixed
   * number of statements however many sets there are; a set that cannot be read is listed with
   * {@link SetStatus#problem()}.
   *
   * <pre>{@code
   * for (SetStatus s : partman.status(false).sets()) {
   *   if (s.runway() != null && s.runway().toHours() < 24) alert(s.parentTable());
   * }
   * }</pre>
   *
   * @param exactDefaultRows whether to count the rows of every default partition ({@code count(*)},
   *     which reads them all) instead of only probing whether it holds one
   * @throws PartmanException {@link ErrorCode#CONNECTION_FAILED} when the database cannot be
   *     reached; a failure of the store's tables as any read of them
   */
  public StatusReport status(boolean exactDefaultRows) {
    return new Status(sessions, settings.schema()).run(exactDefaultRows);
  }

  // Moving data

  /**
   * Moves rows into the children their control values belong in, as pg_partman's {@code
   * partition_data_proc}: out of the set's default partition, or out of any table ({@link
   * PartitionDataOptions#sourceTable}). Children missing on the set's grid are made on the way.
   * Each batch is one transaction that deletes a range of rows from the source and inserts them
   * into the child, so a crash loses and duplicates nothing, and calling again resumes.
   *
   * <pre>{@code
   * PartitionDataResult r = partman.partitionData("public.events", PartitionDataOptions.defaults());
   * }</pre>
   *
   * @throws PartmanException {@link ErrorCode#SET_NOT_FOUND} / {@link ErrorCode#OBJECT_NOT_FOUND}
   *     for an unmanaged parent or a missing source, {@link ErrorCode#INVALID_ARGUMENT} for options
   *     that do not fit the set (nothing is moved then), {@link ErrorCode#LOCK_TIMEOUT} when a
   *     batch's rows stay locked through all tries (the batches before it stay committed)
   */
  public PartitionDataResult partitionData(String parentTable, PartitionDataOptions options) {
    return new PartitionData(sessions, settings.schema(), settings.lockRetry())
        .run(parentTable, options);
  }

  /**
   * Moves all rows of a set into one table and takes the set apart, as pg_partman's {@code
   * undo_partition_proc}: the default partition first, then the children from the oldest, each
   * detached (or dropped) once empty. The set is marked {@code undo_in_progress} at the start; when
   * no child is left its configuration is removed, with its automatic template if no other set uses
   * it. The parent table stays. Calling again after a crash or a loop count resumes.
   *
   * @throws PartmanException {@link ErrorCode#SET_NOT_FOUND} for an unmanaged parent, {@link
   *     ErrorCode#OBJECT_NOT_FOUND} for a missing target, {@link ErrorCode#INVALID_ARGUMENT} for a
   *     target inside the set, columns that do not fit, or a sub-partitioned child
   */
  public UndoResult undoPartition(String parentTable, UndoOptions options) {
    return new UndoPartition(sessions, settings.schema()).run(parentTable, options);
  }

  /**
   * The sets whose default partition holds rows, as pg_partman's {@code check_default}.
   *
   * @param exactCount count the rows (a scan of each default), or only look for one (the count is
   *     then 1)
   */
  public List<DefaultRows> checkDefault(boolean exactCount) {
    return new CheckDefault(sessions, settings.schema()).run(exactCount);
  }

  // Sub-partitioning

  /**
   * Sub-partitions a set, as pg_partman's {@code create_sub_parent}: records the {@code
   * part_config_sub} row, makes every existing child a partitioned set of its own (registered with
   * all of the row's values, {@code sub_retention} and {@code sub_retention_keep_index} included)
   * with its children kept inside the child's range, and from then on every new child of the set is
   * made that way. Children holding rows keep them: they are moved out, the child is rebuilt, and
   * they are moved back in batches; calling again after a failure finishes the work.
   *
   * <pre>{@code
   * partman.createSubParent(
   *     SubPartitionDefinition.of("public.events", "created_at", "1 day").declarativeCheck("yes"));
   * }</pre>
   *
   * @throws PartmanException {@link ErrorCode#INVALID_ARGUMENT} without the confirmation or for a
   *     definition that does not fit the set (nothing changed then), {@link
   *     ErrorCode#SET_NOT_FOUND} for an unmanaged parent, {@link ErrorCode#SET_ALREADY_EXISTS} when
   *     it is sub-partitioned differently already
   */
  public SubParentResult createSubParent(SubPartitionDefinition definition) {
    return subParentCommand().run(definition);
  }

  /**
   * What {@link #createSubParent} would do, changing nothing: the part_config_sub row, and for each
   * child the statements that rebuild it and the steps that follow.
   */
  public List<String> createSubParentDryRun(SubPartitionDefinition definition) {
    return subParentCommand().dryRun(definition);
  }

  /**
   * Stops sub-partitioning new children of a set (pg_partman's {@code stop_sub_partition}): its
   * {@code part_config_sub} row is removed; existing sub-sets stay and are still maintained.
   *
   * @return whether the set was sub-partitioned
   * @throws PartmanException {@link ErrorCode#SET_NOT_FOUND} for an unmanaged parent
   */
  public boolean stopSubPartition(String parentTable) {
    return new StopSubPartition(sessions, settings.schema()).run(parentTable);
  }

  /**
   * What {@link #stopSubPartition} would run, without running it: the {@code DELETE} of the set's
   * part_config_sub row, or an empty list when the set is not sub-partitioned. Changes nothing.
   *
   * @throws PartmanException as {@link #stopSubPartition}
   */
  public List<String> stopSubPartitionDryRun(String parentTable) {
    return new StopSubPartition(sessions, settings.schema()).dryRun(parentTable);
  }

  private CreateSubParent subParentCommand() {
    return new CreateSubParent(sessions, settings.schema(), settings.clock(), settings.lockRetry());
  }

  // Dry runs of reapplyPrivileges and partitionGapFill

  /**
   * The SQL {@link #reapplyPrivileges} would run now, in order, without changing anything: for each
   * child (the default first, then by name) the GRANT, REVOKE and ALTER TABLE … OWNER TO statements
   * that would give it the parent's privileges and owner; children that already match add none.
   * Planned by the same code as the real call, from the catalog as it is now (the store schema is
   * installed if missing).
   *
   * <pre>{@code
   * partman.reapplyPrivilegesDryRun("public.events").forEach(System.out::println);
   * }</pre>
   *
   * @param parentTable the set's parent, {@code schema.table}
   * @throws PartmanException as {@link #reapplyPrivileges}: {@link ErrorCode#SET_NOT_FOUND} /
   *     {@link ErrorCode#OBJECT_NOT_FOUND} for an unknown set, {@link ErrorCode#INVALID_ARGUMENT}
   *     for a malformed name
   */
  public List<String> reapplyPrivilegesDryRun(String parentTable) {
    return new ReapplyPrivileges(sessions, settings.schema(), settings.lockRetry())
        .dryRun(parentTable);
  }

  /**
   * The SQL {@link #partitionGapFill} would run now, in order, without changing anything: the
   * statements that make each missing child between the oldest and the newest (CREATE, template
   * properties, ATTACH, checks, grants, replica identity), planned by the same code as the real
   * call (the store schema is installed if missing). Privilege statements are rendered against the
   * grants a new table gets, and a replica identity index by a placeholder name, as in {@link
   * #createPartitionDryRun}. Rows of a missing child sitting in the default partition are not
   * looked for; the real call refuses them ({@link ErrorCode#PARTITION_CONFLICT}).
   *
   * @param parentTable the set's parent, {@code schema.table}
   * @throws PartmanException as {@link #partitionGapFill}: {@link ErrorCode#SET_NOT_FOUND} / {@link
   *     ErrorCode#OBJECT_NOT_FOUND} for an unknown set, {@link ErrorCode#NAME_COLLISION} when a
   *     missing child's name is taken
   */
  public List<String> partitionGapFillDryRun(String parentTable) {
    return new GapFill(sessions, settings.schema(), settings.lockRetry()).dryRun(parentTable);
  }

  // Dry runs of maintenance, retention and constraints; maintenance with progress

  /**
   * What {@link #runMaintenance()} would do now, without doing it: per set, the exact statements a
   * run would execute, in order — the children premake would create (with the moves of their rows
   * out of the default partition), the constraint-exclusion constraints, retention's {@code DETACH
   * [CONCURRENTLY]}, {@code DROP} or {@code SET SCHEMA} — and last the {@code maintenance_last_run}
   * update. The decisions are the ones a run makes, from the same reads. Only plain reads are made:
   * no maintenance or set lock is taken, so it neither waits for a running maintainer nor holds off
   * writers, and nothing changes (the store schema is installed if missing).
   *
   * <pre>{@code
   * MaintenancePlan plan = partman.runMaintenanceDryRun();
   * plan.statements().forEach(System.out::println);
   * }</pre>
   *
   * <p>Each set is planned from the catalog as it is now; where rows would move from the default
   * into a new child, a run chooses its constraint and retention targets after that move, and may
   * choose differently. The children of a sub-partitioned set's new children are not listed.
   */
  public MaintenancePlan runMaintenanceDryRun() {
    return maintenanceCommand().dryRun(null);
  }

  /**
   * What {@link #runMaintenance(String)} would do now to one set, as {@link
   * #runMaintenanceDryRun()}.
   *
   * @throws PartmanException {@link ErrorCode#INVALID_ARGUMENT} for a malformed or null name,
   *     {@link ErrorCode#SET_NOT_FOUND} when no part_config row names the table
   */
  public MaintenancePlan runMaintenanceDryRun(String parentTable) {
    if (parentTable == null) {
      throw new PartmanException(
          ErrorCode.INVALID_ARGUMENT,
          "No parent table was given; name the set (schema.table), or call"
              + " runMaintenanceDryRun().");
    }
    return maintenanceCommand().dryRun(parentTable);
  }

  /**
   * {@link #runMaintenance(String)} (or, with a null {@code parentTable}, {@link
   * #runMaintenance()}) that tells {@code listener} after each set where the run stands: set i of
   * n, the set, the children created so far. For progress bars and metrics.
   *
   * <pre>{@code
   * partman.runMaintenance(null, p ->
   *     log.info("{}/{} {}: {} children so far", p.setNumber(), p.setCount(), p.parentTable(),
   *         p.childrenCreated()));
   * }</pre>
   *
   * @param parentTable the one set to maintain, or null for every set with {@code
   *     automatic_maintenance = 'on'}
   * @throws PartmanException as {@link #runMaintenance(String)}
   */
  public MaintenanceResult runMaintenance(String parentTable, MaintenanceListener listener) {
    return maintenanceCommand()
        .run(parentTable, listener == null ? MaintenanceListener.NONE : listener);
  }

  /**
   * The statements {@link #dropPartitionTime} would run now with the same arguments, in order,
   * without changing anything: {@code DETACH ... CONCURRENTLY} (or {@code FINALIZE}, or a plain
   * detach beside a default partition), then {@code DROP TABLE}, or the index drops and {@code SET
   * SCHEMA}. Plain reads only; the set's lock is not taken. Checked as {@link #dropPartitionTime}
   * checks, with the same errors.
   */
  public List<String> dropPartitionTimeDryRun(
      String parentTable,
      String retention,
      Instant reference,
      Boolean keepTable,
      Boolean keepIndex,
      String retentionSchema) {
    return retention()
        .dropTimeDryRun(parentTable, retention, reference, keepTable, keepIndex, retentionSchema);
  }

  /**
   * The statements {@link #dropPartitionId} would run now with the same arguments, in order,
   * without changing anything; otherwise as {@link #dropPartitionTimeDryRun}.
   */
  public List<String> dropPartitionIdDryRun(
      String parentTable,
      Long retention,
      Boolean keepTable,
      Boolean keepIndex,
      String retentionSchema) {
    return retention().dropIdDryRun(parentTable, retention, keepTable, keepIndex, retentionSchema);
  }

  /**
   * The statements {@link #applyConstraints} would run now with the same arguments, in order,
   * without changing anything: the child's {@code LOCK ... IN SHARE MODE}, each {@code ADD
   * CONSTRAINT} with the child's current min/max, and the {@code ANALYZE} when asked. Empty when
   * the set has no {@code constraint_cols} or no child qualifies. The child is read, not locked.
   *
   * @throws PartmanException as {@link #applyConstraints}
   */
  public List<String> applyConstraintsDryRun(
      String parentTable, String childTable, boolean analyze) {
    return constraints().applyDryRun(parentTable, childTable, analyze);
  }

  /**
   * The statements {@link #dropConstraints} would run now, in order, without changing anything.
   *
   * @throws PartmanException as {@link #dropConstraints}
   */
  public List<String> dropConstraintsDryRun(String parentTable, String childTable) {
    return constraints().dropDryRun(parentTable, childTable);
  }

  // Dry runs of the data moves

  /**
   * The statements {@link #partitionData} would send with these options, in order, changing
   * nothing: the children it would make, then each batch with its range written in (a run sends
   * each batch as one transaction). The source's rows are read to find the batches; a run started
   * after writes to the source may send other batches.
   *
   * @throws PartmanException as {@link #partitionData} does for bad input
   */
  public List<String> partitionDataDryRun(String parentTable, PartitionDataOptions options) {
    return new PartitionData(sessions, settings.schema(), settings.lockRetry())
        .dryRun(parentTable, options);
  }

  /**
   * The statements {@link #undoPartition} would send with these options, in order, changing
   * nothing: marking the set as being undone, each batch with its range written in, each detach
   * (and drop), and the removal of the set's configuration (and automatic template).
   *
   * @throws PartmanException as {@link #undoPartition} does for bad input
   */
  public List<String> undoPartitionDryRun(String parentTable, UndoOptions options) {
    return new UndoPartition(sessions, settings.schema()).dryRun(parentTable, options);
  }
}
