package org.partman4j.model;

import java.time.Instant;
import java.util.List;

/**
 * Builds a {@link SetConfig}, starting from the part_config table's column defaults. Not
 * thread-safe.
 */
public final class SetConfigBuilder {

  private String parentTable;
  private String control;
  private String timeEncoder;
  private String timeDecoder;
  private String partitionInterval;
  private String partitionType;
  private int premake = 4;
  private String automaticMaintenance = "on";
  private String templateTable;
  private String retention;
  private String retentionSchema;
  private boolean retentionKeepIndex = true;
  private boolean retentionKeepTable = true;
  private String epoch = "none";
  private List<String> constraintCols;
  private int optimizeConstraint = 30;
  private boolean infiniteTimePartitions = false;
  private String datetimeString;
  private boolean jobmon = true;
  private boolean subPartitionSetFull = false;
  private boolean undoInProgress = false;
  private Boolean inheritPrivileges = false;
  private boolean constraintValid = true;
  private boolean ignoreDefaultData = true;
  private String dateTruncInterval;
  private Integer maintenanceOrder;
  private boolean retentionKeepPublication = false;
  private Instant maintenanceLastRun;
  private Boolean detachBeforeDrop = false;
  private String maintenanceRole;
  private String asyncPartitioningInProgress;
  private String childTablePrefix = "_p";
  private String partitionTimezone;

  SetConfigBuilder(
      String parentTable, String control, String partitionInterval, String partitionType) {
    this.parentTable = parentTable;
    this.control = control;
    this.partitionInterval = partitionInterval;
    this.partitionType = partitionType;
  }

  SetConfigBuilder(SetConfig row) {
    this.parentTable = row.parentTable();
    this.control = row.control();
    this.timeEncoder = row.timeEncoder();
    this.timeDecoder = row.timeDecoder();
    this.partitionInterval = row.partitionInterval();
    this.partitionType = row.partitionType();
    this.premake = row.premake();
    this.automaticMaintenance = row.automaticMaintenance();
    this.templateTable = row.templateTable();
    this.retention = row.retention();
    this.retentionSchema = row.retentionSchema();
    this.retentionKeepIndex = row.retentionKeepIndex();
    this.retentionKeepTable = row.retentionKeepTable();
    this.epoch = row.epoch();
    this.constraintCols = row.constraintCols();
    this.optimizeConstraint = row.optimizeConstraint();
    this.infiniteTimePartitions = row.infiniteTimePartitions();
    this.datetimeString = row.datetimeString();
    this.jobmon = row.jobmon();
    this.subPartitionSetFull = row.subPartitionSetFull();
    this.undoInProgress = row.undoInProgress();
    this.inheritPrivileges = row.inheritPrivileges();
    this.constraintValid = row.constraintValid();
    this.ignoreDefaultData = row.ignoreDefaultData();
    this.dateTruncInterval = row.dateTruncInterval();
    this.maintenanceOrder = row.maintenanceOrder();
    this.retentionKeepPublication = row.retentionKeepPublication();
    this.maintenanceLastRun = row.maintenanceLastRun();
    this.detachBeforeDrop = row.detachBeforeDrop();
    this.maintenanceRole = row.maintenanceRole();
    this.asyncPartitioningInProgress = row.asyncPartitioningInProgress();
    this.childTablePrefix = row.childTablePrefix();
    this.partitionTimezone = row.partitionTimezone();
  }

  /** Sets {@code parent_table}. */
  public SetConfigBuilder parentTable(String value) {
    this.parentTable = value;
    return this;
  }

  /** Sets {@code control}. */
  public SetConfigBuilder control(String value) {
    this.control = value;
    return this;
  }

  /** Sets {@code time_encoder}. */
  public SetConfigBuilder timeEncoder(String value) {
    this.timeEncoder = value;
    return this;
  }

  /** Sets {@code time_decoder}. */
  public SetConfigBuilder timeDecoder(String value) {
    this.timeDecoder = value;
    return this;
  }

  /** Sets {@code partition_interval}. */
  public SetConfigBuilder partitionInterval(String value) {
    this.partitionInterval = value;
    return this;
  }

  /** Sets {@code partition_type}. */
  public SetConfigBuilder partitionType(String value) {
    this.partitionType = value;
    return this;
  }

  /** Sets {@code premake}. */
  public SetConfigBuilder premake(int value) {
    this.premake = value;
    return this;
  }

  /** Sets {@code automatic_maintenance}. */
  public SetConfigBuilder automaticMaintenance(String value) {
    this.automaticMaintenance = value;
    return this;
  }

  /** Sets {@code template_table}. */
  public SetConfigBuilder templateTable(String value) {
    this.templateTable = value;
    return this;
  }

  /** Sets {@code retention}. */
  public SetConfigBuilder retention(String value) {
    this.retention = value;
    return this;
  }

  /** Sets {@code retention_schema}. */
  public SetConfigBuilder retentionSchema(String value) {
    this.retentionSchema = value;
    return this;
  }

  /** Sets {@code retention_keep_index}. */
  public SetConfigBuilder retentionKeepIndex(boolean value) {
    this.retentionKeepIndex = value;
    return this;
  }

  /** Sets {@code retention_keep_table}. */
  public SetConfigBuilder retentionKeepTable(boolean value) {
    this.retentionKeepTable = value;
    return this;
  }

  /** Sets {@code epoch}. */
  public SetConfigBuilder epoch(String value) {
    this.epoch = value;
    return this;
  }

  /** Sets {@code constraint_cols}. */
  public SetConfigBuilder constraintCols(List<String> value) {
    this.constraintCols = value;
    return this;
  }

  /** Sets {@code optimize_constraint}. */
  public SetConfigBuilder optimizeConstraint(int value) {
    this.optimizeConstraint = value;
    return this;
  }

  /** Sets {@code infinite_time_partitions}. */
  public SetConfigBuilder infiniteTimePartitions(boolean value) {
    this.infiniteTimePartitions = value;
    return this;
  }

  /** Sets {@code datetime_string}. */
  public SetConfigBuilder datetimeString(String value) {
    this.datetimeString = value;
    return this;
  }

  /** Sets {@code jobmon}. */
  public SetConfigBuilder jobmon(boolean value) {
    this.jobmon = value;
    return this;
  }

  /** Sets {@code sub_partition_set_full}. */
  public SetConfigBuilder subPartitionSetFull(boolean value) {
    this.subPartitionSetFull = value;
    return this;
  }

  /** Sets {@code undo_in_progress}. */
  public SetConfigBuilder undoInProgress(boolean value) {
    this.undoInProgress = value;
    return this;
  }

  /** Sets {@code inherit_privileges}. */
  public SetConfigBuilder inheritPrivileges(Boolean value) {
    this.inheritPrivileges = value;
    return this;
  }

  /** Sets {@code constraint_valid}. */
  public SetConfigBuilder constraintValid(boolean value) {
    this.constraintValid = value;
    return this;
  }

  /** Sets {@code ignore_default_data}. */
  public SetConfigBuilder ignoreDefaultData(boolean value) {
    this.ignoreDefaultData = value;
    return this;
  }

  /** Sets {@code date_trunc_interval}. */
  public SetConfigBuilder dateTruncInterval(String value) {
    this.dateTruncInterval = value;
    return this;
  }

  /** Sets {@code maintenance_order}. */
  public SetConfigBuilder maintenanceOrder(Integer value) {
    this.maintenanceOrder = value;
    return this;
  }

  /** Sets {@code retention_keep_publication}. */
  public SetConfigBuilder retentionKeepPublication(boolean value) {
    this.retentionKeepPublication = value;
    return this;
  }

  /** Sets {@code maintenance_last_run}. */
  public SetConfigBuilder maintenanceLastRun(Instant value) {
    this.maintenanceLastRun = value;
    return this;
  }

  /** Sets {@code detach_before_drop}. */
  public SetConfigBuilder detachBeforeDrop(Boolean value) {
    this.detachBeforeDrop = value;
    return this;
  }

  /** Sets {@code maintenance_role}. */
  public SetConfigBuilder maintenanceRole(String value) {
    this.maintenanceRole = value;
    return this;
  }

  /** Sets {@code async_partitioning_in_progress}. */
  public SetConfigBuilder asyncPartitioningInProgress(String value) {
    this.asyncPartitioningInProgress = value;
    return this;
  }

  /** Sets {@code child_table_prefix}. */
  public SetConfigBuilder childTablePrefix(String value) {
    this.childTablePrefix = value;
    return this;
  }

  /** Sets {@code partition_timezone}. */
  public SetConfigBuilder partitionTimezone(String value) {
    this.partitionTimezone = value;
    return this;
  }

  /** The row. */
  public SetConfig build() {
    return new SetConfig(
        parentTable,
        control,
        timeEncoder,
        timeDecoder,
        partitionInterval,
        partitionType,
        premake,
        automaticMaintenance,
        templateTable,
        retention,
        retentionSchema,
        retentionKeepIndex,
        retentionKeepTable,
        epoch,
        constraintCols,
        optimizeConstraint,
        infiniteTimePartitions,
        datetimeString,
        jobmon,
        subPartitionSetFull,
        undoInProgress,
        inheritPrivileges,
        constraintValid,
        ignoreDefaultData,
        dateTruncInterval,
        maintenanceOrder,
        retentionKeepPublication,
        maintenanceLastRun,
        detachBeforeDrop,
        maintenanceRole,
        asyncPartitioningInProgress,
        childTablePrefix,
        partitionTimezone);
  }
}
