package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/**
 * run-maintenance, drop-partition, the constraint commands, reapply-privileges and gap-fill against
 * the test server, in a UTC database. Each test works on sets of its own.
 */
@PostgresTest
class CliMaintenanceIT {

  @TempDir Path home;

  @BeforeAll
  static void scene(TestDatabase db) {
    db.executeAsAdmin("ALTER DATABASE " + db.name() + " SET timezone = 'UTC'");
    CliRun install = CliRun.on(db, Path.of("/nonexistent"), "install");
    assertThat(install.exit()).as(install.err()).isZero();
  }

  /** An id set {@code public.<name>} with children starting at {@code starts}, interval 10. */
  static void idSet(TestDatabase db, String name, String extra, int... starts) {
    db.execute(
        "CREATE TABLE public." + name + " (id bigint NOT NULL, val int) PARTITION BY RANGE (id)");
    for (int s : starts) {
      db.execute(
          "CREATE TABLE public."
              + name
              + "_p"
              + s
              + " PARTITION OF public."
              + name
              + " FOR VALUES FROM ("
              + s
              + ") TO ("
              + (s + 10)
              + ")");
    }
    db.execute(
        "INSERT INTO partman.part_config (parent_table, control, partition_interval,"
            + " partition_type"
            + (extra.isEmpty() ? "" : ", constraint_cols, optimize_constraint")
            + ") VALUES ('public."
            + name
            + "', 'id', '10', 'range'"
            + (extra.isEmpty() ? "" : ", " + extra)
            + ")");
  }

  /** A daily set {@code public.<name>} with children for 2020-01-01 … 2020-01-0{days}. */
  static void dailySet(TestDatabase db, String name, int days) {
    db.execute(
        "CREATE TABLE public." + name + " (at timestamptz NOT NULL) PARTITION BY RANGE (at)");
    for (int d = 1; d <= days; d++) {
      db.execute(
          String.format(
              "CREATE TABLE public.%s_p2020010%d PARTITION OF public.%s"
                  + " FOR VALUES FROM ('2020-01-0%d 00:00+00') TO ('2020-01-0%d 00:00+00')",
              name, d, name, d, d + 1));
    }
    db.execute(
        "INSERT INTO partman.part_config (parent_table, control, partition_interval,"
            + " partition_type, datetime_string, automatic_maintenance) VALUES ('public."
            + name
            + "', 'at', '1 day', 'range', 'YYYYMMDD', 'off')");
  }

  static String children(TestDatabase db, String schema, String prefix) {
    return String.join(
        ",",
        db.queryColumn(
            "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE nspname = '"
                + schema
                + "' AND relname LIKE '"
                + prefix
                + "%' AND relkind IN ('r','p') ORDER BY relname"));
  }

  @Test
  void runMaintenanceOfOneSetAndOfAllWithAFailingOne(TestDatabase db) throws Exception {
    idSet(db, "mids", "", 0);
    db.execute(
        "UPDATE partman.part_config SET premake = 2 WHERE parent_table = 'public.mids'",
        "INSERT INTO public.mids VALUES (5, 1)");
    CliRun one = CliRun.on(db, home, "run-maintenance", "public.mids");
    assertThat(one.exit()).as(one.err()).isZero();
    assertThat(one.out())
        .startsWith("1 set maintained: 2 children created")
        .contains("public.mids  mids_p10, mids_p20");
    assertThat(children(db, "public", "mids_p")).isEqualTo("mids_p0,mids_p10,mids_p20");

    CliRun again = CliRun.on(db, home, "run-maintenance", "public.mids", "-o", "json");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out())
        .startsWith("{\n  \"status\": \"COMPLETED\",\n")
        .contains("\"parent_table\": \"public.mids\",\n      \"children_created\": [],")
        .contains("\"error\": null");

    // A row naming a table that is gone: that set fails, the others are done, exit 4.
    db.execute(
        "INSERT INTO partman.part_config (parent_table, control, partition_interval,"
            + " partition_type) VALUES ('public.gone', 'id', '10', 'range')");
    try {
      CliRun all = CliRun.on(db, home, "run-maintenance");
      assertThat(all.exit()).as(all.all()).isEqualTo(ExitCode.SOME_SETS_FAILED.code());
      assertThat(all.out()).contains("public.gone").contains("does not exist");
      CliRun json = CliRun.on(db, home, "run-maintenance", "-o", "json");
      assertThat(json.exit()).isEqualTo(4);
      assertThat(json.out()).contains("\"parent_table\": \"public.gone\"");
    } finally {
      db.execute("DELETE FROM partman.part_config WHERE parent_table = 'public.gone'");
    }
  }

  @Test
  void runMaintenanceWhileAnotherMaintainerRunsDoesNothingAndExitsZero(TestDatabase db)
      throws Exception {
    try (Connection other = db.dataSource().getConnection();
        Statement st = other.createStatement()) {
      st.execute("SELECT pg_advisory_lock(hashtext('pg_partman run_maintenance'))");
      CliRun r = CliRun.on(db, home, "run-maintenance");
      assertThat(r.exit()).as(r.all()).isZero();
      assertThat(r.out())
          .isEqualTo(
              "pg_partman's run_maintenance is running on this database;" + " nothing was done.\n");
      CliRun json = CliRun.on(db, home, "run-maintenance", "-o", "json");
      assertThat(json.out()).contains("\"status\": \"ALREADY_RUNNING\"").contains("\"sets\": []");
    }
  }

  @Test
  void runMaintenanceBadInput(TestDatabase db) {
    String before = Catalog.snapshot(db.adminDataSource());
    CliRun unknown = CliRun.on(db, home, "run-maintenance", "public.nothing");
    assertThat(unknown.exit()).isEqualTo(ExitCode.FAILED.code());
    assertThat(unknown.err()).startsWith("partman: ").contains("public.nothing");
    CliRun malformed = CliRun.on(db, home, "run-maintenance", "no_schema");
    assertThat(malformed.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(malformed.err().lines()).hasSize(1);
    CliRun extra = CliRun.on(db, home, "run-maintenance", "public.a", "public.b");
    assertThat(extra.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void dropPartitionOfATimeSetDropsKeepsOrMoves(TestDatabase db) {
    dailySet(db, "dt", 5);
    db.execute("CREATE SCHEMA old_dt");
    CliRun none =
        CliRun.on(
            db,
            home,
            "drop-partition",
            "public.dt",
            "--retention=1 day",
            "--reference=2019-06-01 00:00:00+00");
    assertThat(none.exit()).as(none.err()).isZero();
    assertThat(none.out()).isEqualTo("Partition set public.dt: 0 children retired.\n");

    CliRun moved =
        CliRun.on(
            db,
            home,
            "drop-partition",
            "public.dt",
            "--retention=1 day",
            "--reference=2020-01-03T12:00:00Z",
            "--retention-schema=old_dt",
            "-o",
            "json");
    assertThat(moved.exit()).as(moved.err()).isZero();
    assertThat(moved.out())
        .contains("\"count\": 1,")
        .contains("\"moved\": [\n    \"dt_p20200101\"\n  ],")
        .contains("\"retention_schema\": \"old_dt\"");
    assertThat(children(db, "old_dt", "dt_p")).isEqualTo("dt_p20200101");

    CliRun kept =
        CliRun.on(
            db,
            home,
            "drop-partition",
            "public.dt",
            "--retention=1 day",
            "--reference=2020-01-04T12:00:00Z",
            "--keep-table");
    assertThat(kept.exit()).as(kept.err()).isZero();
    assertThat(kept.out()).contains("dt_p20200102  detached, kept as a table");
    assertThat(
            db.queryString(
                "SELECT relispartition::text FROM pg_class"
                    + " WHERE oid = 'public.dt_p20200102'::regclass"))
        .isEqualTo("false");

    CliRun dropped =
        CliRun.on(
            db, home, "drop-partition", "public.dt", "--retention=1 day", "--keep-table=false");
    assertThat(dropped.exit()).as(dropped.err()).isZero();
    assertThat(dropped.out())
        .contains("2 children retired")
        .contains("dt_p20200103  dropped")
        .contains("dt_p20200105 is past retention but kept: it is the set's last child.");
    assertThat(children(db, "public", "dt_p")).isEqualTo("dt_p20200102,dt_p20200105");
  }

  @Test
  void dropPartitionOfAnIdSetCountsBackFromTheLargestId(TestDatabase db) {
    idSet(db, "di", "", 0, 10, 20, 30);
    db.execute("INSERT INTO public.di VALUES (35, 1)");
    CliRun r = CliRun.on(db, home, "drop-partition", "public.di", "--retention", "10");
    assertThat(r.exit()).as(r.err()).isZero();
    // part_config's retention_keep_table defaults to true, as in pg_partman
    assertThat(r.out())
        .contains("2 children retired")
        .contains("di_p10  detached, kept as a table");
    assertThat(
            db.queryString(
                "SELECT count(*)::text FROM pg_inherits"
                    + " WHERE inhparent = 'public.di'::regclass"))
        .isEqualTo("2");
  }

  @Test
  void dropPartitionBadInputChangesNothing(TestDatabase db) {
    idSet(db, "bi", "", 0, 10, 20);
    dailySet(db, "bt", 3);
    String before = Catalog.snapshot(db.adminDataSource());
    CliRun words = CliRun.on(db, home, "drop-partition", "public.bi", "--retention=ten");
    assertThat(words.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(words.err()).contains("'ten' is not a whole number").contains("partitioned by id");
    CliRun reference =
        CliRun.on(
            db,
            home,
            "drop-partition",
            "public.bi",
            "--retention=5",
            "--reference=2020-01-01T00:00:00Z");
    assertThat(reference.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(reference.err()).contains("--reference is for sets partitioned by time");
    CliRun badTime = CliRun.on(db, home, "drop-partition", "public.bt", "--reference=yesterday");
    assertThat(badTime.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(badTime.err()).contains("'yesterday' is not a timestamp with an offset");
    CliRun noRetention = CliRun.on(db, home, "drop-partition", "public.bt");
    assertThat(noRetention.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(noRetention.err()).startsWith("partman: ").contains("retention");
    CliRun noSchema =
        CliRun.on(
            db,
            home,
            "drop-partition",
            "public.bt",
            "--retention=1 day",
            "--retention-schema=nowhere");
    assertThat(noSchema.exit()).isEqualTo(ExitCode.FAILED.code());
    assertThat(noSchema.err()).contains("nowhere");
    CliRun unknown = CliRun.on(db, home, "drop-partition", "public.nothing", "--retention=1");
    assertThat(unknown.exit()).isEqualTo(ExitCode.FAILED.code());
    assertThat(unknown.err()).contains("public.nothing");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void dropPartitionWaitsForALockThenReportsTheTimeout(TestDatabase db) throws Exception {
    idSet(db, "li", "", 0, 10, 20);
    db.execute("INSERT INTO public.li VALUES (25, 1)");
    try (Connection other = db.dataSource().getConnection();
        Statement st = other.createStatement()) {
      other.setAutoCommit(false);
      st.execute("LOCK TABLE public.li_p0 IN ACCESS SHARE MODE");
      CliRun r =
          CliRun.on(
              db,
              home,
              "drop-partition",
              "public.li",
              "--retention=5",
              "--lock-timeout=200ms",
              "--lock-attempts=1");
      assertThat(r.exit()).as(r.all()).isEqualTo(ExitCode.LOCK_TIMEOUT.code());
      assertThat(r.err()).startsWith("partman: ").contains("li_p0");
      other.rollback();
    }
    assertThat(children(db, "public", "li_p")).contains("li_p0");
    CliRun retry =
        CliRun.on(db, home, "drop-partition", "public.li", "--retention=5", "--keep-table=false");
    assertThat(retry.exit()).as(retry.err()).isZero();
    assertThat(children(db, "public", "li_p")).isEqualTo("li_p20");
  }

  @Test
  void constraintsApplyDropAndReapplyWithADryRun(TestDatabase db) {
    idSet(db, "ci", "'{val}', 1", 0, 10, 20, 30);
    db.execute("INSERT INTO public.ci SELECT g, g * 2 FROM generate_series(0, 35) g");
    CliRun apply = CliRun.on(db, home, "apply-constraints", "public.ci", "ci_p0");
    assertThat(apply.exit()).as(apply.err()).isZero();
    assertThat(apply.out())
        .startsWith("Partition set public.ci: 1 constraint added to public.ci_p0.\n")
        .contains("public.ci_p0  partmanconstr_ci_p0_val  val     0    18   yes");
    CliRun again = CliRun.on(db, home, "apply-constraints", "public.ci", "ci_p0", "-o", "json");
    assertThat(again.out()).contains("\"added\": [],").contains("\"already_constrained\": [\n");

    CliRun drop = CliRun.on(db, home, "drop-constraints", "public.ci", "public.ci_p0");
    assertThat(drop.exit()).as(drop.err()).isZero();
    assertThat(drop.out()).contains("1 constraint dropped").contains("partmanconstr_ci_p0_val");

    String before = Catalog.snapshot(db.adminDataSource());
    CliRun dry =
        CliRun.on(db, home, "reapply-constraints", "public.ci", "--apply-constraints", "--dry-run");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out())
        .startsWith("-- Dry run of reapply-constraints for public.ci: nothing was changed.")
        .contains("ADD CONSTRAINT");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);

    CliRun real =
        CliRun.on(
            db,
            home,
            "reapply-constraints",
            "public.ci",
            "--drop-constraints",
            "--apply-constraints",
            "--wait=0",
            "-o",
            "json");
    assertThat(real.exit()).as(real.err()).isZero();
    assertThat(real.out()).contains("\"dry_run\": false").contains("partmanconstr_ci_p0_val");
    assertThat(Catalog.snapshot(db.adminDataSource())).isNotEqualTo(before);
  }

  @Test
  void constraintCommandsBadInput(TestDatabase db) {
    idSet(db, "cn", "", 0, 10);
    idSet(db, "cc", "'{val}', 1", 0, 10);
    String before = Catalog.snapshot(db.adminDataSource());
    CliRun neither = CliRun.on(db, home, "reapply-constraints", "public.cn");
    assertThat(neither.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(neither.err()).contains("--drop-constraints, --apply-constraints");
    CliRun noCols = CliRun.on(db, home, "drop-constraints", "public.cn", "cn_p0");
    assertThat(noCols.exit()).isEqualTo(ExitCode.FAILED.code());
    assertThat(noCols.err()).startsWith("partman: ").contains("constraint_cols");
    CliRun quiet = CliRun.on(db, home, "apply-constraints", "public.cn", "cn_p0");
    assertThat(quiet.exit()).as(quiet.err()).isZero(); // pg_partman returns quietly too
    assertThat(quiet.out()).startsWith("Partition set public.cn: nothing done: ");
    CliRun notAChild = CliRun.on(db, home, "apply-constraints", "public.cc", "public.nope");
    assertThat(notAChild.exit()).isEqualTo(ExitCode.FAILED.code());
    assertThat(notAChild.err()).startsWith("partman: ").contains("nope");
    CliRun missingChild = CliRun.on(db, home, "drop-constraints", "public.cn");
    assertThat(missingChild.exit()).isEqualTo(ExitCode.USAGE.code());
    CliRun badWait =
        CliRun.on(db, home, "reapply-constraints", "public.cn", "--apply-constraints", "--wait=x");
    assertThat(badWait.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void reapplyPrivilegesAndGapFill(TestDatabase db) {
    idSet(db, "pg", "", 0, 30);
    db.execute("GRANT SELECT ON public.pg TO PUBLIC");
    CliRun privs = CliRun.on(db, home, "reapply-privileges", "public.pg");
    assertThat(privs.exit()).as(privs.err()).isZero();
    assertThat(privs.out())
        .startsWith("Partition set public.pg: 2 tables checked, 2 changed.\n")
        .contains("GRANT SELECT ON");
    assertThat(
            db.queryString(
                "SELECT has_table_privilege('public', 'public.pg_p30', 'SELECT')" + "::text"))
        .isEqualTo("true");

    CliRun gaps = CliRun.on(db, home, "gap-fill", "public.pg", "-o", "json");
    assertThat(gaps.exit()).as(gaps.err()).isZero();
    assertThat(gaps.out()).contains("\"count\": 2,").contains("pg_p10").contains("pg_p20");
    assertThat(children(db, "public", "pg_p")).isEqualTo("pg_p0,pg_p10,pg_p20,pg_p30");
    CliRun none = CliRun.on(db, home, "gap-fill", "public.pg");
    assertThat(none.out()).isEqualTo("Partition set public.pg: 0 children made to fill gaps.\n");

    CliRun unknown = CliRun.on(db, home, "reapply-privileges", "public.nothing");
    assertThat(unknown.exit()).isEqualTo(ExitCode.FAILED.code());
    CliRun unknownGap = CliRun.on(db, home, "gap-fill", "public.nothing");
    assertThat(unknownGap.exit()).isEqualTo(ExitCode.FAILED.code());
    assertThat(unknownGap.err()).contains("public.nothing");
  }
}
