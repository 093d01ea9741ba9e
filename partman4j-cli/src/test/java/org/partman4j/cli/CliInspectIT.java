package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/**
 * The inspection commands (show-partitions, show-partition-name, show-partition-info,
 * check-control-type, dump-definition) against the test server, in a UTC database.
 */
@PostgresTest
class CliInspectIT {

  @TempDir Path home;

  @BeforeAll
  static void scene(TestDatabase db) {
    db.executeAsAdmin("ALTER DATABASE " + db.name() + " SET timezone = 'UTC'");
    CliRun install = CliRun.on(db, Path.of("/nonexistent"), "install");
    assertThat(install.exit()).as(install.err()).isZero();
    db.execute(
        "SET TimeZone = 'UTC'",
        "CREATE TABLE public.ev (id bigint, at timestamptz NOT NULL, kind text, f float8)"
            + " PARTITION BY RANGE (at)",
        "CREATE TABLE public.ev_p20261119 PARTITION OF public.ev"
            + " FOR VALUES FROM ('2026-11-19 00:00+00') TO ('2026-11-20 00:00+00')",
        "CREATE TABLE public.ev_p20261118 PARTITION OF public.ev"
            + " FOR VALUES FROM ('2026-11-18 00:00+00') TO ('2026-11-19 00:00+00')",
        "CREATE TABLE public.ev_default PARTITION OF public.ev DEFAULT",
        "INSERT INTO partman.part_config"
            + " (parent_table, control, partition_interval, partition_type, datetime_string)"
            + " VALUES ('public.ev', 'at', '1 day', 'range', 'YYYYMMDD')",
        "CREATE TABLE public.ids (id bigint NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE public.ids_p0 PARTITION OF public.ids FOR VALUES FROM (0) TO (10)",
        "CREATE TABLE public.ids_p10 PARTITION OF public.ids FOR VALUES FROM (10) TO (20)",
        "INSERT INTO partman.part_config (parent_table, control, partition_interval,"
            + " partition_type) VALUES ('public.ids', 'id', '10', 'range')",
        "CREATE TABLE public.plain (id bigint)");
  }

  @Test
  void showPartitionsIsATableInBoundOrder(TestDatabase db) {
    CliRun r = CliRun.on(db, home, "show-partitions", "public.ev");
    assertThat(r.exit()).as(r.err()).isZero();
    String row = "%-19s  %-22s  %s%n";
    assertThat(r.out())
        .isEqualTo(
            String.format(row, "partition", "start", "end")
                + String.format(row, "-".repeat(19), "-".repeat(22), "-".repeat(22))
                + String.format(
                    row, "public.ev_p20261118", "2026-11-18 00:00:00+00", "2026-11-19 00:00:00+00")
                + String.format(
                    row,
                    "public.ev_p20261119",
                    "2026-11-19 00:00:00+00",
                    "2026-11-20 00:00:00+00"));
  }

  @Test
  void showPartitionsDescendingWithTheDefaultAndInAnotherZone(TestDatabase db) {
    CliRun r =
        CliRun.on(
            db,
            home,
            "show-partitions",
            "public.ev",
            "--order=desc",
            "--include-default",
            "--time-zone=Europe/Berlin");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines().skip(2).toList())
        .containsExactly(
            "public.ev_default    (default)",
            "public.ev_p20261119  2026-11-19 01:00:00+01  2026-11-20 01:00:00+01",
            "public.ev_p20261118  2026-11-18 01:00:00+01  2026-11-19 01:00:00+01");
  }

  @Test
  void showPartitionsOfAnIdSetAsJson(TestDatabase db) {
    CliRun r = CliRun.on(db, home, "show-partitions", "public.ids", "-o", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "{\n"
                + "  \"parent_table\": \"public.ids\",\n"
                + "  \"partitions\": [\n"
                + "    {\n"
                + "      \"partition_schemaname\": \"public\",\n"
                + "      \"partition_tablename\": \"ids_p0\",\n"
                + "      \"is_default\": false,\n"
                + "      \"bound\": \"FOR VALUES FROM ('0') TO ('10')\",\n"
                + "      \"start_time\": null,\n"
                + "      \"end_time\": null,\n"
                + "      \"start_id\": 0,\n"
                + "      \"end_id\": 10\n"
                + "    },\n"
                + "    {\n"
                + "      \"partition_schemaname\": \"public\",\n"
                + "      \"partition_tablename\": \"ids_p10\",\n"
                + "      \"is_default\": false,\n"
                + "      \"bound\": \"FOR VALUES FROM ('10') TO ('20')\",\n"
                + "      \"start_time\": null,\n"
                + "      \"end_time\": null,\n"
                + "      \"start_id\": 10,\n"
                + "      \"end_id\": 20\n"
                + "    }\n"
                + "  ]\n"
                + "}\n");
    CliRun text = CliRun.on(db, home, "show-partitions", "public.ids");
    assertThat(text.out()).contains("public.ids_p10  10     20\n");
  }

  @Test
  void showPartitionsFailuresAreOneLine(TestDatabase db) {
    CliRun order = CliRun.on(db, home, "show-partitions", "public.ev", "--order=up");
    assertThat(order.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(order.err().lines()).hasSize(1);
    assertThat(order.err()).startsWith("partman: ").contains("up");

    CliRun unmanaged = CliRun.on(db, home, "show-partitions", "public.plain");
    assertThat(unmanaged.exit()).isEqualTo(ExitCode.FAILED.code());
    assertThat(unmanaged.err()).contains("public.plain is not managed");

    CliRun missing = CliRun.on(db, home, "show-partitions");
    assertThat(missing.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(missing.err()).contains("Missing required parameter: 'PARENT'");
  }

  @Test
  void showPartitionNameForTimeAndIds(TestDatabase db) {
    CliRun r = CliRun.on(db, home, "show-partition-name", "public.ev", "2026-11-21 13:45");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "field             value\n"
                + "----------------  ----------------------\n"
                + "partition_schema  public\n"
                + "partition_table   ev_p20261121\n"
                + "suffix_timestamp  2026-11-21 00:00:00+00\n"
                + "suffix_id\n"
                + "table_exists      false\n");
    CliRun json = CliRun.on(db, home, "show-partition-name", "public.ids", "15", "-o", "json");
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(json.out())
        .isEqualTo(
            "{\n"
                + "  \"partition_schema\": \"public\",\n"
                + "  \"partition_table\": \"ids_p10\",\n"
                + "  \"suffix_timestamp\": null,\n"
                + "  \"suffix_id\": 10,\n"
                + "  \"table_exists\": true\n"
                + "}\n");
    CliRun bad = CliRun.on(db, home, "show-partition-name", "public.ids", "ten");
    assertThat(bad.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(bad.err()).contains("ten");
  }

  @Test
  void showPartitionInfoWithTheSetsOrAGivenInterval(TestDatabase db) {
    CliRun r = CliRun.on(db, home, "show-partition-info", "public.ev_p20261118", "-o", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "{\n"
                + "  \"child_start_time\": \"2026-11-18T00:00:00Z\",\n"
                + "  \"child_end_time\": \"2026-11-19T00:00:00Z\",\n"
                + "  \"child_start_id\": null,\n"
                + "  \"child_end_id\": null,\n"
                + "  \"suffix\": \"20261118\"\n"
                + "}\n");
    CliRun ids =
        CliRun.on(
            db,
            home,
            "show-partition-info",
            "public.ids_p10",
            "--partition-interval=5",
            "--parent-table=public.ids");
    assertThat(ids.exit()).as(ids.err()).isZero();
    assertThat(ids.out()).contains("child_start_id    10\n").contains("child_end_id      14\n");
    CliRun def = CliRun.on(db, home, "show-partition-info", "public.ev_default");
    assertThat(def.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(def.err()).startsWith("partman: ").contains("default");
  }

  @Test
  void checkControlType(TestDatabase db) {
    CliRun time = CliRun.on(db, home, "check-control-type", "public.ev", "at");
    assertThat(time.exit()).as(time.err()).isZero();
    assertThat(time.out()).isEqualTo("public.ev.at is timestamptz: a time control column.\n");
    CliRun json = CliRun.on(db, home, "check-control-type", "public.ev", "f", "-o", "json");
    assertThat(json.out())
        .isEqualTo("{\n  \"general_type\": null,\n  \"exact_type\": \"float8\"\n}\n");
    CliRun text = CliRun.on(db, home, "check-control-type", "public.ev", "f");
    assertThat(text.out()).contains("is float8: not a type partitions can be made by");
    CliRun missing = CliRun.on(db, home, "check-control-type", "public.ev", "nope");
    assertThat(missing.exit()).isEqualTo(ExitCode.FAILED.code());
    assertThat(missing.err()).contains("nope");
  }

  @Test
  void dumpDefinitionAsSqlAndJsonChangesNothing(TestDatabase db) {
    String before = Catalog.snapshot(db.adminDataSource());
    CliRun sql = CliRun.on(db, home, "dump-definition", "public.ids");
    assertThat(sql.exit()).as(sql.err()).isZero();
    assertThat(sql.out())
        .contains("p_parent_table := 'public.ids'")
        .contains("UPDATE partman.part_config SET")
        .endsWith("WHERE parent_table = 'public.ids';\n");
    CliRun json =
        CliRun.on(db, home, "dump-definition", "public.ids", "--ignore-template-table", "-o=json");
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(json.out())
        .startsWith("{\n  \"parent_table\": \"public.ids\",\n  \"pg_partman_sql\": \"SELECT ")
        .contains("\"definition\": {")
        .contains("p_template_table := NULL");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }
}
