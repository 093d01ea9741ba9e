package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/** create-sub-parent and stop-sub-partition against the test server. */
@PostgresTest
class CliSubPartitionIT {

  @TempDir Path home;

  @Test
  void subPartitionASetKeepingItsRowsThenStop(TestDatabase db) {
    db.executeAsAdmin("ALTER DATABASE " + db.name() + " SET timezone = 'UTC'");
    db.execute("CREATE TABLE public.sp (id bigint NOT NULL, v text) PARTITION BY RANGE (id)");
    CliRun made =
        CliRun.on(
            db,
            home,
            "create-parent",
            "--parent=public.sp",
            "--control=id",
            "--interval=100",
            "--premake=1");
    assertThat(made.exit()).as(made.err()).isZero();
    db.execute("INSERT INTO public.sp SELECT g, 'r' FROM generate_series(0, 149) g");

    String before = Catalog.snapshot(db.adminDataSource());
    CliRun noCheck =
        CliRun.on(
            db, home, "create-sub-parent", "--parent=public.sp", "--control=id", "--interval=10");
    assertThat(noCheck.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(noCheck.err()).contains("--declarative-check");
    CliRun no =
        CliRun.on(
            db,
            home,
            "create-sub-parent",
            "--parent=public.sp",
            "--control=id",
            "--interval=10",
            "--declarative-check=no");
    assertThat(no.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(no.err()).startsWith("partman: ");
    CliRun tooBig =
        CliRun.on(
            db,
            home,
            "create-sub-parent",
            "--parent=public.sp",
            "--control=id",
            "--interval=1000",
            "--declarative-check=yes");
    assertThat(tooBig.exit()).isEqualTo(ExitCode.USAGE.code());
    CliRun dry =
        CliRun.on(
            db,
            home,
            "create-sub-parent",
            "--parent=public.sp",
            "--control=id",
            "--interval=10",
            "--declarative-check=yes",
            "--dry-run");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out())
        .startsWith("-- Dry run of create-sub-parent for public.sp: nothing was changed.");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);

    CliRun real =
        CliRun.on(
            db,
            home,
            "create-sub-parent",
            "--parent=public.sp",
            "--control=id",
            "--interval=10",
            "--declarative-check=yes",
            "-o",
            "json");
    assertThat(real.exit()).as(real.err()).isZero();
    assertThat(real.out())
        .startsWith("{\n  \"parent_table\": \"public.sp\",\n  \"sub_sets\": [")
        .contains("\"public.sp_p100\"")
        .contains("\"rows_moved\": ");
    assertThat(db.queryString("SELECT count(*)::text FROM public.sp")).isEqualTo("150");
    assertThat(
            db.queryString(
                "SELECT relkind::text FROM pg_class WHERE oid = 'public.sp_p100'::regclass"))
        .isEqualTo("p");

    String beforeDryRun = Catalog.snapshot(db.adminDataSource());
    CliRun dryStop = CliRun.on(db, home, "stop-sub-partition", "public.sp", "--dry-run");
    assertThat(dryStop.exit()).as(dryStop.err()).isZero();
    assertThat(dryStop.out())
        .startsWith("-- Dry run of stop-sub-partition for public.sp: nothing was changed.")
        .contains(
            "DELETE FROM \"partman\".\"part_config_sub\" WHERE \"sub_parent\" = 'public.sp';");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(beforeDryRun);
    assertThat(
            db.queryString(
                "SELECT count(*) FROM partman.part_config_sub WHERE sub_parent = 'public.sp'"))
        .isEqualTo("1");
    CliRun dryUnknown = CliRun.on(db, home, "stop-sub-partition", "public.nothing", "--dry-run");
    assertThat(dryUnknown.exit()).isEqualTo(ExitCode.FAILED.code());
    assertThat(dryUnknown.err()).contains("public.nothing");

    CliRun stop = CliRun.on(db, home, "stop-sub-partition", "public.sp");
    assertThat(stop.exit()).as(stop.err()).isZero();
    assertThat(stop.out())
        .isEqualTo(
            "Partition set public.sp: new children will not be sub-partitioned; existing"
                + " sub-sets stay.\n");
    CliRun again = CliRun.on(db, home, "stop-sub-partition", "public.sp", "-o", "json");
    assertThat(again.out()).contains("\"stopped\": false");
    CliRun dryAgain =
        CliRun.on(db, home, "stop-sub-partition", "public.sp", "--dry-run", "-o", "json");
    assertThat(dryAgain.out()).contains("\"dry_run\": true").contains("\"statements\": []");
    CliRun unknown = CliRun.on(db, home, "stop-sub-partition", "public.nothing");
    assertThat(unknown.exit()).isEqualTo(ExitCode.FAILED.code());
    assertThat(unknown.err()).contains("public.nothing");
  }
}
