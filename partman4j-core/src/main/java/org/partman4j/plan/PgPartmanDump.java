package org.partman4j.plan;

import org.partman4j.model.SetConfig;
import org.partman4j.sql.Sql;

/**
 * The text of pg_partman's {@code dump_partitioned_table_definition}, byte for byte as its newest
 * release (5.6) writes it: a {@code create_partition(...)} call with one parameter per line, then
 * an {@code UPDATE part_config} of the columns creating a set does not set, each line indented with
 * one TAB, values written as {@code format('%L')} writes them ({@code 't'}/{@code 'f'} for
 * booleans, {@code NULL}, {@code E''} for text with backslashes) and the two integers bare.
 *
 * <p>Where the row uses something 5.6's text leaves out, a line is added so that the text makes the
 * same set again, and only then (so other sets' text is unchanged): {@code p_time_encoder} and
 * {@code p_time_decoder} for text/uuid sets (5.6 omits them, and its {@code create_partition}
 * refuses such a set without them), and {@code p_timezone} when {@code partition_timezone} is set
 * (the parameter of pg_partman 5.4.4, where that column comes from).
 */
public final class PgPartmanDump {

  private PgPartmanDump() {}

  /**
   * The definition's SQL.
   *
   * @param schemaSql the schema of the configuration tables as it is to appear in the text, already
   *     quoted as {@code quote_ident} quotes (e.g. {@code partman}, {@code "Part Man"})
   */
  public static String render(DefinitionFacts facts, String schemaSql) {
    SetConfig c = facts.config();
    StringBuilder s = new StringBuilder(1024);
    s.append("SELECT ").append(schemaSql).append(".create_partition(\n");
    param(s, "p_parent_table", lit(c.parentTable()), true);
    param(s, "p_control", lit(c.control()), true);
    param(s, "p_interval", lit(c.partitionInterval()), true);
    param(s, "p_type", lit(c.partitionType()), true);
    param(s, "p_epoch", lit(c.epoch()), true);
    param(s, "p_premake", Integer.toString(c.premake()), true);
    param(s, "p_default_table", bool(facts.defaultExists()), true);
    param(s, "p_automatic_maintenance", lit(c.automaticMaintenance()), true);
    param(s, "p_constraint_cols", lit(PgArrayText.format(c.constraintCols())), true);
    param(s, "p_template_table", lit(facts.templateTable()), true);
    param(s, "p_jobmon", bool(c.jobmon()), true);
    param(s, "p_date_trunc_interval", lit(c.dateTruncInterval()), true);
    boolean encoded = c.timeEncoder() != null || c.timeDecoder() != null;
    boolean zoned = c.partitionTimezone() != null;
    param(s, "p_control_not_null", bool(facts.controlNotNull()), encoded || zoned);
    if (encoded) {
      param(s, "p_time_encoder", lit(c.timeEncoder()), true);
      param(s, "p_time_decoder", lit(c.timeDecoder()), zoned);
    }
    if (zoned) {
      param(s, "p_timezone", lit(c.partitionTimezone()), false);
    }
    s.append(");\n");
    s.append("UPDATE ").append(schemaSql).append(".part_config SET\n");
    column(s, "optimize_constraint", Integer.toString(c.optimizeConstraint()));
    column(s, "retention", lit(c.retention()));
    column(s, "retention_schema", lit(c.retentionSchema()));
    column(s, "retention_keep_index", bool(c.retentionKeepIndex()));
    column(s, "retention_keep_table", bool(c.retentionKeepTable()));
    column(s, "infinite_time_partitions", bool(c.infiniteTimePartitions()));
    column(s, "datetime_string", lit(c.datetimeString()));
    column(s, "sub_partition_set_full", bool(c.subPartitionSetFull()));
    column(s, "inherit_privileges", bool(c.inheritPrivileges()));
    column(s, "constraint_valid", bool(c.constraintValid()));
    column(s, "ignore_default_data", bool(c.ignoreDefaultData()));
    column(
        s,
        "maintenance_order",
        lit(c.maintenanceOrder() == null ? null : c.maintenanceOrder().toString()));
    column(s, "retention_keep_publication", bool(c.retentionKeepPublication()));
    column(s, "detach_before_drop", bool(c.detachBeforeDrop()));
    column(s, "maintenance_role", lit(c.maintenanceRole()));
    s.append("\tchild_table_prefix = ").append(lit(c.childTablePrefix())).append('\n');
    s.append("WHERE parent_table = ").append(lit(c.parentTable())).append(';');
    return s.toString();
  }

  private static void param(StringBuilder s, String name, String value, boolean more) {
    s.append('\t').append(name).append(" := ").append(value).append(more ? ",\n" : "\n");
  }

  private static void column(StringBuilder s, String name, String value) {
    s.append('\t').append(name).append(" = ").append(value).append(",\n");
  }

  private static String lit(String value) {
    return Sql.quoteLiteral(value);
  }

  /** {@code format('%L', boolean)}: the boolean's output text, quoted. */
  private static String bool(Boolean value) {
    return value == null ? "NULL" : value ? "'t'" : "'f'";
  }
}
