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
 * {@code --dry-run} of run-maintenance, drop-partition, apply-constraints and drop-constraints: the
 * SQL (or JSON) printed is what the command then does, and the catalog is untouched.
 */
@PostgresTest
class CliDryRunIT {

  @TempDir Path home;

  @BeforeAll
  static void scene(TestDatabase db) {
    CliMaintenanceIT.scene(db);
  }

  private static String configRows(TestDatabase db) {
    return String.join(
        "\n", db.queryColumn("SELECT t::text FROM partman.part_config t ORDER BY parent_table"));
  }

  @Test
  void runMaintenanceDryRunPrintsWhatTheRunDoes(TestDatabase db) {
    CliMaintenanceIT.idSet(db, "dm", "", 0);
    db.execute(
        "UPDATE partman.part_config SET premake = 2 WHERE parent_table = 'public.dm'",
        "INSERT INTO public.dm VALUES (5, 1)");
    String catalog = Catalog.snapshot(db.adminDataSource());
    String config = configRows(db);

    CliRun dry = CliRun.on(db, home, "run-maintenance", "public.dm", "--dry-run");
    CliRun json = CliRun.on(db, home, "run-maintenance", "public.dm", "--dry-run", "-o", "json");

    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(catalog);
    assertThat(configRows(db)).isEqualTo(config);
    assertThat(dry.exit()).as(dry.all()).isZero();
    assertThat(dry.out())
        .startsWith(
            "-- Dry run of run-maintenance: nothing was changed. 1 set to maintain: 2 children to"
                + " create, 0 to retire.\n-- public.dm\nCREATE TABLE \"public\".\"dm_p10\" (LIKE")
        .contains("CREATE TABLE \"public\".\"dm_p20\" (LIKE")
        .contains(
            "-- then\nUPDATE \"partman\".\"part_config\" SET maintenance_last_run ="
                + " clock_timestamp() WHERE parent_table = ANY (ARRAY['public.dm']::text[]);\n");
    assertThat(json.exit()).as(json.all()).isZero();
    assertThat(json.out())
        .startsWith("{\n  \"dry_run\": true,\n")
        .contains("\"children_to_create\": [\n        \"dm_p10\",\n        \"dm_p20\"\n      ],")
        .contains("\"error\": null");

    CliRun real = CliRun.on(db, home, "run-maintenance", "public.dm");
    assertThat(real.exit()).as(real.all()).isZero();
    assertThat(CliMaintenanceIT.children(db, "public", "dm_p")).isEqualTo("dm_p0,dm_p10,dm_p20");
    CliRun after = CliRun.on(db, home, "run-maintenance", "public.dm", "--dry-run");
    assertThat(after.out()).contains("-- public.dm: nothing to do\n");
  }

  @Test
  void runMaintenanceDryRunBadInputAndFailingSets(TestDatabase db) {
    String catalog = Catalog.snapshot(db.adminDataSource());
    CliRun unknown = CliRun.on(db, home, "run-maintenance", "public.nothing", "--dry-run");
    assertThat(unknown.exit()).isEqualTo(ExitCode.FAILED.code());
    assertThat(unknown.err()).startsWith("partman: ").contains("public.nothing");
    CliRun malformed = CliRun.on(db, home, "run-maintenance", "no_schema", "--dry-run");
    assertThat(malformed.exit()).isEqualTo(ExitCode.USAGE.code());

    db.execute(
        "INSERT INTO partman.part_config (parent_table, control, partition_interval,"
            + " partition_type) VALUES ('public.dgone', 'id', '10', 'range')");
    try {
      CliRun gone = CliRun.on(db, home, "run-maintenance", "public.dgone", "--dry-run");
      assertThat(gone.exit()).as(gone.all()).isEqualTo(ExitCode.SOME_SETS_FAILED.code());
      assertThat(gone.out()).contains("-- public.dgone: would fail: the table public.dgone");
    } finally {
      db.execute("DELETE FROM partman.part_config WHERE parent_table = 'public.dgone'");
    }
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(catalog);
  }

  @Test
  void dropPartitionDryRunPrintsTheRetirements(TestDatabase db) {
    CliMaintenanceIT.dailySet(db, "dd", 4);
    String before = Catalog.snapshot(db.adminDataSource());

    CliRun dry =
        CliRun.on(
            db,
            home,
            "drop-partition",
            "public.dd",
            "--retention=1 day",
            "--reference=2020-01-04T12:00:00Z",
            "--keep-table=false",
            "--dry-run");
    CliRun json =
        CliRun.on(
            db,
            home,
            "drop-partition",
            "public.dd",
            "--retention=1 day",
            "--reference=2020-01-04T12:00:00Z",
            "--dry-run",
            "-o",
            "json");

    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    assertThat(dry.exit()).as(dry.all()).isZero();
    // No default partition: each child leaves concurrently, then is dropped.
    assertThat(dry.out())
        .isEqualTo(
            "-- Dry run of drop-partition for public.dd: nothing was changed. These statements"
                + " would run, in order:\n"
                + "ALTER TABLE \"public\".\"dd\" DETACH PARTITION \"public\".\"dd_p20200101\""
                + " CONCURRENTLY;\n"
                + "DROP TABLE \"public\".\"dd_p20200101\";\n"
                + "ALTER TABLE \"public\".\"dd\" DETACH PARTITION \"public\".\"dd_p20200102\""
                + " CONCURRENTLY;\n"
                + "DROP TABLE \"public\".\"dd_p20200102\";\n");
    assertThat(json.exit()).as(json.all()).isZero();
    assertThat(json.out())
        .contains("\"dry_run\": true")
        .contains("DETACH PARTITION \\\"public\\\".\\\"dd_p20200102\\\" CONCURRENTLY\"\n  ]");

    CliRun real =
        CliRun.on(
            db,
            home,
            "drop-partition",
            "public.dd",
            "--retention=1 day",
            "--reference=2020-01-04T12:00:00Z",
            "--keep-table=false");
    assertThat(real.out()).contains("dd_p20200101  dropped").contains("dd_p20200102  dropped");
    assertThat(CliMaintenanceIT.children(db, "public", "dd_p"))
        .isEqualTo("dd_p20200103,dd_p20200104");

    CliRun bad =
        CliRun.on(db, home, "drop-partition", "public.dd", "--retention=soon", "--dry-run");
    assertThat(bad.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(bad.err()).contains("soon");
  }

  @Test
  void constraintDryRunsPrintTheStatements(TestDatabase db) {
    CliMaintenanceIT.idSet(db, "dc", "'{val}', 1", 0, 10, 20, 30);
    db.execute("INSERT INTO public.dc SELECT g, g * 2 FROM generate_series(0, 35) g");
    String before = Catalog.snapshot(db.adminDataSource());

    CliRun apply = CliRun.on(db, home, "apply-constraints", "public.dc", "dc_p0", "--dry-run");
    CliRun applyJson =
        CliRun.on(
            db, home, "apply-constraints", "public.dc", "--analyze", "--dry-run", "-o", "json");

    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    assertThat(apply.exit()).as(apply.all()).isZero();
    assertThat(apply.out())
        .isEqualTo(
            "-- Dry run of apply-constraints for public.dc: nothing was changed. These statements"
                + " would run, in order:\n"
                + "LOCK TABLE \"public\".\"dc_p0\" IN SHARE MODE;\n"
                + "ALTER TABLE \"public\".\"dc_p0\" ADD CONSTRAINT \"partmanconstr_dc_p0_val\""
                + " CHECK (\"val\" >= '0' AND \"val\" <= '18');\n");
    assertThat(applyJson.out())
        .contains("\"dry_run\": true")
        .contains("IN SHARE MODE")
        .contains("\"ANALYZE \\\"public\\\".\\\"dc\\\"\"");

    CliRun real = CliRun.on(db, home, "apply-constraints", "public.dc", "dc_p0");
    assertThat(real.exit()).as(real.all()).isZero();
    before = Catalog.snapshot(db.adminDataSource());
    CliRun drop = CliRun.on(db, home, "drop-constraints", "public.dc", "dc_p0", "--dry-run");
    CliRun dropJson =
        CliRun.on(db, home, "drop-constraints", "public.dc", "dc_p0", "--dry-run", "-o", "json");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    assertThat(drop.out())
        .endsWith(
            "ALTER TABLE \"public\".\"dc_p0\" DROP CONSTRAINT \"partmanconstr_dc_p0_val\";\n");
    assertThat(dropJson.out()).contains("\"dry_run\": true").contains("DROP CONSTRAINT");

    CliRun noChild = CliRun.on(db, home, "apply-constraints", "public.dc", "nope", "--dry-run");
    assertThat(noChild.exit()).isEqualTo(ExitCode.FAILED.code());
    assertThat(noChild.err()).contains("public.nope");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }
}
