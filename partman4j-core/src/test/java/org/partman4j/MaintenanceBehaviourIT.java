package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.CountingDataSource;

/**
 * runMaintenance beyond pg_partman's scenarios: rows in the default, a failing set among good ones,
 * two maintainers, a writer beside hundreds of new children, and the cost of a steady state.
 */
@PostgresTest
class MaintenanceBehaviourIT {

  private static final Instant NOW = MaintenanceIT.NOW;

  private static Partman at(TestDatabase db, Instant clock) {
    return MaintenanceIT.at(db, clock);
  }

  @Test
  void rowsInTheDefaultAreMovedIntoTheNewChildThatCoversThem() {
    try (TestDatabase db = TestDatabase.create("maint")) {
      db.execute(
          "CREATE SCHEMA dd",
          "CREATE TABLE dd.t (id int NOT NULL, ts timestamptz NOT NULL, note text,"
              + " doubled int GENERATED ALWAYS AS (id * 2) STORED) PARTITION BY RANGE (ts)");
      Partman partman = at(db, NOW);
      partman.createParent(PartitionSetDefinition.of("dd.t", "ts", "1 day"));
      // Rows for 11-27 and 11-28 arrive before their children exist: they sit in the default.
      db.execute(
          "INSERT INTO dd.t (id, ts, note) SELECT g, '2026-11-27 00:00+00'::timestamptz"
              + " + g * interval '1 minute', 'early' FROM generate_series(1, 1500) g",
          "INSERT INTO dd.t (id, ts, note) VALUES (9, '2026-12-25 10:00+00', 'far')",
          "INSERT INTO dd.t (id, ts, note) VALUES (7, '2026-11-26 10:00+00', 'newest')");

      MaintenanceResult r = partman.runMaintenance();

      SetMaintenanceResult set = MaintenanceIT.only(r, "dd.t");
      assertThat(set.error()).isNull();
      assertThat(set.childrenCreated())
          .containsExactly("t_p20261127", "t_p20261128", "t_p20261129", "t_p20261130");
      assertThat(set.rowsMovedFromDefault()).isEqualTo(1500);
      assertThat(db.queryString("SELECT count(*) FROM dd.t_p20261127")).isEqualTo("1439");
      assertThat(db.queryString("SELECT count(*) FROM dd.t_p20261128")).isEqualTo("61");
      assertThat(db.queryColumn("SELECT note FROM dd.t_default")).containsExactly("far");
      assertThat(db.queryString("SELECT count(*) FROM dd.t")).isEqualTo("1502");
      assertThat(db.queryString("SELECT sum(doubled) FROM dd.t_p20261127"))
          .isEqualTo(String.valueOf(2L * 1439 * 1440 / 2));
    }
  }

  @Test
  void aFailingSetIsReportedWhileTheOthersProceed() {
    try (TestDatabase db = TestDatabase.create("maint")) {
      db.execute("CREATE SCHEMA f");
      Partman partman = at(db, NOW);
      for (String t : List.of("a", "b", "c")) {
        db.execute("CREATE TABLE f." + t + " (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
        partman.createParent(PartitionSetDefinition.of("f." + t, "ts", "1 day"));
        db.execute("INSERT INTO f." + t + " VALUES ('2026-11-26 10:00+00')");
      }
      // An unrelated table holds the name of b's next child.
      db.execute("CREATE TABLE f.b_p20261128 (x int)", "INSERT INTO f.b_p20261128 VALUES (1)");

      MaintenanceResult r = partman.runMaintenance();

      assertThat(r.status()).isEqualTo(MaintenanceResult.Status.COMPLETED);
      assertThat(r.failures()).extracting(SetMaintenanceResult::parentTable).containsExactly("f.b");
      SetMaintenanceResult b = MaintenanceIT.only(r, "f.b");
      assertThat(b.error()).contains("f.b_p20261128").contains("not attached");
      assertThat(b.childrenCreated()).containsExactly("b_p20261127");
      assertThat(MaintenanceIT.only(r, "f.a").childrenCreated()).hasSize(4);
      assertThat(MaintenanceIT.only(r, "f.c").childrenCreated()).hasSize(4);
      assertThat(r.message()).contains("f.b");
      assertThat(db.queryString("SELECT x FROM f.b_p20261128")).isEqualTo("1");
      assertThat(
              db.queryColumn(
                  "SELECT parent_table FROM partman.part_config"
                      + " WHERE maintenance_last_run IS NULL"))
          .containsExactly("f.b");
    }
  }

  @Test
  void aSecondMaintainerReturnsAlreadyRunning() throws Exception {
    try (TestDatabase db = TestDatabase.create("maint")) {
      db.execute(
          "CREATE SCHEMA two",
          "CREATE TABLE two.t (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
      at(db, NOW).createParent(PartitionSetDefinition.of("two.t", "ts", "1 hour").premake(1));
      db.execute(
          "INSERT INTO two.t VALUES ('2026-11-22 04:10+00')",
          "UPDATE partman.part_config SET premake = 300");
      Partman partman = at(db, NOW);
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<MaintenanceResult> first = pool.submit(() -> partman.runMaintenance());
        // Wait until the first run is making children, then start a second.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Integer.parseInt(
                    db.queryString(
                        "SELECT count(*) FROM pg_inherits WHERE inhparent = 'two.t'::regclass"))
                < 20
            && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        MaintenanceResult second = partman.runMaintenance();
        assertThat(second.status()).isEqualTo(MaintenanceResult.Status.ALREADY_RUNNING);
        assertThat(second.message()).contains("partman4j maintenance is running");
        assertThat(second.sets()).isEmpty();
        MaintenanceResult done = first.get(120, TimeUnit.SECONDS);
        assertThat(done.status()).isEqualTo(MaintenanceResult.Status.COMPLETED);
        assertThat(done.childrenCreated()).isEqualTo(300);
      } finally {
        pool.shutdownNow();
      }

      // pg_partman's run_maintenance() holds its transaction-level key: we step aside too.
      try (Connection c = db.dataSource().getConnection();
          Statement st = c.createStatement()) {
        c.setAutoCommit(false);
        st.execute("SELECT pg_advisory_xact_lock(hashtext('pg_partman run_maintenance'))");
        MaintenanceResult beside = partman.runMaintenance();
        assertThat(beside.status()).isEqualTo(MaintenanceResult.Status.ALREADY_RUNNING);
        assertThat(beside.message()).contains("pg_partman");
        c.rollback();
      }
      // Nothing is left locked: the next run works.
      assertThat(partman.runMaintenance().status()).isEqualTo(MaintenanceResult.Status.COMPLETED);
      assertThat(
              db.queryString(
                  "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                      + " AND database = (SELECT oid FROM pg_database"
                      + " WHERE datname = current_database())"))
          .isEqualTo("0");
    }
  }

  @Test
  void aWriterBesideHundredsOfNewChildrenNeverFails() throws Exception {
    try (TestDatabase db = TestDatabase.create("maint")) {
      db.execute(
          "CREATE SCHEMA w",
          "CREATE TABLE w.t (id bigserial, ts timestamptz NOT NULL, PRIMARY KEY (id, ts))"
              + " PARTITION BY RANGE (ts)");
      at(db, NOW).createParent(PartitionSetDefinition.of("w.t", "ts", "1 hour").premake(2));
      db.execute(
          "INSERT INTO w.t (ts) VALUES ('2026-11-22 05:30+00')",
          "UPDATE partman.part_config SET premake = 400");
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger inserted = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      AtomicLong worstNanos = new AtomicLong();
      ExecutorService pool = Executors.newSingleThreadExecutor();
      Future<?> writer =
          pool.submit(
              () -> {
                try (Connection c = db.dataSource().getConnection();
                    PreparedStatement ps =
                        c.prepareStatement(
                            "INSERT INTO w.t (ts) VALUES ('2026-11-22 05:00+00'::timestamptz"
                                + " + (? % 180) * interval '1 minute')")) {
                  int i = 0;
                  while (!stop.get()) {
                    long t0 = System.nanoTime();
                    try {
                      ps.setInt(1, i++);
                      ps.executeUpdate();
                      inserted.incrementAndGet();
                    } catch (java.sql.SQLException e) {
                      failed.incrementAndGet();
                      System.out.println(
                          "insert failed: " + e.getSQLState() + " " + e.getMessage());
                    }
                    worstNanos.accumulateAndGet(System.nanoTime() - t0, Math::max);
                  }
                }
                return null;
              });
      Thread.sleep(200);
      MaintenanceResult r = at(db, NOW).runMaintenance();
      Thread.sleep(200);
      stop.set(true);
      writer.get(60, TimeUnit.SECONDS);
      pool.shutdown();

      assertThat(r.sets()).singleElement().satisfies(s -> assertThat(s.error()).isNull());
      assertThat(r.childrenCreated()).isEqualTo(400);
      assertThat(failed.get()).isZero();
      assertThat(inserted.get()).isGreaterThan(100);
      assertThat(db.queryString("SELECT count(*) FROM w.t"))
          .isEqualTo(String.valueOf(inserted.get() + 1));
      System.out.printf(
          "maintenance beside a writer: %d children in %d ms; %d single-row inserts, 0 failed,"
              + " worst stall %.1f ms%n",
          r.childrenCreated(), r.elapsed().toMillis(), inserted.get(), worstNanos.get() / 1e6);
    }
  }

  @Test
  void aSteadyStateOfTwoHundredSetsCostsAHandfulOfRoundTrips() {
    try (TestDatabase db = TestDatabase.create("maint")) {
      Partman creator = at(db, NOW);
      db.execute("CREATE SCHEMA many");
      for (int i = 0; i < 200; i++) {
        String t = "many.s" + i;
        db.execute("CREATE TABLE " + t + " (id bigint NOT NULL) PARTITION BY RANGE (id)");
        creator.createParent(
            PartitionSetDefinition.of(t, "id", "100").premake(2).startPartition("1000"));
        db.execute("INSERT INTO " + t + " VALUES (1050)");
      }
      CountingDataSource counting = new CountingDataSource(db.dataSource());
      Partman partman =
          Partman.configure().dataSource(counting).timeZone(ZoneId.of("UTC")).clock(NOW).load();
      assertThat(partman.runMaintenance().childrenCreated()).isZero();
      counting.reset();

      MaintenanceResult r = partman.runMaintenance();

      assertThat(r.sets()).hasSize(200);
      assertThat(r.childrenCreated()).isZero();
      assertThat(r.failures()).isEmpty();
      int trips = counting.roundTrips();
      System.out.printf(
          "steady-state maintenance of 200 sets: %d SQL round trips, %d ms%n",
          trips, r.elapsed().toMillis());
      assertThat(trips).isLessThanOrEqualTo(20);

      // A retention policy with nothing due yet costs no query per set either.
      db.execute("UPDATE partman.part_config SET retention = '10000'");
      counting.reset();
      MaintenanceResult withRetention = partman.runMaintenance();
      assertThat(withRetention.failures()).isEmpty();
      System.out.printf(
          "steady-state maintenance of 200 sets with retention: %d SQL round trips%n",
          counting.roundTrips());
      assertThat(counting.roundTrips()).isLessThanOrEqualTo(20);

      // Once retention is due it still runs: s0's data reaches 1250, so with retention 100 its
      // child 1000–1100 (end ≤ 1250 − 100) is detached; the other sets keep theirs.
      db.execute(
          "INSERT INTO many.s0 VALUES (1250)",
          "UPDATE partman.part_config SET retention = '100' WHERE parent_table = 'many.s0'");
      MaintenanceResult due = partman.runMaintenance();
      assertThat(due.failures()).isEmpty();
      assertThat(MaintenanceIT.only(due, "many.s0").childrenDetached()).containsExactly("s0_p1000");
      assertThat(MaintenanceIT.only(due, "many.s1").childrenDetached()).isEmpty();
    }
  }
}
