package org.partman4j.model;

import java.util.List;

/**
 * Builds a {@link SubSetConfig}, starting from the part_config_sub table's column defaults. Not
 * thread-safe.
 */
public final class SubSetConfigBuilder {

  private String subParent;
  private String subControl;
  private String subTimeEncoder;
  private String subTimeDecoder;
  private String subPartitionInterval;
  private String subPartitionType;
  private int subPremake = 4;
  private String subAutomaticMaintenance = "on";
  private String subTemplateTable;
  private String subRetention;
  private String subRetentionSchema;
  private boolean subRetentionKeepIndex = true;
  private boolean subRetentionKeepTable = true;
  private String subEpoch = "none";
  private List<String> subConstraintCols;
  private int subOptimizeConstraint = 30;
  private boolean subInfiniteTimePartitions = false;
  private boolean subJobmon = true;
  private Boolean subInheritPrivileges = false;
  private boolean subConstraintValid = true;
  private boolean subIgnoreDefaultData = true;
  private Boolean subDefaultTable = true;
  private String subDateTruncInterval;
  private Integer subMaintenanceOrder;
  private boolean subRetentionKeepPublication = false;
  private Boolean subControlNotNull = true;
  private Boolean subDetachBeforeDrop = false;
  private String subMaintenanceRole;

  SubSetConfigBuilder(
      String subParent, String subControl, String subPartitionInterval, String subPartitionType) {
    this.subParent = subParent;
    this.subControl = subControl;
    this.subPartitionInterval = subPartitionInterval;
    this.subPartitionType = subPartitionType;
  }

  SubSetConfigBuilder(SubSetConfig row) {
    this.subParent = row.subParent();
    this.subControl = row.subControl();
    this.subTimeEncoder = row.subTimeEncoder();
    this.subTimeDecoder = row.subTimeDecoder();
    this.subPartitionInterval = row.subPartitionInterval();
    this.subPartitionType = row.subPartitionType();
    this.subPremake = row.subPremake();
    this.subAutomaticMaintenance = row.subAutomaticMaintenance();
    this.subTemplateTable = row.subTemplateTable();
    this.subRetention = row.subRetention();
    this.subRetentionSchema = row.subRetentionSchema();
    this.subRetentionKeepIndex = row.subRetentionKeepIndex();
    this.subRetentionKeepTable = row.subRetentionKeepTable();
    this.subEpoch = row.subEpoch();
    this.subConstraintCols = row.subConstraintCols();
    this.subOptimizeConstraint = row.subOptimizeConstraint();
    this.subInfiniteTimePartitions = row.subInfiniteTimePartitions();
    this.subJobmon = row.subJobmon();
    this.subInheritPrivileges = row.subInheritPrivileges();
    this.subConstraintValid = row.subConstraintValid();
    this.subIgnoreDefaultData = row.subIgnoreDefaultData();
    this.subDefaultTable = row.subDefaultTable();
    this.subDateTruncInterval = row.subDateTruncInterval();
    this.subMaintenanceOrder = row.subMaintenanceOrder();
    this.subRetentionKeepPublication = row.subRetentionKeepPublication();
    this.subControlNotNull = row.subControlNotNull();
    this.subDetachBeforeDrop = row.subDetachBeforeDrop();
    this.subMaintenanceRole = row.subMaintenanceRole();
  }

  /** Sets {@code sub_parent}. */
  public SubSetConfigBuilder subParent(String value) {
    this.subParent = value;
    return this;
  }

  /** Sets {@code sub_control}. */
  public SubSetConfigBuilder subControl(String value) {
    this.subControl = value;
    return this;
  }

  /** Sets {@code sub_time_encoder}. */
  public SubSetConfigBuilder subTimeEncoder(String value) {
    this.subTimeEncoder = value;
    return this;
  }

  /** Sets {@code sub_time_decoder}. */
  public SubSetConfigBuilder subTimeDecoder(String value) {
    this.subTimeDecoder = value;
    return this;
  }

  /** Sets {@code sub_partition_interval}. */
  public SubSetConfigBuilder subPartitionInterval(String value) {
    this.subPartitionInterval = value;
    return this;
  }

  /** Sets {@code sub_partition_type}. */
  public SubSetConfigBuilder subPartitionType(String value) {
    this.subPartitionType = value;
    return this;
  }

  /** Sets {@code sub_premake}. */
  public SubSetConfigBuilder subPremake(int value) {
    this.subPremake = value;
    return this;
  }

  /** Sets {@code sub_automatic_maintenance}. */
  public SubSetConfigBuilder subAutomaticMaintenance(String value) {
    this.subAutomaticMaintenance = value;
    return this;
  }

  /** Sets {@code sub_template_table}. */
  public SubSetConfigBuilder subTemplateTable(String value) {
    this.subTemplateTable = value;
    return this;
  }

  /** Sets {@code sub_retention}. */
  public SubSetConfigBuilder subRetention(String value) {
    this.subRetention = value;
    return this;
  }

  /** Sets {@code sub_retention_schema}. */
  public SubSetConfigBuilder subRetentionSchema(String value) {
    this.subRetentionSchema = value;
    return this;
  }

  /** Sets {@code sub_retention_keep_index}. */
  public SubSetConfigBuilder subRetentionKeepIndex(boolean value) {
    this.subRetentionKeepIndex = value;
    return this;
  }

  /** Sets {@code sub_retention_keep_table}. */
  public SubSetConfigBuilder subRetentionKeepTable(boolean value) {
    this.subRetentionKeepTable = value;
    return this;
  }

  /** Sets {@code sub_epoch}. */
  public SubSetConfigBuilder subEpoch(String value) {
    this.subEpoch = value;
    return this;
  }

  /** Sets {@code sub_constraint_cols}. */
  public SubSetConfigBuilder subConstraintCols(List<String> value) {
    this.subConstraintCols = value;
    return this;
  }

  /** Sets {@code sub_optimize_constraint}. */
  public SubSetConfigBuilder subOptimizeConstraint(int value) {
    this.subOptimizeConstraint = value;
    return this;
  }

  /** Sets {@code sub_infinite_time_partitions}. */
  public SubSetConfigBuilder subInfiniteTimePartitions(boolean value) {
    this.subInfiniteTimePartitions = value;
    return this;
  }

  /** Sets {@code sub_jobmon}. */
  public SubSetConfigBuilder subJobmon(boolean value) {
    this.subJobmon = value;
    return this;
  }

  /** Sets {@code sub_inherit_privileges}. */
  public SubSetConfigBuilder subInheritPrivileges(Boolean value) {
    this.subInheritPrivileges = value;
    return this;
  }

  /** Sets {@code sub_constraint_valid}. */
  public SubSetConfigBuilder subConstraintValid(boolean value) {
    this.subConstraintValid = value;
    return this;
  }

  /** Sets {@code sub_ignore_default_data}. */
  public SubSetConfigBuilder subIgnoreDefaultData(boolean value) {
    this.subIgnoreDefaultData = value;
    return this;
  }

  /** Sets {@code sub_default_table}. */
  public SubSetConfigBuilder subDefaultTable(Boolean value) {
    this.subDefaultTable = value;
    return this;
  }

  /** Sets {@code sub_date_trunc_interval}. */
  public SubSetConfigBuilder subDateTruncInterval(String value) {
    this.subDateTruncInterval = value;
    return this;
  }

  /** Sets {@code sub_maintenance_order}. */
  public SubSetConfigBuilder subMaintenanceOrder(Integer value) {
    this.subMaintenanceOrder = value;
    return this;
  }

  /** Sets {@code sub_retention_keep_publication}. */
  public SubSetConfigBuilder subRetentionKeepPublication(boolean value) {
    this.subRetentionKeepPublication = value;
    return this;
  }

  /** Sets {@code sub_control_not_null}. */
  public SubSetConfigBuilder subControlNotNull(Boolean value) {
    this.subControlNotNull = value;
    return this;
  }

  /** Sets {@code sub_detach_before_drop}. */
  public SubSetConfigBuilder subDetachBeforeDrop(Boolean value) {
    this.subDetachBeforeDrop = value;
    return this;
  }

  /** Sets {@code sub_maintenance_role}. */
  public SubSetConfigBuilder subMaintenanceRole(String value) {
    this.subMaintenanceRole = value;
    return this;
  }

  /** The row. */
  public SubSetConfig build() {
    return new SubSetConfig(
        subParent,
        subControl,
        subTimeEncoder,
        subTimeDecoder,
        subPartitionInterval,
        subPartitionType,
        subPremake,
        subAutomaticMaintenance,
        subTemplateTable,
        subRetention,
        subRetentionSchema,
        subRetentionKeepIndex,
        subRetentionKeepTable,
        subEpoch,
        subConstraintCols,
        subOptimizeConstraint,
        subInfiniteTimePartitions,
        subJobmon,
        subInheritPrivileges,
        subConstraintValid,
        subIgnoreDefaultData,
        subDefaultTable,
        subDateTruncInterval,
        subMaintenanceOrder,
        subRetentionKeepPublication,
        subControlNotNull,
        subDetachBeforeDrop,
        subMaintenanceRole);
  }
}
