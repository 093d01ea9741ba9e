package org.partman4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.partman4j.ErrorCode;
import org.partman4j.InstallResult;
import org.partman4j.Partman;
import org.partman4j.PartmanException;
import org.partman4j.command.Install;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

@PostgresTest
class StoreInstallIT {

  private static final String V001 = "V001__config_tables.sql";
  private static final String V002 = "V002__partition_timezone.sql";
  private static final String V003 = "V003__job_history.sql";
  private static final int NEWEST = StoreScripts.all().size();

  @Test
  void installCreatesSchemaTablesAndHistory(TestDatabase db) {
    InstallResult result = partman(db, "fresh").install();

    assertThat(result).isEqualTo(new InstallResult("fresh", 0, NEWEST, List.of(V001, V002, V003)));
    assertThat(result.changed()).isTrue();
    assertThat(
            db.queryString(
                "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'fresh'"))
        .isEqualTo("partman_owner");
    assertThat(
            db.queryString(
                "SELECT version || '|' || description || '|' || script || '|' || checksum || '|'"
                    + " || installed_by || '|' || (execution_ms >= 0) || '|'"
                    + " || (installed_on <= now()) FROM fresh.partman4j_schema_history WHERE version = 1"))
        .isEqualTo(
            "1|config tables|"
                + V001
                + "|"
                + StoreScripts.all().get(0).checksum()
                + "|partman_owner|true|true");
  }

  @Test
  void aSecondInstallChangesNothing(TestDatabase db) {
    Partman partman = partman(db, "twice");
    partman.install();
    String before = Catalog.snapshot(db.adminDataSource());

    InstallResult again = partman.install();

    assertThat(again).isEqualTo(new InstallResult("twice", NEWEST, NEWEST, List.of()));
    assertThat(again.changed()).isFalse();
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    // A new instance (another process) sees the same.
    assertThat(partman(db, "twice").install().changed()).isFalse();
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void otherCommandsCreateTheStoreOnFirstUseAndThenOnlyRead(TestDatabase db) {
    Sessions sessions = new Sessions(db.dataSource(), null, Duration.ofSeconds(5));
    try (Session s = sessions.open()) {
      Install.ensureInstalled(s, "first_use");
    }
    assertThat(db.queryString("SELECT max(version) FROM first_use.partman4j_schema_history"))
        .isEqualTo(String.valueOf(NEWEST));
    String before = Catalog.snapshot(db.adminDataSource());
    try (Session s = sessions.open()) {
      Install.ensureInstalled(s, "first_use");
    }
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void concurrentInstallsWaitForEachOtherAndBothSucceed(TestDatabase db) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Connection holder = db.dataSource().getConnection()) {
      // Hold the install lock of schema "together", as a slow installer would.
      holder.setAutoCommit(false);
      try (PreparedStatement ps =
          holder.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))")) {
        ps.setString(1, StoreInstaller.LOCK_PURPOSE);
        ps.setString(2, "together");
        ps.execute();
      }
      List<Future<InstallResult>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        results.add(pool.submit(() -> partman(db, "together").install()));
      }
      waitForWaiters(db, 2);
      assertThat(Catalog.schemaExists(db.adminDataSource(), "together")).isFalse();
      holder.rollback();

      List<InstallResult> done = new ArrayList<>();
      for (Future<InstallResult> f : results) {
        done.add(f.get());
      }
      assertThat(done)
          .containsExactlyInAnyOrder(
              new InstallResult("together", 0, NEWEST, List.of(V001, V002, V003)),
              new InstallResult("together", NEWEST, NEWEST, List.of()));
    } finally {
      pool.shutdownNow();
    }
    assertThat(db.queryString("SELECT count(*) FROM together.partman4j_schema_history"))
        .isEqualTo(String.valueOf(NEWEST));
  }

  @Test
  void installsStartedAtTheSameMomentAllSucceed(TestDatabase db) throws Exception {
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 5; round++) {
        String schema = "race_" + round;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<InstallResult>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          Partman partman = partman(db, schema);
          results.add(
              pool.submit(
                  () -> {
                    go.await();
                    return partman.install();
                  }));
        }
        go.countDown();
        int applied = 0;
        for (Future<InstallResult> f : results) {
          InstallResult r = f.get();
          assertThat(r.versionAfter()).isEqualTo(NEWEST);
          applied += r.scriptsApplied().size();
        }
        assertThat(applied).as("scripts applied in round %d", round).isEqualTo(NEWEST);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anInstallerThatCannotGetTheLockInTimeFailsClearlyAndCreatesNothing(TestDatabase db)
      throws Exception {
    try (Connection holder = db.dataSource().getConnection()) {
      holder.setAutoCommit(false);
      try (PreparedStatement ps =
          holder.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))")) {
        ps.setString(1, StoreInstaller.LOCK_PURPOSE);
        ps.setString(2, "blocked");
        ps.execute();
      }
      String before = Catalog.snapshot(db.adminDataSource());
      Partman impatient =
          Partman.configure()
              .dataSource(db.dataSource())
              .schema("blocked")
              .lockTimeout(Duration.ofMillis(300))
              .load();
      assertThatThrownBy(impatient::install)
          .isInstanceOfSatisfying(
              PartmanException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
                assertThat(e.sqlState()).isEqualTo("55P03");
              })
          .hasMessageContaining("installing the partman4j store in schema \"blocked\"")
          .hasMessageContaining("retry later");
      assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
      holder.rollback();
    }
  }

  @Test
  void aDryRunChangesNothingAndListsExactlyWhatInstallsTheStore(TestDatabase db) throws Exception {
    String before = Catalog.snapshot(db.adminDataSource());

    List<String> plan = partman(db, "planned").installDryRun();

    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    assertThat(Catalog.schemaExists(db.adminDataSource(), "planned")).isFalse();
    assertThat(plan.get(0)).isEqualTo("CREATE SCHEMA \"planned\"");
    assertThat(plan.get(1)).startsWith("CREATE TABLE \"planned\".\"partman4j_schema_history\"");
    assertThat(
            plan.stream()
                .filter(s -> s.startsWith("INSERT INTO \"planned\".\"partman4j_schema_history\"")))
        .hasSize(NEWEST);

    // Running the listed statements by hand leaves a store install() finds current.
    try (Connection c = db.dataSource().getConnection();
        java.sql.Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      for (String sql : plan) {
        st.execute(sql);
      }
      c.commit();
    }
    assertThat(partman(db, "planned").install())
        .isEqualTo(new InstallResult("planned", NEWEST, NEWEST, List.of()));
    assertThat(partman(db, "planned").installDryRun()).isEmpty();
  }

  @Test
  void aDryRunOfAPartlyInstalledStoreListsOnlyThePendingScripts(TestDatabase db) throws Exception {
    partman(db, "partly").install();
    db.execute("DELETE FROM partly.partman4j_schema_history WHERE version = " + NEWEST);
    String lastScript = StoreScripts.all().get(NEWEST - 1).fileName();

    List<String> plan = partman(db, "partly").installDryRun();

    assertThat(plan).hasSize(2);
    assertThat(plan.get(1)).contains(lastScript);
    assertThat(plan).noneMatch(s -> s.startsWith("CREATE SCHEMA"));
  }

  @Test
  void aDryRunRefusesWhatInstallRefusesAndChangesNothing(TestDatabase db) {
    db.executeAsAdmin("CREATE SCHEMA not_ours");
    String before = Catalog.snapshot(db.adminDataSource());

    Throwable dry = catchThrowable(() -> partman(db, "not_ours").installDryRun());
    Throwable real = catchThrowable(() -> partman(db, "not_ours").install());

    assertThat(dry).isInstanceOf(PartmanException.class).hasMessageContaining("not_ours");
    assertThat(((PartmanException) dry).code()).isEqualTo(((PartmanException) real).code());
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  private static Partman partman(TestDatabase db, String schema) {
    return Partman.configure().dataSource(db.dataSource()).schema(schema).load();
  }

  /** Waits until {@code n} sessions wait for an advisory lock in this database. */
  static void waitForWaiters(TestDatabase db, int n) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try (Connection c = db.adminDataSource().getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
                      + " WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = ?")) {
        ps.setString(1, db.name());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getInt(1) >= n) {
            return;
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError(n + " installers never waited for the lock");
  }
}
