package org.partman4j;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Partman#createSubParent} registers: pg_partman's {@code create_sub_parent} arguments
 * (with the same defaults), and the other {@code part_config_sub} columns each sub-set copies.
 * Immutable; each setter returns a changed copy.
 *
 * <pre>{@code
 * SubPartitionDefinition daily =
 *     SubPartitionDefinition.of("public.events", "created_at", "1 day")
 *         .premake(3)
 *         .subRetention("30 days")
 *         .declarativeCheck("yes");   // required: existing children are rebuilt
 * }</pre>
 *
 * <p>Values are checked by {@code createSubParent} against the catalog and the top set, before
 * anything changes.
 */
public final class SubPartitionDefinition {

  private final String topParent;
  private final String control;
  private final String interval;
  private String type = "range";
  private boolean defaultTable = true;
  private String declarativeCheck;
  private List<String> constraintCols;
  private int premake = 4;
  private String startPartition;
  private String epoch = "none";
  private boolean jobmon = true;
  private String dateTruncInterval;
  private boolean controlNotNull = true;
  private String timeEncoder;
  private String timeDecoder;
  private String automaticMaintenance = "on";
  private String templateTable;
  private String retention;
  private String retentionSchema;
  private boolean retentionKeepTable = true;
  private boolean retentionKeepIndex = true;
  private boolean retentionKeepPublication;
  private int optimizeConstraint = 30;
  private boolean infiniteTimePartitions;
  private boolean inheritPrivileges;
  private boolean constraintValid = true;
  private boolean ignoreDefaultData = true;
  private Integer maintenanceOrder;

  private SubPartitionDefinition(String topParent, String control, String interval) {
    this.topParent = Objects.requireNonNull(topParent, "topParent");
    this.control = Objects.requireNonNull(control, "control");
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  /**
   * Sub-partitioning of every child of the managed set {@code topParent} ({@code schema.table}) by
   * {@code control} every {@code interval} (an interval text for time, a whole number for ids).
   */
  public static SubPartitionDefinition of(String topParent, String control, String interval) {
    return new SubPartitionDefinition(topParent, control, interval);
  }

  private SubPartitionDefinition copy() {
    SubPartitionDefinition d = new SubPartitionDefinition(topParent, control, interval);
    d.type = type;
    d.defaultTable = defaultTable;
    d.declarativeCheck = declarativeCheck;
    d.constraintCols = constraintCols;
    d.premake = premake;
    d.startPartition = startPartition;
    d.epoch = epoch;
    d.jobmon = jobmon;
    d.dateTruncInterval = dateTruncInterval;
    d.controlNotNull = controlNotNull;
    d.timeEncoder = timeEncoder;
    d.timeDecoder = timeDecoder;
    d.automaticMaintenance = automaticMaintenance;
    d.templateTable = templateTable;
    d.retention = retention;
    d.retentionSchema = retentionSchema;
    d.retentionKeepTable = retentionKeepTable;
    d.retentionKeepIndex = retentionKeepIndex;
    d.retentionKeepPublication = retentionKeepPublication;
    d.optimizeConstraint = optimizeConstraint;
    d.infiniteTimePartitions = infiniteTimePartitions;
    d.inheritPrivileges = inheritPrivileges;
    d.constraintValid = constraintValid;
    d.ignoreDefaultData = ignoreDefaultData;
    d.maintenanceOrder = maintenanceOrder;
    return d;
  }

  /** {@code p_type}: {@code range} (default) or {@code list} (id sub-sets with interval 1). */
  public SubPartitionDefinition type(String type) {
    SubPartitionDefinition d = copy();
    d.type = type;
    return d;
  }

  /** {@code p_default_table}: whether each sub-set gets a default partition (default true). */
  public SubPartitionDefinition defaultTable(boolean defaultTable) {
    SubPartitionDefinition d = copy();
    d.defaultTable = defaultTable;
    return d;
  }

  /**
   * {@code p_declarative_check}: must be {@code yes} (any case). Every existing child is rebuilt as
   * a partitioned table, so the call asks for explicit confirmation, as pg_partman does; unlike
   * pg_partman the rows of those children are kept.
   */
  public SubPartitionDefinition declarativeCheck(String declarativeCheck) {
    SubPartitionDefinition d = copy();
    d.declarativeCheck = declarativeCheck;
    return d;
  }

  /** {@code p_constraint_cols}: the sub-sets' extra constraint columns. */
  public SubPartitionDefinition constraintCols(List<String> constraintCols) {
    SubPartitionDefinition d = copy();
    d.constraintCols = constraintCols == null ? null : List.copyOf(constraintCols);
    return d;
  }

  /** {@code p_premake}: the sub-sets' premake (default 4). */
  public SubPartitionDefinition premake(int premake) {
    SubPartitionDefinition d = copy();
    d.premake = premake;
    return d;
  }

  /**
   * {@code p_start_partition}: the first sub-child's start for the sub-sets made by this call (a
   * timestamp text for time, a whole number for ids); not stored.
   */
  public SubPartitionDefinition startPartition(String startPartition) {
    SubPartitionDefinition d = copy();
    d.startPartition = startPartition;
    return d;
  }

  /** {@code p_epoch}: {@code none} (default) or the unit of an integer column holding time. */
  public SubPartitionDefinition epoch(String epoch) {
    SubPartitionDefinition d = copy();
    d.epoch = epoch;
    return d;
  }

  /** {@code p_jobmon}: stored for pg_partman compatibility. */
  public SubPartitionDefinition jobmon(boolean jobmon) {
    SubPartitionDefinition d = copy();
    d.jobmon = jobmon;
    return d;
  }

  /** {@code p_date_trunc_interval} of the sub-sets. */
  public SubPartitionDefinition dateTruncInterval(String dateTruncInterval) {
    SubPartitionDefinition d = copy();
    d.dateTruncInterval = dateTruncInterval;
    return d;
  }

  /** {@code sub_control_not_null}: require the sub control column to be NOT NULL (default true). */
  public SubPartitionDefinition controlNotNull(boolean controlNotNull) {
    SubPartitionDefinition d = copy();
    d.controlNotNull = controlNotNull;
    return d;
  }

  /** {@code sub_time_encoder} and {@code sub_time_decoder} for text/uuid sub control columns. */
  public SubPartitionDefinition timeEncoding(String timeEncoder, String timeDecoder) {
    SubPartitionDefinition d = copy();
    d.timeEncoder = timeEncoder;
    d.timeDecoder = timeDecoder;
    return d;
  }

  /** {@code sub_automatic_maintenance}: {@code on} (default) or {@code off}. */
  public SubPartitionDefinition automaticMaintenance(String automaticMaintenance) {
    SubPartitionDefinition d = copy();
    d.automaticMaintenance = automaticMaintenance;
    return d;
  }

  /**
   * {@code sub_template_table}: the sub-sets' template; null (default) takes the top set's, as
   * pg_partman does.
   */
  public SubPartitionDefinition templateTable(String templateTable) {
    SubPartitionDefinition d = copy();
    d.templateTable = templateTable;
    return d;
  }

  /**
   * {@code sub_retention}: each sub-set's retention (interval text or number). pg_partman stores it
   * but never copies it into the sub-sets; partman4j does.
   */
  public SubPartitionDefinition subRetention(String retention) {
    SubPartitionDefinition d = copy();
    d.retention = retention;
    return d;
  }

  /** {@code sub_retention_schema}. */
  public SubPartitionDefinition subRetentionSchema(String retentionSchema) {
    SubPartitionDefinition d = copy();
    d.retentionSchema = retentionSchema;
    return d;
  }

  /** {@code sub_retention_keep_table} (default true). */
  public SubPartitionDefinition subRetentionKeepTable(boolean keep) {
    SubPartitionDefinition d = copy();
    d.retentionKeepTable = keep;
    return d;
  }

  /**
   * {@code sub_retention_keep_index} (default true); copied into the sub-sets, unlike pg_partman.
   */
  public SubPartitionDefinition subRetentionKeepIndex(boolean keep) {
    SubPartitionDefinition d = copy();
    d.retentionKeepIndex = keep;
    return d;
  }

  /** {@code sub_retention_keep_publication} (default false). */
  public SubPartitionDefinition subRetentionKeepPublication(boolean keep) {
    SubPartitionDefinition d = copy();
    d.retentionKeepPublication = keep;
    return d;
  }

  /** {@code sub_optimize_constraint} (default 30). */
  public SubPartitionDefinition optimizeConstraint(int optimizeConstraint) {
    SubPartitionDefinition d = copy();
    d.optimizeConstraint = optimizeConstraint;
    return d;
  }

  /** {@code sub_infinite_time_partitions} (default false). */
  public SubPartitionDefinition infiniteTimePartitions(boolean infinite) {
    SubPartitionDefinition d = copy();
    d.infiniteTimePartitions = infinite;
    return d;
  }

  /** {@code sub_inherit_privileges} (default false). */
  public SubPartitionDefinition inheritPrivileges(boolean inherit) {
    SubPartitionDefinition d = copy();
    d.inheritPrivileges = inherit;
    return d;
  }

  /** {@code sub_constraint_valid} (default true). */
  public SubPartitionDefinition constraintValid(boolean valid) {
    SubPartitionDefinition d = copy();
    d.constraintValid = valid;
    return d;
  }

  /** {@code sub_ignore_default_data} (default true). */
  public SubPartitionDefinition ignoreDefaultData(boolean ignore) {
    SubPartitionDefinition d = copy();
    d.ignoreDefaultData = ignore;
    return d;
  }

  /** {@code sub_maintenance_order} (default null). */
  public SubPartitionDefinition maintenanceOrder(Integer order) {
    SubPartitionDefinition d = copy();
    d.maintenanceOrder = order;
    return d;
  }

  public String topParent() {
    return topParent;
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

  public boolean defaultTable() {
    return defaultTable;
  }

  public String declarativeCheck() {
    return declarativeCheck;
  }

  public List<String> constraintCols() {
    return constraintCols;
  }

  public int premake() {
    return premake;
  }

  public String startPartition() {
    return startPartition;
  }

  public String epoch() {
    return epoch;
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

  public String automaticMaintenance() {
    return automaticMaintenance;
  }

  public String templateTable() {
    return templateTable;
  }

  public String subRetention() {
    return retention;
  }

  public String subRetentionSchema() {
    return retentionSchema;
  }

  public boolean subRetentionKeepTable() {
    return retentionKeepTable;
  }

  public boolean subRetentionKeepIndex() {
    return retentionKeepIndex;
  }

  public boolean subRetentionKeepPublication() {
    return retentionKeepPublication;
  }

  public int optimizeConstraint() {
    return optimizeConstraint;
  }

  public boolean infiniteTimePartitions() {
    return infiniteTimePartitions;
  }

  public boolean inheritPrivileges() {
    return inheritPrivileges;
  }

  public boolean constraintValid() {
    return constraintValid;
  }

  public boolean ignoreDefaultData() {
    return ignoreDefaultData;
  }

  public Integer maintenanceOrder() {
    return maintenanceOrder;
  }
}
