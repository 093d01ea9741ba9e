package org.partman4j.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.partman4j.model.SetConfig;

/** The columns of {@code part_config} and how they map to {@link SetConfig}. */
final class SetConfigTable {

  static final String NAME = "part_config";

  /** In the table's column order; the key first. */
  static final List<Column<SetConfig>> COLUMNS =
      List.of(
          Column.text("parent_table", SetConfig::parentTable),
          Column.text("control", SetConfig::control),
          Column.text("time_encoder", SetConfig::timeEncoder),
          Column.text("time_decoder", SetConfig::timeDecoder),
          Column.text("partition_interval", SetConfig::partitionInterval),
          Column.text("partition_type", SetConfig::partitionType),
          Column.integer("premake", SetConfig::premake),
          Column.text("automatic_maintenance", SetConfig::automaticMaintenance),
          Column.text("template_table", SetConfig::templateTable),
          Column.text("retention", SetConfig::retention),
          Column.text("retention_schema", SetConfig::retentionSchema),
          Column.bool("retention_keep_index", SetConfig::retentionKeepIndex),
          Column.bool("retention_keep_table", SetConfig::retentionKeepTable),
          Column.text("epoch", SetConfig::epoch),
          Column.textArray("constraint_cols", SetConfig::constraintCols),
          Column.integer("optimize_constraint", SetConfig::optimizeConstraint),
          Column.bool("infinite_time_partitions", SetConfig::infiniteTimePartitions),
          Column.text("datetime_string", SetConfig::datetimeString),
          Column.bool("jobmon", SetConfig::jobmon),
          Column.bool("sub_partition_set_full", SetConfig::subPartitionSetFull),
          Column.bool("undo_in_progress", SetConfig::undoInProgress),
          Column.bool("inherit_privileges", SetConfig::inheritPrivileges),
          Column.bool("constraint_valid", SetConfig::constraintValid),
          Column.bool("ignore_default_data", SetConfig::ignoreDefaultData),
          Column.text("date_trunc_interval", SetConfig::dateTruncInterval),
          Column.integer("maintenance_order", SetConfig::maintenanceOrder),
          Column.bool("retention_keep_publication", SetConfig::retentionKeepPublication),
          Column.timestamptz("maintenance_last_run", SetConfig::maintenanceLastRun),
          Column.bool("detach_before_drop", SetConfig::detachBeforeDrop),
          Column.text("maintenance_role", SetConfig::maintenanceRole),
          Column.text("async_partitioning_in_progress", SetConfig::asyncPartitioningInProgress),
          Column.text("child_table_prefix", SetConfig::childTablePrefix),
          Column.text("partition_timezone", SetConfig::partitionTimezone));

  private SetConfigTable() {}

  static SetConfig read(ResultSet rs) throws SQLException {
    return new SetConfig(
        rs.getString("parent_table"),
        rs.getString("control"),
        rs.getString("time_encoder"),
        rs.getString("time_decoder"),
        rs.getString("partition_interval"),
        rs.getString("partition_type"),
        rs.getInt("premake"),
        rs.getString("automatic_maintenance"),
        rs.getString("template_table"),
        rs.getString("retention"),
        rs.getString("retention_schema"),
        rs.getBoolean("retention_keep_index"),
        rs.getBoolean("retention_keep_table"),
        rs.getString("epoch"),
        Column.getTextList(rs, "constraint_cols"),
        rs.getInt("optimize_constraint"),
        rs.getBoolean("infinite_time_partitions"),
        rs.getString("datetime_string"),
        rs.getBoolean("jobmon"),
        rs.getBoolean("sub_partition_set_full"),
        rs.getBoolean("undo_in_progress"),
        Column.getBoolean(rs, "inherit_privileges"),
        rs.getBoolean("constraint_valid"),
        rs.getBoolean("ignore_default_data"),
        rs.getString("date_trunc_interval"),
        Column.getInteger(rs, "maintenance_order"),
        rs.getBoolean("retention_keep_publication"),
        Column.getInstant(rs, "maintenance_last_run"),
        Column.getBoolean(rs, "detach_before_drop"),
        rs.getString("maintenance_role"),
        rs.getString("async_partitioning_in_progress"),
        rs.getString("child_table_prefix"),
        rs.getString("partition_timezone"));
  }

  static ConfigTable<SetConfig> in(String schema) {
    return new ConfigTable<>(schema, NAME, COLUMNS, SetConfigTable::read);
  }
}
