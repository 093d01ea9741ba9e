package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.RowWriter;

/**
 * Retention beside other sessions: writers, a second caller, lock holders, interrupted detaches.
 */
@PostgresTest
class RetentionConcurrencyIT {

  private static List<String> children(TestDatabase db, String parent) {
    return RetentionIT.children(db, parent);
  }

  /** Leaves {@code child} pending detach: a concurrent detach cancelled while it waits. */
  private static void interruptDetach(TestDatabase db, String parent, String child)
      throws SQLException {
    try (Connection blocker = db.dataSource().getConnection();
        Connection detacher = db.dataSource().getConnection();
        Statement b = blocker.createStatement();
        Statement d = detacher.createStatement()) {
      blocker.setAutoCommit(false);
      b.execute("SELECT count(*) FROM " + parent); // an older transaction using the parent
      d.execute("SET statement_timeout = '300ms'");
      assertThatThrownBy(
              () ->
                  d.execute(
                      "ALTER TABLE " + parent + " DETACH PARTITION " + child + " CONCURRENTLY"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("statement timeout");
      blocker.rollback();
    }
    assertThat(
            db.queryString(
                "SELECT inhdetachpending FROM pg_inherits WHERE inhrelid = '"
                    + child
                    + "'::regclass"))
        .isEqualTo("t");
  }

  @Test
  void anInterruptedConcurrentDetachIsFinalized(TestDatabase db) throws Exception {
    Partman partman = RetentionIT.daily(db, "fa", false);
    interruptDetach(db, "fa.t", "fa.t_p20261101");
    // a pending detach of a child retention does not want still blocks every other concurrent
    // detach of the set until it is finalized
    db.execute("CREATE TABLE fa.u (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
    Partman other = RetentionIT.partman(db);
    other.createParent(
        PartitionSetDefinition.of("fa.u", "ts", "1 day")
            .startPartition("2026-11-01")
            .defaultTable(false));
    interruptDetach(db, "fa.u", "fa.u_p20261120");

    RetentionOutcome wanted = partman.dropPartitionTime("fa.t", "19 days", null, false, null, null);
    RetentionOutcome unwanted = other.dropPartitionTime("fa.u", "19 days", null, false, null, null);

    assertThat(wanted.finalized()).containsExactly("t_p20261101");
    assertThat(wanted.dropped()).containsExactly("t_p20261101", "t_p20261102");
    assertThat(unwanted.finalized()).containsExactly("u_p20261120");
    assertThat(unwanted.dropped()).containsExactly("u_p20261101", "u_p20261102");
    assertThat(children(db, "fa.u")).doesNotContain("u_p20261120");
    assertThat(RetentionIT.tables(db, "fa")).contains("u_p20261120");
    assertThat(db.queryString("SELECT count(*) FROM pg_inherits WHERE inhdetachpending"))
        .isEqualTo("0");
  }

  @Test
  void aWriterSeesNoFailedInsertWhileChildrenAreDroppedConcurrently(TestDatabase db)
      throws Exception {
    writerBeside(db, "wc", false);
  }

  @Test
  void aWriterSeesNoFailedInsertWhileChildrenAreDroppedBesideADefault(TestDatabase db)
      throws Exception {
    writerBeside(db, "wd", true);
  }

  private static void writerBeside(TestDatabase db, String schema, boolean withDefault)
      throws Exception {
    db.execute(
        "CREATE SCHEMA " + schema,
        "CREATE TABLE "
            + schema
            + ".t (id bigint GENERATED ALWAYS AS IDENTITY, ts timestamptz NOT NULL)"
            + " PARTITION BY RANGE (ts)");
    Partman partman = RetentionIT.partman(db);
    partman.createParent(
        PartitionSetDefinition.of(schema + ".t", "ts", "1 day")
            .startPartition("2026-08-01")
            .defaultTable(withDefault));
    db.execute(
        "INSERT INTO "
            + schema
            + ".t (ts) SELECT g FROM generate_series('2026-08-01 00:00:00+00'::timestamptz,"
            + " '2026-11-26 00:00:00+00', '1 hour') g");
    RowWriter writer =
        RowWriter.start(
            db.dataSource(),
            "INSERT INTO " + schema + ".t (ts) VALUES ('2026-11-25 12:00:00+00'::timestamptz)");
    long t0 = System.nanoTime();
    RetentionOutcome r;
    try {
      Thread.sleep(100);
      r = partman.dropPartitionTime(schema + ".t", "3 days", null, false, null, null);
    } finally {
      writer.close();
    }
    long totalMs = (System.nanoTime() - t0) / 1_000_000;

    assertThat(r.dropped()).hasSize(110); // 2026-08-01 .. 2026-11-18
    assertThat(r.concurrent()).isEqualTo(!withDefault);
    assertThat(writer.failed()).isZero();
    assertThat(writer.inserted()).isPositive();
    assertThat(children(db, schema + ".t")).hasSize(withDefault ? 9 : 8);
    System.out.printf(
        "retention of 110 children (%s) beside a writer: %d ms, %d inserts, 0 failed,"
            + " worst stall %d ms%n",
        withDefault ? "plain detach, default present" : "DETACH CONCURRENTLY",
        totalMs,
        writer.inserted(),
        writer.worstStallMillis());
  }

  @Test
  void twoCallersAtOnceRetireEachChildOnce(TestDatabase db) throws Exception {
    RetentionIT.daily(db, "tc", false);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<RetentionOutcome>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Partman p = RetentionIT.partman(db);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return p.dropPartitionTime("tc.t", "3 days", null, false, null, null);
                }));
      }
      start.countDown();
      List<String> all = new ArrayList<>();
      for (Future<RetentionOutcome> f : results) {
        all.addAll(f.get().dropped());
      }
      Set<String> unique = new HashSet<>(all);
      assertThat(all).hasSize(18);
      assertThat(unique).hasSize(18);
    } finally {
      pool.shutdownNow();
    }
    assertThat(children(db, "tc.t")).hasSize(8).first().isEqualTo("t_p20261119");
  }

  @Test
  void aLockNotGrantedStopsWithAClearErrorAndARerunCompletes(TestDatabase db) throws Exception {
    RetentionIT.daily(db, "lt", true);
    RetentionIT.daily(db, "lc", false);
    Partman impatient =
        Partman.configure()
            .dataSource(db.dataSource())
            .timeZone(ZoneId.of("UTC"))
            .clock(RetentionIT.NOW)
            .lockTimeout(Duration.ofMillis(100))
            .lockAttempts(2)
            .load();
    try (Connection holder = db.dataSource().getConnection();
        Statement st = holder.createStatement()) {
      holder.setAutoCommit(false);
      st.execute("LOCK TABLE lt.t IN ACCESS SHARE MODE"); // a plain drop needs ACCESS EXCLUSIVE
      st.execute("LOCK TABLE lc.t IN SHARE UPDATE EXCLUSIVE MODE"); // so does DETACH CONCURRENTLY
      for (String set : List.of("lt.t", "lc.t")) {
        assertThatThrownBy(
                () -> impatient.dropPartitionTime(set, "3 days", null, false, null, null))
            .isInstanceOfSatisfying(
                PartmanException.class,
                e -> {
                  assertThat(e.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
                  assertThat(e.getMessage())
                      .contains("Retention of " + set + " stopped at")
                      .contains("t_p20261101")
                      .contains("2 attempts");
                })
            .hasMessageContaining("Retry later");
      }
      holder.rollback();
    }
    assertThat(children(db, "lt.t")).hasSize(27);
    assertThat(children(db, "lc.t")).hasSize(26);

    assertThat(impatient.dropPartitionTime("lt.t", "3 days", null, false, null, null).count())
        .isEqualTo(18);
    assertThat(impatient.dropPartitionTime("lc.t", "3 days", null, false, null, null).count())
        .isEqualTo(18);
  }

  @Test
  void theReferenceDefaultsToTheConfiguredClock(TestDatabase db) {
    RetentionIT.daily(db, "ck", false);
    Partman later =
        Partman.configure()
            .dataSource(db.dataSource())
            .timeZone(ZoneId.of("UTC"))
            .clock(Instant.parse("2026-11-25T00:00:00Z"))
            .load();
    assertThat(later.dropPartitionTime("ck.t", "3 days", null, false, null, null).dropped())
        .hasSize(20)
        .last()
        .isEqualTo("t_p20261120");
  }
}
