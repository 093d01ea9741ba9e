package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/**
 * Every createSubParent option reaches the part_config_sub row and the sub-sets made from it, and
 * maintenance of the sub-sets follows them (sub retention above all); bad values are refused before
 * anything changes.
 */
@PostgresTest
class SubPartitionOptionsIT {

  /** An id set {@code schema.t} (interval 100, no rows) with a time column to sub-partition by. */
  private static Partman idSet(TestDatabase db, String schema) {
    db.execute(
        "CREATE SCHEMA " + schema,
        "CREATE TABLE "
            + schema
            + ".t (id bigint NOT NULL, ts timestamptz NOT NULL, note text, n int, code text NOT"
            + " NULL) PARTITION BY RANGE (id)");
    Partman partman = SubPartitionIT.partman(db);
    partman.createParent(PartitionSetDefinition.of(schema + ".t", "id", "100").premake(1));
    return partman;
  }

  private static String row(TestDatabase db, String sql) {
    return db.queryString(sql);
  }

  @Test
  void everyOptionReachesTheSubConfigTheSubSetsAndTheirMaintenance(TestDatabase db) {
    Partman partman = idSet(db, "so");
    db.execute(
        "CREATE SCHEMA so_arch",
        "CREATE TABLE so.tpl (id bigint, ts timestamptz, note text, n int, code text)",
        "CREATE UNIQUE INDEX tpl_note ON so.tpl (note)");

    partman.createSubParent(
        SubPartitionDefinition.of("so.t", "ts", "1 day")
            .declarativeCheck("yes")
            .premake(2)
            .startPartition("2026-11-16")
            .defaultTable(false)
            .constraintCols(List.of("n"))
            .dateTruncInterval("day")
            .automaticMaintenance("off")
            .templateTable("so.tpl")
            .jobmon(false)
            .controlNotNull(false)
            .subRetention("2 days")
            .subRetentionSchema("so_arch")
            .subRetentionKeepTable(false)
            .subRetentionKeepIndex(false)
            .subRetentionKeepPublication(true)
            .optimizeConstraint(5)
            .infiniteTimePartitions(true)
            .inheritPrivileges(true)
            .constraintValid(false)
            .ignoreDefaultData(false)
            .maintenanceOrder(7));

    assertThat(
            row(
                db,
                "SELECT concat_ws(' ', sub_control, sub_partition_interval, sub_partition_type,"
                    + " sub_premake, sub_automatic_maintenance, sub_template_table, sub_retention,"
                    + " sub_retention_schema, sub_retention_keep_table, sub_retention_keep_index,"
                    + " sub_retention_keep_publication, sub_epoch, sub_constraint_cols::text,"
                    + " sub_optimize_constraint, sub_infinite_time_partitions, sub_jobmon,"
                    + " sub_inherit_privileges, sub_constraint_valid, sub_ignore_default_data,"
                    + " sub_default_table, sub_date_trunc_interval, sub_maintenance_order,"
                    + " sub_control_not_null) FROM partman.part_config_sub"
                    + " WHERE sub_parent = 'so.t'"))
        .isEqualTo(
            "ts 1 day range 2 off so.tpl 2 days so_arch f f t none {n} 5 t f t f f f day 7 f");
    String subSet =
        "SELECT concat_ws(' ', control, partition_interval, premake, automatic_maintenance,"
            + " template_table, retention, retention_schema, retention_keep_table,"
            + " retention_keep_index, retention_keep_publication, constraint_cols::text,"
            + " optimize_constraint, infinite_time_partitions, jobmon, inherit_privileges,"
            + " constraint_valid, ignore_default_data, maintenance_order, date_trunc_interval)"
            + " FROM partman.part_config WHERE parent_table = 'so.t_p0'";
    String expected = "ts 1 day 2 off so.tpl 2 days so_arch f f t {n} 5 t f t f f 7 day";
    assertThat(row(db, subSet)).isEqualTo(expected);
    // the sub-children: from the start partition, no default, the template's unique index
    List<String> sub = SubPartitionIT.children(db, "so.t_p0");
    assertThat(sub).contains("t_p0_p20261116", "t_p0_p20261124").doesNotContain("t_p0_default");
    assertThat(
            db.queryColumn(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = 'so'"
                    + " AND tablename = 't_p0_p20261122'"))
        .anyMatch(def -> def.contains("UNIQUE") && def.contains("(note)"));

    // a top child made later gets a sub-set with the same settings
    partman.createPartition("so.t", List.of("500"));
    assertThat(row(db, subSet.replace("so.t_p0", "so.t_p500"))).isEqualTo(expected);

    // maintenance (the sub-sets are off for the automatic run, so named) retires sub-children
    // older than 2 days into so_arch, the newest ones stay
    MaintenanceResult skipped = partman.runMaintenance();
    assertThat(skipped.sets()).extracting(SetMaintenanceResult::parentTable).contains("so.t");
    assertThat(skipped.sets())
        .extracting(SetMaintenanceResult::parentTable)
        .doesNotContain("so.t_p0");
    assertThat(SubPartitionIT.children(db, "so.t_p0")).contains("t_p0_p20261116");
    partman.runMaintenance("so.t_p0");
    assertThat(SubPartitionIT.children(db, "so.t_p0"))
        .doesNotContain("t_p0_p20261116", "t_p0_p20261119")
        .contains("t_p0_p20261120", "t_p0_p20261122");
    assertThat(
            db.queryColumn(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'so_arch' ORDER BY 1"))
        .containsExactly("t_p0_p20261116", "t_p0_p20261117", "t_p0_p20261118", "t_p0_p20261119");
    // keep_index false: the moved tables lost the template's index
    assertThat(
            db.queryColumn(
                "SELECT indexname FROM pg_indexes WHERE schemaname = 'so_arch'"
                    + " AND tablename = 't_p0_p20261116'"))
        .isEmpty();
  }

  @Test
  void subRetentionWithoutKeepTableDropsOldSubChildren(TestDatabase db) {
    Partman partman = idSet(db, "sd");
    partman.createSubParent(
        SubPartitionDefinition.of("sd.t", "ts", "1 day")
            .declarativeCheck("yes")
            .startPartition("2026-11-16")
            .subRetention("3 days")
            .subRetentionKeepTable(false));
    assertThat(
            row(
                db,
                "SELECT retention_keep_table FROM partman.part_config WHERE parent_table"
                    + " = 'sd.t_p0'"))
        .isEqualTo("f");

    partman.runMaintenance();

    assertThat(SubPartitionIT.children(db, "sd.t_p0"))
        .doesNotContain("t_p0_p20261116", "t_p0_p20261118")
        .contains("t_p0_default", "t_p0_p20261119", "t_p0_p20261126");
    assertThat(
            db.queryColumn(
                "SELECT relname FROM pg_class WHERE relname = 't_p0_p20261116'"
                    + " AND relnamespace = 'sd'::regnamespace"))
        .isEmpty();
  }

  @Test
  void badOptionValuesAreRefusedBeforeAnythingChanges(TestDatabase db) {
    Partman partman = idSet(db, "sb");
    db.execute(
        "INSERT INTO sb.t VALUES (1, '2026-11-10+00', 'x', 1, 'c')", // refused() counts 1 row
        "CREATE FUNCTION sb.enc(timestamptz) RETURNS text LANGUAGE sql IMMUTABLE STRICT"
            + " AS $$ SELECT to_char($1 AT TIME ZONE 'UTC', 'YYYYMMDD') $$");
    SubPartitionDefinition ok =
        SubPartitionDefinition.of("sb.t", "ts", "1 day").declarativeCheck("yes");
    SubPartitionValidationIT v = new SubPartitionValidationIT();
    v.refused(
        db,
        partman,
        "sb",
        ok.subRetention("soon"),
        ErrorCode.INVALID_ARGUMENT,
        "sub-partition retention 'soon'",
        "'30 days'");
    v.refused(
        db, partman, "sb", ok.subRetention("0 days"), ErrorCode.INVALID_ARGUMENT, "above zero");
    v.refused(
        db,
        partman,
        "sb",
        SubPartitionDefinition.of("sb.t", "id", "10").declarativeCheck("yes").subRetention("-5"),
        ErrorCode.INVALID_ARGUMENT,
        "whole number of 1 or more");
    v.refused(
        db,
        partman,
        "sb",
        ok.subRetentionSchema("sb_nowhere"),
        ErrorCode.OBJECT_NOT_FOUND,
        "\"sb_nowhere\" does not exist");
    v.refused(db, partman, "sb", ok.subRetentionSchema(" "), ErrorCode.INVALID_ARGUMENT, "empty");
    v.refused(
        db, partman, "sb", ok.optimizeConstraint(-1), ErrorCode.INVALID_ARGUMENT, "0 or more");
    v.refused(
        db,
        partman,
        "sb",
        ok.automaticMaintenance("sometimes"),
        ErrorCode.INVALID_ARGUMENT,
        "'on' or 'off'");
    v.refused(
        db,
        partman,
        "sb",
        ok.startPartition("the day after"),
        ErrorCode.INVALID_ARGUMENT,
        "start partition 'the day after'");
    v.refused(
        db,
        partman,
        "sb",
        SubPartitionDefinition.of("sb.t", "id", "10").declarativeCheck("yes").startPartition("x1"),
        ErrorCode.INVALID_ARGUMENT,
        "whole number");
    // encoders: only for text/uuid, both for text, existing functions
    v.refused(
        db,
        partman,
        "sb",
        ok.timeEncoding("sb.enc", "sb.dec"),
        ErrorCode.INVALID_ARGUMENT,
        "only for text or uuid");
    SubPartitionDefinition text =
        SubPartitionDefinition.of("sb.t", "code", "1 day").declarativeCheck("yes");
    v.refused(db, partman, "sb", text, ErrorCode.INVALID_ARGUMENT, "encoder and a time decoder");
    v.refused(
        db,
        partman,
        "sb",
        text.timeEncoding("sb.enc", "sb.missing_decoder"),
        ErrorCode.OBJECT_NOT_FOUND,
        "sb.missing_decoder");
  }
}
