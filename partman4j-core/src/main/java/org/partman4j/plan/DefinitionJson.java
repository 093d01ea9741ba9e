package org.partman4j.plan;

import org.partman4j.model.SetConfig;

/**
 * partman4j's own form of a set's definition: a JSON document that a later run (the command line's
 * create-parent) can read back to make the same set.
 *
 * <pre>{@code
 * {
 *   "format": "partman4j-set-definition",
 *   "version": 1,
 *   "parent_table": "public.events",
 *   "create_parent": { "control": ..., "interval": ..., ... },
 *   "part_config": { "optimize_constraint": 30, ... }
 * }
 * }</pre>
 *
 * <p>{@code create_parent} holds every argument of creating the set, named as pg_partman's
 * parameters without their {@code p_}; {@code part_config} holds every column users may change
 * afterwards, named as the columns. Two arguments are not recorded anywhere once a set exists and
 * are written as null: {@code start_partition} and {@code offset_id}. Run-time state ({@code
 * undo_in_progress}, {@code maintenance_last_run}, {@code async_partitioning_in_progress}) is left
 * out.
 */
public final class DefinitionJson {

  /** The value of {@code "format"}. */
  public static final String FORMAT = "partman4j-set-definition";

  /** The value of {@code "version"}; raised when the document's shape changes. */
  public static final long VERSION = 1;

  private DefinitionJson() {}

  /** The document, pretty-printed with a two-space indent and no trailing newline. */
  public static String render(DefinitionFacts facts) {
    SetConfig c = facts.config();
    JsonText j = new JsonText().beginObject();
    j.string("format", FORMAT).number("version", VERSION).string("parent_table", c.parentTable());
    j.beginObject("create_parent")
        .string("control", c.control())
        .string("interval", c.partitionInterval())
        .string("type", c.partitionType())
        .string("epoch", c.epoch())
        .number("premake", (long) c.premake())
        .string("start_partition", null)
        .bool("default_table", facts.defaultExists())
        .string("automatic_maintenance", c.automaticMaintenance())
        .strings("constraint_cols", c.constraintCols())
        .string("template_table", facts.templateTable())
        .bool("jobmon", c.jobmon())
        .string("date_trunc_interval", c.dateTruncInterval())
        .bool("control_not_null", facts.controlNotNull())
        .string("time_encoder", c.timeEncoder())
        .string("time_decoder", c.timeDecoder())
        .number("offset_id", null)
        .string("timezone", c.partitionTimezone())
        .endObject();
    j.beginObject("part_config")
        .number("optimize_constraint", (long) c.optimizeConstraint())
        .string("retention", c.retention())
        .string("retention_schema", c.retentionSchema())
        .bool("retention_keep_index", c.retentionKeepIndex())
        .bool("retention_keep_table", c.retentionKeepTable())
        .bool("infinite_time_partitions", c.infiniteTimePartitions())
        .string("datetime_string", c.datetimeString())
        .bool("sub_partition_set_full", c.subPartitionSetFull())
        .bool("inherit_privileges", c.inheritPrivileges())
        .bool("constraint_valid", c.constraintValid())
        .bool("ignore_default_data", c.ignoreDefaultData())
        .number(
            "maintenance_order",
            c.maintenanceOrder() == null ? null : c.maintenanceOrder().longValue())
        .bool("retention_keep_publication", c.retentionKeepPublication())
        .bool("detach_before_drop", c.detachBeforeDrop())
        .string("maintenance_role", c.maintenanceRole())
        .string("child_table_prefix", c.childTablePrefix())
        .endObject();
    return j.endObject().toString();
  }
}
