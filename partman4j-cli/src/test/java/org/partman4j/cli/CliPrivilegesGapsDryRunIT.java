package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/** reapply-privileges --dry-run and gap-fill --dry-run against the test server. */
@PostgresTest
class CliPrivilegesGapsDryRunIT {

  @TempDir Path home;

  @Test
  void dryRunsPrintTheStatementsAsSqlAndJsonAndChangeNothing(TestDatabase db) {
    db.executeAsAdmin("ALTER DATABASE " + db.name() + " SET timezone = 'UTC'");
    db.execute("CREATE TABLE public.dg (id bigint NOT NULL, v int) PARTITION BY RANGE (id)");
    CliRun made =
        CliRun.on(
            db,
            home,
            "create-parent",
            "--parent=public.dg",
            "--control=id",
            "--interval=10",
            "--start-partition=0",
            "--premake=3");
    assertThat(made.exit()).as(made.err()).isZero();
    db.execute("DROP TABLE public.dg_p10", "GRANT SELECT ON public.dg TO PUBLIC");
    String before = Catalog.snapshot(db.adminDataSource());

    CliRun privs = CliRun.on(db, home, "reapply-privileges", "public.dg", "--dry-run");
    assertThat(privs.exit()).as(privs.err()).isZero();
    assertThat(privs.out())
        .startsWith(
            "-- Dry run of reapply-privileges for public.dg: nothing was changed. These"
                + " statements would run, in order:\n"
                + "GRANT SELECT ON \"public\".\"dg_default\" TO PUBLIC;\n")
        .contains("GRANT SELECT ON \"public\".\"dg_p30\" TO PUBLIC;\n")
        .doesNotContain("dg_p10");
    CliRun privsJson =
        CliRun.on(db, home, "reapply-privileges", "public.dg", "--dry-run", "-o", "json");
    assertThat(privsJson.exit()).as(privsJson.err()).isZero();
    assertThat(privsJson.out())
        .startsWith(
            "{\n  \"parent_table\": \"public.dg\",\n  \"dry_run\": true,\n  \"statements\": [\n"
                + "    \"GRANT SELECT ON \\\"public\\\".\\\"dg_default\\\" TO PUBLIC\"");

    CliRun gaps = CliRun.on(db, home, "gap-fill", "public.dg", "--dry-run");
    assertThat(gaps.exit()).as(gaps.err()).isZero();
    assertThat(gaps.out())
        .startsWith(
            "-- Dry run of gap-fill for public.dg: nothing was changed. These statements would"
                + " run, in order:\nCREATE TABLE \"public\".\"dg_p10\" (LIKE")
        .contains("FOR VALUES FROM ('10') TO ('20');\n");
    CliRun gapsJson = CliRun.on(db, home, "gap-fill", "public.dg", "--dry-run", "-o", "json");
    assertThat(gapsJson.out())
        .contains("\"dry_run\": true")
        .contains("CREATE TABLE \\\"public\\\".\\\"dg_p10\\\"");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);

    // once done for real, the dry runs have nothing left to show
    assertThat(CliRun.on(db, home, "gap-fill", "public.dg").exit()).isZero();
    assertThat(CliRun.on(db, home, "reapply-privileges", "public.dg").exit()).isZero();
    assertThat(CliRun.on(db, home, "gap-fill", "public.dg", "--dry-run").out())
        .isEqualTo(
            "-- Dry run of gap-fill for public.dg: nothing was changed. No statement would run.\n");
    assertThat(CliRun.on(db, home, "reapply-privileges", "public.dg", "--dry-run").out())
        .endsWith("No statement would run.\n");
  }

  @Test
  void dryRunsOfUnknownSetsFailWithTheSetNamed(TestDatabase db) {
    CliRun install = CliRun.on(db, home, "install");
    assertThat(install.exit()).as(install.err()).isZero();
    String before = Catalog.snapshot(db.adminDataSource());
    for (String command : new String[] {"reapply-privileges", "gap-fill"}) {
      CliRun unknown = CliRun.on(db, home, command, "public.nothing", "--dry-run");
      assertThat(unknown.exit()).isEqualTo(ExitCode.FAILED.code());
      assertThat(unknown.err()).startsWith("partman: ").contains("public.nothing");
      assertThat(unknown.out()).isEmpty();
      CliRun malformed = CliRun.on(db, home, command, "no_schema", "--dry-run");
      assertThat(malformed.exit()).isEqualTo(ExitCode.USAGE.code());
      assertThat(malformed.err()).contains("no_schema");
    }
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }
}
