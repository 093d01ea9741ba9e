package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/**
 * runMaintenanceDryRun lists exactly what the following real run does (children made, rows moved
 * out of the default, constraints, retention, the stamp), changes nothing, and takes no lock that
 * waits for writers or for another maintainer; runMaintenance with a listener reports each set.
 */
@PostgresTest
class MaintenanceDryRunIT {

  private static final String ROWS =
      "INSERT INTO %1$s SELECT g, timestamptz '2026-11-18 06:00+00' + g * interval '1 hour'"
          + " FROM generate_series(0, 100) g";

  /** A daily set made at NOW (children 11-18 … 11-26), rows from 11-18 06:00 to 11-22 10:00. */
  private static void dailySet(TestDatabase db, String parent, boolean withDefault) {
    db.execute(
        "CREATE TABLE " + parent + " (id int, ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
    MaintenanceIT.at(db, MaintenanceIT.NOW)
        .createParent(PartitionSetDefinition.of(parent, "ts", "1 day").defaultTable(withDefault));
    db.execute(String.format(ROWS, parent));
  }

  /** The tables the statements name after {@code verb} (e.g. {@code CREATE TABLE}), in order. */
  static List<String> targets(List<String> statements, String verb) {
    Pattern p = Pattern.compile("^" + verb + " \"[^\"]+\"\\.\"([^\"]+)\"");
    List<String> out = new ArrayList<>();
    for (String sql : statements) {
      Matcher m = p.matcher(sql);
      if (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  private static String configRows(TestDatabase db) {
    return String.join(
        "\n", db.queryColumn("SELECT t::text FROM partman.part_config t ORDER BY parent_table"));
  }

  @Test
  void theDryRunListsWhatTheRunThenDoesAndChangesNothing() {
    try (TestDatabase db = TestDatabase.create("maint_dry")) {
      db.execute("CREATE SCHEMA p");
      dailySet(db, "p.daily", true);
      dailySet(db, "p.moves", true);
      db.execute(
          "UPDATE partman.part_config SET premake = 6",
          "UPDATE partman.part_config SET retention = '2 days', retention_keep_table = false,"
              + " constraint_cols = '{id}', optimize_constraint = 1"
              + " WHERE parent_table = 'p.daily'",
          // a row whose child premake now makes: it waits in the default until then
          "INSERT INTO p.moves VALUES (1000, '2026-11-27 12:00+00')");
      Partman partman = MaintenanceIT.at(db, MaintenanceIT.NOW);
      String catalog = Catalog.snapshot(db.adminDataSource());
      String config = configRows(db);

      MaintenancePlan plan = partman.runMaintenanceDryRun();

      assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(catalog);
      assertThat(configRows(db)).isEqualTo(config);
      assertThat(plan.sets())
          .extracting(SetMaintenancePlan::parentTable)
          .containsExactly("p.daily", "p.moves");
      SetMaintenancePlan daily = plan.sets().get(0);
      SetMaintenancePlan moves = plan.sets().get(1);
      assertThat(daily.error()).isNull();
      assertThat(moves.error()).isNull();
      assertThat(daily.childrenToCreate()).containsExactly("daily_p20261127", "daily_p20261128");
      assertThat(targets(daily.statements(), "CREATE TABLE"))
          .containsExactly("daily_p20261127", "daily_p20261128");
      assertThat(daily.childrenToRetire()).containsExactly("daily_p20261118", "daily_p20261119");
      assertThat(targets(daily.statements(), "DROP TABLE"))
          .containsExactly("daily_p20261118", "daily_p20261119");
      assertThat(daily.constraintsToAdd()).hasSize(1);
      assertThat(daily.statements())
          .anySatisfy(s -> assertThat(s).contains("ADD CONSTRAINT").contains("CHECK"));
      // Every new child beside a default goes through it: the default is locked and its rows of
      // the child's range moved, before the ATTACH.
      assertThat(moves.statements())
          .anySatisfy(
              s -> assertThat(s).startsWith("WITH moved AS (DELETE FROM \"p\".\"moves_default\""));
      assertThat(plan.statements())
          .hasSize(daily.statements().size() + moves.statements().size() + 1);
      assertThat(plan.statements().get(plan.statements().size() - 1))
          .isEqualTo(
              "UPDATE \"partman\".\"part_config\" SET maintenance_last_run = clock_timestamp()"
                  + " WHERE parent_table = ANY (ARRAY['p.daily', 'p.moves']::text[])");
      assertThat(plan.message())
          .startsWith("2 sets to maintain: 4 children to create, 2 to retire");

      MaintenanceResult run = partman.runMaintenance();

      SetMaintenanceResult dailyRun = MaintenanceIT.only(run, "p.daily");
      SetMaintenanceResult movesRun = MaintenanceIT.only(run, "p.moves");
      assertThat(dailyRun.childrenCreated()).isEqualTo(daily.childrenToCreate());
      assertThat(dailyRun.childrenDropped()).isEqualTo(daily.childrenToRetire());
      assertThat(dailyRun.constraintsAdded()).isEqualTo(daily.constraintsToAdd());
      assertThat(movesRun.childrenCreated()).isEqualTo(moves.childrenToCreate());
      assertThat(movesRun.rowsMovedFromDefault()).isEqualTo(1);
      assertThat(db.queryString("SELECT count(*) FROM ONLY p.moves_default")).isEqualTo("0");

      // Once done, a dry run finds nothing more to do but the stamp, and the SHARE lock a run
      // takes each time on the constraint child to see that it is constrained already.
      MaintenancePlan after = partman.runMaintenanceDryRun("p.daily");
      assertThat(after.sets().get(0).statements())
          .containsExactly("LOCK TABLE \"p\".\"daily_p20261120\" IN SHARE MODE");
      assertThat(after.sets().get(0).constraintsToAdd()).isEmpty();
      assertThat(after.statements()).hasSize(2);
    }
  }

  @Test
  void theRetentionOfASetWithoutDefaultDetachesConcurrently() {
    try (TestDatabase db = TestDatabase.create("maint_dry_conc")) {
      db.execute("CREATE SCHEMA p", "CREATE SCHEMA old");
      dailySet(db, "p.nodef", false);
      db.execute("UPDATE partman.part_config SET retention = '3 days', retention_schema = 'old'");
      Partman partman = MaintenanceIT.at(db, MaintenanceIT.NOW);

      SetMaintenancePlan plan = partman.runMaintenanceDryRun("p.nodef").sets().get(0);

      assertThat(plan.statements())
          .containsExactly(
              "ALTER TABLE \"p\".\"nodef\" DETACH PARTITION \"p\".\"nodef_p20261118\" CONCURRENTLY",
              "ALTER TABLE \"p\".\"nodef_p20261118\" SET SCHEMA \"old\"");
      MaintenanceResult run = partman.runMaintenance("p.nodef");
      assertThat(MaintenanceIT.only(run, "p.nodef").childrenMoved())
          .isEqualTo(plan.childrenToRetire())
          .containsExactly("nodef_p20261118");
    }
  }

  @Test
  void badInputIsAClearErrorAndChangesNothing() {
    try (TestDatabase db = TestDatabase.create("maint_dry_bad")) {
      db.execute("CREATE SCHEMA p");
      dailySet(db, "p.daily", true);
      Partman partman = MaintenanceIT.at(db, MaintenanceIT.NOW);
      String catalog = Catalog.snapshot(db.adminDataSource());
      String config = configRows(db);

      assertThatThrownBy(() -> partman.runMaintenanceDryRun("p.nothing"))
          .isInstanceOfSatisfying(
              PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SET_NOT_FOUND))
          .hasMessageContaining("p.nothing");
      assertThatThrownBy(() -> partman.runMaintenanceDryRun("no_schema"))
          .isInstanceOfSatisfying(
              PartmanException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
      assertThatThrownBy(() -> partman.runMaintenanceDryRun(null))
          .isInstanceOfSatisfying(
              PartmanException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
      // A set that cannot be worked on is reported in its plan, as a run reports it.
      db.execute("UPDATE partman.part_config SET retention = 'forever'");
      SetMaintenancePlan broken = partman.runMaintenanceDryRun().sets().get(0);
      assertThat(broken.error()).contains("forever");
      assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(catalog);
      db.execute("UPDATE partman.part_config SET retention = NULL");
      assertThat(configRows(db)).isEqualTo(config);
    }
  }

  @Test
  void theDryRunNeitherWaitsForWritersNorForAnotherMaintainer() throws Exception {
    try (TestDatabase db = TestDatabase.create("maint_dry_locks")) {
      db.execute("CREATE SCHEMA p");
      dailySet(db, "p.daily", true);
      db.execute("UPDATE partman.part_config SET premake = 6, retention = '2 days'");
      Partman partman =
          Partman.configure()
              .dataSource(db.dataSource())
              .timeZone(java.time.ZoneOffset.UTC)
              .lockTimeout(Duration.ofMillis(500))
              .lockAttempts(1)
              .clock(MaintenanceIT.NOW)
              .load();
      try (Connection writer = db.dataSource().getConnection();
          Connection maintainer = db.dataSource().getConnection();
          Statement w = writer.createStatement();
          Statement m = maintainer.createStatement()) {
        // A writer in the middle of its transaction on the set, holding row locks and ROW
        // EXCLUSIVE on the parent and children; and another maintainer holding the locks.
        writer.setAutoCommit(false);
        w.execute("INSERT INTO p.daily VALUES (1, '2026-11-22 11:00+00')");
        w.execute("UPDATE p.daily SET id = id WHERE ts < '2026-11-20'");
        m.execute("SELECT pg_advisory_lock(hashtext('partman4j'), hashtext('run_maintenance'))");
        m.execute("SELECT pg_advisory_lock(hashtext('partman4j set'), hashtext('p.daily'))");

        long started = System.nanoTime();
        MaintenancePlan plan = partman.runMaintenanceDryRun();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(plan.sets().get(0).error()).isNull();
        assertThat(plan.sets().get(0).childrenToCreate()).isNotEmpty();
        assertThat(plan.sets().get(0).childrenToRetire()).isNotEmpty();
        assertThat(millis).isLessThan(10_000);
        // The real run, by contrast, finds the other maintainer and does nothing.
        assertThat(partman.runMaintenance().status())
            .isEqualTo(MaintenanceResult.Status.ALREADY_RUNNING);
        writer.rollback();
      }
    }
  }

  @Test
  void theListenerHearsOfEachSetInOrder() {
    try (TestDatabase db = TestDatabase.create("maint_listener")) {
      db.execute("CREATE SCHEMA p");
      dailySet(db, "p.a", true);
      dailySet(db, "p.b", true);
      db.execute("UPDATE partman.part_config SET premake = 6");
      List<MaintenanceProgress> heard = new CopyOnWriteArrayList<>();
      Partman partman = MaintenanceIT.at(db, MaintenanceIT.NOW);

      MaintenanceResult r = partman.runMaintenance(null, heard::add);

      assertThat(r.childrenCreated()).isEqualTo(4);
      assertThat(heard)
          .extracting(
              MaintenanceProgress::setNumber,
              MaintenanceProgress::setCount,
              MaintenanceProgress::parentTable,
              MaintenanceProgress::childrenCreated)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(1, 2, "p.a", 2),
              org.assertj.core.groups.Tuple.tuple(2, 2, "p.b", 4));
      assertThat(heard.get(1).set().childrenCreated())
          .containsExactly("b_p20261127", "b_p20261128");

      // A listener that throws changes nothing for the run.
      db.execute("UPDATE partman.part_config SET premake = 7");
      MaintenanceResult again =
          partman.runMaintenance(
              "p.a",
              p -> {
                throw new IllegalStateException("listener broke");
              });
      assertThat(again.failures()).isEmpty();
      assertThat(MaintenanceIT.only(again, "p.a").childrenCreated()).containsExactly("a_p20261129");
    }
  }
}
