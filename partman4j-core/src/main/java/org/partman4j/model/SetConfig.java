package org.partman4j.model;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code part_config}: the configuration of one partition set, column for column as
 * pg_partman 5 defines it (see its documentation for each column's meaning). A value, with no
 * validation beyond NOT NULL: the store's CHECK constraints judge the rest, as they do for rows
 * written by plain SQL.
 *
 * <p>Nullable columns are nullable here ({@code Integer}, {@code Boolean}, {@code String}, {@code
 * List}); null means SQL NULL. Build one with {@link #builder}, which starts from the columns'
 * defaults.
 *
 * @param parentTable {@code parent_table}, {@code schema.table} as in the catalog, unquoted
 * @param control {@code control}, the partition key column
 * @param timeEncoder {@code time_encoder}
 * @param timeDecoder {@code time_decoder}
 * @param partitionInterval {@code partition_interval}: interval text for time sets, a number for id
 *     sets
 * @param partitionType {@code partition_type}: {@code range} or {@code list}
 * @param premake {@code premake}, must be positive
 * @param automaticMaintenance {@code automatic_maintenance}: {@code on} or {@code off}
 * @param templateTable {@code template_table}
 * @param retention {@code retention}
 * @param retentionSchema {@code retention_schema}
 * @param retentionKeepIndex {@code retention_keep_index}
 * @param retentionKeepTable {@code retention_keep_table}
 * @param epoch {@code epoch}: none, seconds, milliseconds, microseconds or nanoseconds
 * @param constraintCols {@code constraint_cols}
 * @param optimizeConstraint {@code optimize_constraint}
 * @param infiniteTimePartitions {@code infinite_time_partitions}
 * @param datetimeString {@code datetime_string}
 * @param jobmon {@code jobmon}
 * @param subPartitionSetFull {@code sub_partition_set_full}
 * @param undoInProgress {@code undo_in_progress}
 * @param inheritPrivileges {@code inherit_privileges} (nullable)
 * @param constraintValid {@code constraint_valid}
 * @param ignoreDefaultData {@code ignore_default_data}
 * @param dateTruncInterval {@code date_trunc_interval}
 * @param maintenanceOrder {@code maintenance_order}
 * @param retentionKeepPublication {@code retention_keep_publication}
 * @param maintenanceLastRun {@code maintenance_last_run}, kept to the microsecond
 * @param detachBeforeDrop {@code detach_before_drop} (nullable)
 * @param maintenanceRole {@code maintenance_role}
 * @param asyncPartitioningInProgress {@code async_partitioning_in_progress}
 * @param childTablePrefix {@code child_table_prefix}, must not be empty
 * @param partitionTimezone {@code partition_timezone}: the zone this set's boundaries are computed
 *     in; null means the session's (the database's default) zone
 */
public record SetConfig(
    String parentTable,
    String control,
    String timeEncoder,
    String timeDecoder,
    String partitionInterval,
    String partitionType,
    int premake,
    String automaticMaintenance,
    String templateTable,
    String retention,
    String retentionSchema,
    boolean retentionKeepIndex,
    boolean retentionKeepTable,
    String epoch,
    List<String> constraintCols,
    int optimizeConstraint,
    boolean infiniteTimePartitions,
    String datetimeString,
    boolean jobmon,
    boolean subPartitionSetFull,
    boolean undoInProgress,
    Boolean inheritPrivileges,
    boolean constraintValid,
    boolean ignoreDefaultData,
    String dateTruncInterval,
    Integer maintenanceOrder,
    boolean retentionKeepPublication,
    Instant maintenanceLastRun,
    Boolean detachBeforeDrop,
    String maintenanceRole,
    String asyncPartitioningInProgress,
    String childTablePrefix,
    String partitionTimezone) {

  public SetConfig {
    ConfigValues.required(parentTable, "parent_table");
    ConfigValues.required(control, "control");
    ConfigValues.required(partitionInterval, "partition_interval");
    ConfigValues.required(partitionType, "partition_type");
    ConfigValues.required(automaticMaintenance, "automatic_maintenance");
    ConfigValues.required(epoch, "epoch");
    ConfigValues.required(childTablePrefix, "child_table_prefix");
    constraintCols = ConfigValues.copyOf(constraintCols);
    maintenanceLastRun = ConfigValues.micros(maintenanceLastRun);
  }

  /**
   * A builder holding the table's column defaults and the four required values, e.g. {@code
   * SetConfig.builder("public.events", "created_at", "1 day", "range").premake(7).build()}.
   *
   * <p>{@code maintenance_role} defaults to {@code current_user} in the table; the builder cannot
   * know that role and leaves it null unless {@link SetConfigBuilder#maintenanceRole} is called.
   */
  public static SetConfigBuilder builder(
      String parentTable, String control, String partitionInterval, String partitionType) {
    return new SetConfigBuilder(parentTable, control, partitionInterval, partitionType);
  }

  /** A builder holding this row's values, to derive a changed copy. */
  public SetConfigBuilder toBuilder() {
    return new SetConfigBuilder(this);
  }
}
