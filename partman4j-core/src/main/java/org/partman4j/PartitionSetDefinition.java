package org.partman4j;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Partman#createParent} registers: pg_partman's {@code create_parent} arguments, with
 * the same defaults. Immutable; each {@code with…}-style setter returns a changed copy.
 *
 * <pre>{@code
 * PartitionSetDefinition events =
 *     PartitionSetDefinition.of("public.events", "created_at", "1 day")
 *         .premake(7)
 *         .startPartition("2026-01-01");
 * }</pre>
 *
 * <p>Values are checked when the set is created, against the catalog, with messages saying what to
 * change; building a definition never fails except for null required values.
 */
public final class PartitionSetDefinition {

  /** {@code p_template_table} value that asks for no template table. */
  public static final String NO_TEMPLATE = "false";

  private final String parentTable;
  private final String control;
  private final String interval;
  private String type = "range";
  private String epoch = "none";
  private int premake = 4;
  private String startPartition;
  private boolean defaultTable = true;
  private String automaticMaintenance = "on";
  private List<String> constraintCols;
  private String templateTable;
  private boolean jobmon = true;
  private String dateTruncInterval;
  private boolean controlNotNull = true;
  private String timeEncoder;
  private String timeDecoder;
  private long offsetId;
  private String timeZone;
  private String childTablePrefix = "_p";
  private Boolean inheritPrivileges;

  private PartitionSetDefinition(String parentTable, String control, String interval) {
    this.parentTable = Objects.requireNonNull(parentTable, "parentTable");
    this.control = Objects.requireNonNull(control, "control");
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  private PartitionSetDefinition copy() {
    PartitionSetDefinition d = new PartitionSetDefinition(parentTable, control, interval);
    d.type = type;
    d.epoch = epoch;
    d.premake = premake;
    d.startPartition = startPartition;
    d.defaultTable = defaultTable;
    d.automaticMaintenance = automaticMaintenance;
    d.constraintCols = constraintCols;
    d.templateTable = templateTable;
    d.jobmon = jobmon;
    d.dateTruncInterval = dateTruncInterval;
    d.controlNotNull = controlNotNull;
    d.timeEncoder = timeEncoder;
    d.timeDecoder = timeDecoder;
    d.offsetId = offsetId;
    d.timeZone = timeZone;
    d.childTablePrefix = childTablePrefix;
    d.inheritPrivileges = inheritPrivileges;
    return d;
  }

  /**
   * A set on {@code parentTable} ({@code schema.table}, names as in the catalog, case-sensitive),
   * partitioned by {@code control} every {@code interval}: an interval text for time ({@code "1
   * day"}, {@code "15 minutes"}, {@code "1 month"}) or a whole number for ids ({@code "100000"}).
   */
  public static PartitionSetDefinition of(String parentTable, String control, String interval) {
    return new PartitionSetDefinition(parentTable, control, interval);
  }

  /** {@code p_type}: {@code range} (default) or {@code list} (id sets with interval 1). */
  public PartitionSetDefinition type(String type) {
    PartitionSetDefinition d = copy();
    d.type = type;
    return d;
  }

  /**
   * {@code p_epoch}: {@code none} (default), or {@code seconds}, {@code milliseconds}, {@code
   * microseconds}, {@code nanoseconds} for an integer column holding time.
   */
  public PartitionSetDefinition epoch(String epoch) {
    PartitionSetDefinition d = copy();
    d.epoch = epoch;
    return d;
  }

  /** {@code p_premake}: children kept ahead of the current one (default 4). */
  public PartitionSetDefinition premake(int premake) {
    PartitionSetDefinition d = copy();
    d.premake = premake;
    return d;
  }

  /**
   * {@code p_start_partition}: the first child's start — a timestamp text for time and epoch sets
   * (read in the set's zone), a whole number for id sets. Default: {@code premake} intervals back.
   */
  public PartitionSetDefinition startPartition(String startPartition) {
    PartitionSetDefinition d = copy();
    d.startPartition = startPartition;
    return d;
  }

  /** {@code p_default_table}: whether to make the default partition (default true). */
  public PartitionSetDefinition defaultTable(boolean defaultTable) {
    PartitionSetDefinition d = copy();
    d.defaultTable = defaultTable;
    return d;
  }

  /** {@code p_automatic_maintenance}: {@code on} (default) or {@code off}. */
  public PartitionSetDefinition automaticMaintenance(String automaticMaintenance) {
    PartitionSetDefinition d = copy();
    d.automaticMaintenance = automaticMaintenance;
    return d;
  }

  /** {@code p_constraint_cols}: columns that get min/max constraints on old children. */
  public PartitionSetDefinition constraintCols(List<String> constraintCols) {
    PartitionSetDefinition d = copy();
    d.constraintCols = constraintCols == null ? null : List.copyOf(constraintCols);
    return d;
  }

  /**
   * {@code p_template_table}: null (default) creates {@code <partman schema>.template_<schema>_
   * <table>}; {@link #NO_TEMPLATE} ({@code "false"}) uses none; else an existing {@code
   * schema.table}.
   */
  public PartitionSetDefinition templateTable(String templateTable) {
    PartitionSetDefinition d = copy();
    d.templateTable = templateTable;
    return d;
  }

  /** {@code p_jobmon}: stored for pg_partman compatibility; partman4j does not use pg_jobmon. */
  public PartitionSetDefinition jobmon(boolean jobmon) {
    PartitionSetDefinition d = copy();
    d.jobmon = jobmon;
    return d;
  }

  /**
   * {@code p_date_trunc_interval}: the date_trunc unit the first child starts on ({@code week},
   * {@code quarter}, …) instead of the one the interval implies.
   */
  public PartitionSetDefinition dateTruncInterval(String dateTruncInterval) {
    PartitionSetDefinition d = copy();
    d.dateTruncInterval = dateTruncInterval;
    return d;
  }

  /** {@code p_control_not_null}: require the control column to be NOT NULL (default true). */
  public PartitionSetDefinition controlNotNull(boolean controlNotNull) {
    PartitionSetDefinition d = copy();
    d.controlNotNull = controlNotNull;
    return d;
  }

  /**
   * {@code p_time_encoder} and {@code p_time_decoder}: schema-qualified functions turning a
   * timestamptz into the {@code text}/{@code uuid} control type and back. For a {@code uuid} column
   * they default to pg_partman's UUIDv7 pair, which partman4j evaluates itself.
   */
  public PartitionSetDefinition timeEncoding(String timeEncoder, String timeDecoder) {
    PartitionSetDefinition d = copy();
    d.timeEncoder = timeEncoder;
    d.timeDecoder = timeDecoder;
    return d;
  }

  /** {@code p_offset_id}: shifts an id set's grid (5 gives 5, 15, 25 …); default 0. */
  public PartitionSetDefinition offsetId(long offsetId) {
    PartitionSetDefinition d = copy();
    d.offsetId = offsetId;
    return d;
  }

  /**
   * {@code partition_timezone}: a PostgreSQL zone name the set's boundaries and names are computed
   * in; null (default) uses the session's zone, the database's default.
   */
  public PartitionSetDefinition timeZone(String timeZone) {
    PartitionSetDefinition d = copy();
    d.timeZone = timeZone;
    return d;
  }

  /** {@code child_table_prefix}: the text between parent name and suffix (default {@code _p}). */
  public PartitionSetDefinition childTablePrefix(String childTablePrefix) {
    PartitionSetDefinition d = copy();
    d.childTablePrefix = childTablePrefix;
    return d;
  }

  /**
   * {@code inherit_privileges}: give each new child the parent's grants and owner. pg_partman has
   * no argument for it (it is set with UPDATE afterwards); default false.
   */
  public PartitionSetDefinition inheritPrivileges(boolean inheritPrivileges) {
    PartitionSetDefinition d = copy();
    d.inheritPrivileges = inheritPrivileges;
    return d;
  }

  public String parentTable() {
    return parentTable;
  }

  public String control() {
    return control;
  }

  public String interval() {
    return interval;
  }

  public String type() {
    return type;
  }

  public String epoch() {
    return epoch;
  }

  public int premake() {
    return premake;
  }

  public String startPartition() {
    return startPartition;
  }

  public boolean defaultTable() {
    return defaultTable;
  }

  public String automaticMaintenance() {
    return automaticMaintenance;
  }

  public List<String> constraintCols() {
    return constraintCols;
  }

  public String templateTable() {
    return templateTable;
  }

  public boolean jobmon() {
    return jobmon;
  }

  public String dateTruncInterval() {
    return dateTruncInterval;
  }

  public boolean controlNotNull() {
    return controlNotNull;
  }

  public String timeEncoder() {
    return timeEncoder;
  }

  public String timeDecoder() {
    return timeDecoder;
  }

  public long offsetId() {
    return offsetId;
  }

  public String timeZone() {
    return timeZone;
  }

  public String childTablePrefix() {
    return childTablePrefix;
  }

  /** Null when not given (false). */
  public Boolean inheritPrivileges() {
    return inheritPrivileges;
  }

  @Override
  public String toString() {
    return "PartitionSetDefinition[" + parentTable + ", " + control + ", " + interval + "]";
  }
}
