package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/** partition-data, undo-partition and check-default against the test server. */
@PostgresTest
class CliDataIT {

  @TempDir Path home;

  @BeforeAll
  static void scene(TestDatabase db) {
    db.executeAsAdmin("ALTER DATABASE " + db.name() + " SET timezone = 'UTC'");
  }

  private static void idSet(TestDatabase db, Path home, String name) {
    db.execute(
        "CREATE TABLE public." + name + " (id bigint NOT NULL, v text) PARTITION BY RANGE (id)");
    CliRun r =
        CliRun.on(
            db,
            home,
            "create-parent",
            "--parent=public." + name,
            "--control=id",
            "--interval=10",
            "--premake=1");
    assertThat(r.exit()).as(r.err()).isZero();
  }

  private static String count(TestDatabase db, String table) {
    return db.queryString("SELECT count(*)::text FROM " + table);
  }

  @Test
  void checkDefaultThenPartitionDataEmptiesIt(TestDatabase db) {
    idSet(db, home, "pd");
    db.execute("INSERT INTO public.pd SELECT g, 'r' || g FROM generate_series(0, 59) g");
    assertThat(count(db, "public.pd_default")).isEqualTo("40");

    CliRun check = CliRun.on(db, home, "check-default");
    assertThat(check.exit()).as(check.err()).isZero();
    assertThat(check.out()).contains("public.pd  public.pd_default  40");
    CliRun quick = CliRun.on(db, home, "check-default", "--exact-count=false", "-o", "json");
    assertThat(quick.out())
        .contains("\"exact_count\": false,")
        .contains("\"default_table\": \"public.pd_default\",\n      \"count\": 1");

    CliRun some = CliRun.on(db, home, "partition-data", "public.pd", "--loop-count=1");
    assertThat(some.exit()).as(some.err()).isZero();
    assertThat(some.out())
        .startsWith(
            "Partition set public.pd: 10 rows moved out of public.pd_default in 1 batch,"
                + " 1 child made; rows are left (--loop-count reached), run it again.\n");
    CliRun rest = CliRun.on(db, home, "partition-data", "public.pd", "-o", "json");
    assertThat(rest.exit()).as(rest.err()).isZero();
    assertThat(rest.out()).contains("\"rows_moved\": 30,").contains("\"complete\": true,");
    assertThat(count(db, "public.pd_default")).isEqualTo("0");
    assertThat(count(db, "public.pd")).isEqualTo("60");
    assertThat(CliRun.on(db, home, "check-default").out())
        .isEqualTo("No default partition holds rows.\n");
  }

  @Test
  void undoPartitionMovesEverythingIntoOneTable(TestDatabase db) {
    idSet(db, home, "ud");
    db.execute(
        "INSERT INTO public.ud SELECT g, 'r' || g FROM generate_series(0, 25) g",
        "CREATE TABLE public.ud_flat (id bigint NOT NULL, v text)");
    CliRun r =
        CliRun.on(
            db,
            home,
            "undo-partition",
            "public.ud",
            "--target-table=public.ud_flat",
            "--keep-table=false");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("Partition set public.ud: 26 rows moved into public.ud_flat, ")
        .contains("partitions dropped; the set's configuration is removed.");
    assertThat(count(db, "public.ud_flat")).isEqualTo("26");
    assertThat(
            db.queryString(
                "SELECT count(*)::text FROM partman.part_config"
                    + " WHERE parent_table = 'public.ud'"))
        .isEqualTo("0");
  }

  @Test
  void dryRunsPrintTheStatementsAndChangeNothing(TestDatabase db) {
    idSet(db, home, "dr");
    db.execute(
        "INSERT INTO public.dr SELECT g, 'r' || g FROM generate_series(0, 34) g",
        "CREATE TABLE public.dr_flat (id bigint NOT NULL, v text)");
    String before = Catalog.snapshot(db.adminDataSource());

    CliRun data = CliRun.on(db, home, "partition-data", "public.dr", "--dry-run");
    assertThat(data.exit()).as(data.err()).isZero();
    assertThat(data.out())
        .startsWith(
            "-- Dry run of partition-data for public.dr: nothing was changed. These statements"
                + " would run, in order:\nCREATE TEMPORARY TABLE \"partman4j_moving_rows\"")
        .contains("CREATE TABLE \"public\".\"dr_p20\"")
        .contains("CAST('30' AS \"pg_catalog\".\"int8\")")
        .endsWith("ANALYZE \"public\".\"dr\";\n");
    assertThat(data.err()).isEmpty();
    CliRun json =
        CliRun.on(
            db, home, "partition-data", "public.dr", "--dry-run", "--loop-count=1", "-o", "json");
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(json.out())
        .contains("\"dry_run\": true")
        .contains("dr_p20")
        .doesNotContain("dr_p30");

    CliRun undo =
        CliRun.on(
            db, home, "undo-partition", "public.dr", "--target-table=public.dr_flat", "--dry-run");
    assertThat(undo.exit()).as(undo.err()).isZero();
    assertThat(undo.out())
        .startsWith("-- Dry run of undo-partition for public.dr: nothing was changed.")
        .contains("SET \"undo_in_progress\" = true")
        .contains("DETACH PARTITION \"public\".\"dr_p0\";")
        .contains("DELETE FROM \"partman\".\"part_config\" WHERE \"parent_table\" = 'public.dr';");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    assertThat(count(db, "public.dr_default")).isEqualTo("15");
    assertThat(count(db, "public.dr_flat")).isEqualTo("0");

    CliRun bad =
        CliRun.on(
            db, home, "undo-partition", "public.dr", "--target-table=public.nope", "--dry-run");
    assertThat(bad.exit()).isEqualTo(ExitCode.FAILED.code());
    assertThat(bad.err()).contains("public.nope");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void badInputChangesNothing(TestDatabase db) {
    idSet(db, home, "bd");
    db.execute("INSERT INTO public.bd VALUES (100, 'x')");
    String before = Catalog.snapshot(db.adminDataSource());
    CliRun order = CliRun.on(db, home, "partition-data", "public.bd", "--order=up");
    assertThat(order.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(order.err()).isEqualTo("partman: --order 'up' is neither ASC nor DESC.\n");
    CliRun interval = CliRun.on(db, home, "partition-data", "public.bd", "--interval=soon");
    assertThat(interval.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(interval.err()).startsWith("partman: ").contains("soon");
    CliRun unknown = CliRun.on(db, home, "partition-data", "public.nothing");
    assertThat(unknown.exit()).isEqualTo(ExitCode.FAILED.code());
    assertThat(unknown.err()).contains("public.nothing");
    CliRun noTarget = CliRun.on(db, home, "undo-partition", "public.bd");
    assertThat(noTarget.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(noTarget.err()).contains("--target-table");
    CliRun missingTarget =
        CliRun.on(db, home, "undo-partition", "public.bd", "--target-table=public.nope");
    assertThat(missingTarget.exit()).isEqualTo(ExitCode.FAILED.code());
    assertThat(missingTarget.err()).contains("public.nope");
    CliRun badBool = CliRun.on(db, home, "check-default", "--exact-count=perhaps");
    assertThat(badBool.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    assertThat(count(db, "public.bd_default")).isEqualTo("1");
  }
}
