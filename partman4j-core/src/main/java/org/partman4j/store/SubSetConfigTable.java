package org.partman4j.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.partman4j.model.SubSetConfig;

/** The columns of {@code part_config_sub} and how they map to {@link SubSetConfig}. */
final class SubSetConfigTable {

  static final String NAME = "part_config_sub";

  /** In the table's column order; the key first. */
  static final List<Column<SubSetConfig>> COLUMNS =
      List.of(
          Column.text("sub_parent", SubSetConfig::subParent),
          Column.text("sub_control", SubSetConfig::subControl),
          Column.text("sub_time_encoder", SubSetConfig::subTimeEncoder),
          Column.text("sub_time_decoder", SubSetConfig::subTimeDecoder),
          Column.text("sub_partition_interval", SubSetConfig::subPartitionInterval),
          Column.text("sub_partition_type", SubSetConfig::subPartitionType),
          Column.integer("sub_premake", SubSetConfig::subPremake),
          Column.text("sub_automatic_maintenance", SubSetConfig::subAutomaticMaintenance),
          Column.text("sub_template_table", SubSetConfig::subTemplateTable),
          Column.text("sub_retention", SubSetConfig::subRetention),
          Column.text("sub_retention_schema", SubSetConfig::subRetentionSchema),
          Column.bool("sub_retention_keep_index", SubSetConfig::subRetentionKeepIndex),
          Column.bool("sub_retention_keep_table", SubSetConfig::subRetentionKeepTable),
          Column.text("sub_epoch", SubSetConfig::subEpoch),
          Column.textArray("sub_constraint_cols", SubSetConfig::subConstraintCols),
          Column.integer("sub_optimize_constraint", SubSetConfig::subOptimizeConstraint),
          Column.bool("sub_infinite_time_partitions", SubSetConfig::subInfiniteTimePartitions),
          Column.bool("sub_jobmon", SubSetConfig::subJobmon),
          Column.bool("sub_inherit_privileges", SubSetConfig::subInheritPrivileges),
          Column.bool("sub_constraint_valid", SubSetConfig::subConstraintValid),
          Column.bool("sub_ignore_default_data", SubSetConfig::subIgnoreDefaultData),
          Column.bool("sub_default_table", SubSetConfig::subDefaultTable),
          Column.text("sub_date_trunc_interval", SubSetConfig::subDateTruncInterval),
          Column.integer("sub_maintenance_order", SubSetConfig::subMaintenanceOrder),
          Column.bool("sub_retention_keep_publication", SubSetConfig::subRetentionKeepPublication),
          Column.bool("sub_control_not_null", SubSetConfig::subControlNotNull),
          Column.bool("sub_detach_before_drop", SubSetConfig::subDetachBeforeDrop),
          Column.text("sub_maintenance_role", SubSetConfig::subMaintenanceRole));

  private SubSetConfigTable() {}

  static SubSetConfig read(ResultSet rs) throws SQLException {
    return new SubSetConfig(
        rs.getString("sub_parent"),
        rs.getString("sub_control"),
        rs.getString("sub_time_encoder"),
        rs.getString("sub_time_decoder"),
        rs.getString("sub_partition_interval"),
        rs.getString("sub_partition_type"),
        rs.getInt("sub_premake"),
        rs.getString("sub_automatic_maintenance"),
        rs.getString("sub_template_table"),
        rs.getString("sub_retention"),
        rs.getString("sub_retention_schema"),
        rs.getBoolean("sub_retention_keep_index"),
        rs.getBoolean("sub_retention_keep_table"),
        rs.getString("sub_epoch"),
        Column.getTextList(rs, "sub_constraint_cols"),
        rs.getInt("sub_optimize_constraint"),
        rs.getBoolean("sub_infinite_time_partitions"),
        rs.getBoolean("sub_jobmon"),
        Column.getBoolean(rs, "sub_inherit_privileges"),
        rs.getBoolean("sub_constraint_valid"),
        rs.getBoolean("sub_ignore_default_data"),
        Column.getBoolean(rs, "sub_default_table"),
        rs.getString("sub_date_trunc_interval"),
        Column.getInteger(rs, "sub_maintenance_order"),
        rs.getBoolean("sub_retention_keep_publication"),
        Column.getBoolean(rs, "sub_control_not_null"),
        Column.getBoolean(rs, "sub_detach_before_drop"),
        rs.getString("sub_maintenance_role"));
  }

  static ConfigTable<SubSetConfig> in(String schema) {
    return new ConfigTable<>(schema, NAME, COLUMNS, SubSetConfigTable::read);
  }
}
