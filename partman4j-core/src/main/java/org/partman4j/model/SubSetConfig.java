package org.partman4j.model;

import java.util.List;

/**
 * One row of {@code part_config_sub}: how the children of {@code sub_parent} are themselves
 * partitioned when they are created, column for column as pg_partman 5 defines it. Like {@link
 * SetConfig}, a value checked only for NOT NULL; null means SQL NULL.
 *
 * @param subParent {@code sub_parent}
 * @param subControl {@code sub_control}
 * @param subTimeEncoder {@code sub_time_encoder}
 * @param subTimeDecoder {@code sub_time_decoder}
 * @param subPartitionInterval {@code sub_partition_interval}
 * @param subPartitionType {@code sub_partition_type}
 * @param subPremake {@code sub_premake}
 * @param subAutomaticMaintenance {@code sub_automatic_maintenance}
 * @param subTemplateTable {@code sub_template_table}
 * @param subRetention {@code sub_retention}
 * @param subRetentionSchema {@code sub_retention_schema}
 * @param subRetentionKeepIndex {@code sub_retention_keep_index}
 * @param subRetentionKeepTable {@code sub_retention_keep_table}
 * @param subEpoch {@code sub_epoch}
 * @param subConstraintCols {@code sub_constraint_cols}
 * @param subOptimizeConstraint {@code sub_optimize_constraint}
 * @param subInfiniteTimePartitions {@code sub_infinite_time_partitions}
 * @param subJobmon {@code sub_jobmon}
 * @param subInheritPrivileges {@code sub_inherit_privileges} (nullable)
 * @param subConstraintValid {@code sub_constraint_valid}
 * @param subIgnoreDefaultData {@code sub_ignore_default_data}
 * @param subDefaultTable {@code sub_default_table} (nullable)
 * @param subDateTruncInterval {@code sub_date_trunc_interval}
 * @param subMaintenanceOrder {@code sub_maintenance_order} (nullable)
 * @param subRetentionKeepPublication {@code sub_retention_keep_publication}
 * @param subControlNotNull {@code sub_control_not_null} (nullable)
 * @param subDetachBeforeDrop {@code sub_detach_before_drop} (nullable)
 * @param subMaintenanceRole {@code sub_maintenance_role}
 */
public record SubSetConfig(
    String subParent,
    String subControl,
    String subTimeEncoder,
    String subTimeDecoder,
    String subPartitionInterval,
    String subPartitionType,
    int subPremake,
    String subAutomaticMaintenance,
    String subTemplateTable,
    String subRetention,
    String subRetentionSchema,
    boolean subRetentionKeepIndex,
    boolean subRetentionKeepTable,
    String subEpoch,
    List<String> subConstraintCols,
    int subOptimizeConstraint,
    boolean subInfiniteTimePartitions,
    boolean subJobmon,
    Boolean subInheritPrivileges,
    boolean subConstraintValid,
    boolean subIgnoreDefaultData,
    Boolean subDefaultTable,
    String subDateTruncInterval,
    Integer subMaintenanceOrder,
    boolean subRetentionKeepPublication,
    Boolean subControlNotNull,
    Boolean subDetachBeforeDrop,
    String subMaintenanceRole) {

  public SubSetConfig {
    ConfigValues.required(subParent, "sub_parent");
    ConfigValues.required(subControl, "sub_control");
    ConfigValues.required(subPartitionInterval, "sub_partition_interval");
    ConfigValues.required(subPartitionType, "sub_partition_type");
    ConfigValues.required(subAutomaticMaintenance, "sub_automatic_maintenance");
    ConfigValues.required(subEpoch, "sub_epoch");
    subConstraintCols = ConfigValues.copyOf(subConstraintCols);
  }

  /**
   * A builder holding the table's column defaults and the four required values. {@code
   * sub_maintenance_role} defaults to {@code current_user} in the table; the builder leaves it null
   * unless set.
   */
  public static SubSetConfigBuilder builder(
      String subParent, String subControl, String subPartitionInterval, String subPartitionType) {
    return new SubSetConfigBuilder(subParent, subControl, subPartitionInterval, subPartitionType);
  }

  /** A builder holding this row's values, to derive a changed copy. */
  public SubSetConfigBuilder toBuilder() {
    return new SubSetConfigBuilder(this);
  }
}
