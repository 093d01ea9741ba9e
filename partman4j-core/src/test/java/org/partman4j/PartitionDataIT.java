package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/** partitionData and checkDefault against PostgreSQL. */
@PostgresTest
class PartitionDataIT {

  private static Partman partman(TestDatabase db) {
    return DataMoves.partman(db);
  }

  @Test
  void rowsLeaveTheDefaultIntoChildrenMadeOnTheGrid(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA d",
        "CREATE TABLE d.t (ts timestamptz NOT NULL, v text) PARTITION BY RANGE (ts)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("d.t", "ts", "1 day"));
    // Days before the set's children, a gap-free stretch, and one row far in the future.
    db.execute(
        "INSERT INTO d.t SELECT '2026-11-10 00:00+00'::timestamptz + i * interval '7 minutes',"
            + " 'r' || i FROM generate_series(0, 999) i",
        "INSERT INTO d.t VALUES ('2031-05-05 12:00+00', 'future')");
    String before = DataMoves.checksum(db, "d.t");
    assertThat(partman.checkDefault(true)).contains(new DefaultRows("d.t", "d.t_default", 1001));
    assertThat(partman.checkDefault(false)).contains(new DefaultRows("d.t", "d.t_default", 1));
    List<DataProgress> events = new CopyOnWriteArrayList<>();

    PartitionDataResult r =
        partman.partitionData("d.t", PartitionDataOptions.defaults().listener(events::add));

    assertThat(r.rowsMoved()).isEqualTo(1001);
    assertThat(r.complete()).isTrue();
    assertThat(r.sourceTable()).isEqualTo("d.t_default");
    assertThat(r.childrenCreated())
        .containsExactly(
            "t_p20261110",
            "t_p20261111",
            "t_p20261112",
            "t_p20261113",
            "t_p20261114",
            "t_p20310505");
    assertThat(DataMoves.count(db, "SELECT count(*) FROM ONLY d.t_default")).isZero();
    assertThat(DataMoves.checksum(db, "d.t")).isEqualTo(before);
    PartitionInfo future = partman.showPartitionInfo("d.t_p20310505");
    assertThat(future.childStartTime()).isEqualTo(java.time.Instant.parse("2031-05-05T00:00:00Z"));
    assertThat(future.childEndTime()).isEqualTo(java.time.Instant.parse("2031-05-06T00:00:00Z"));
    assertThat(DataMoves.count(db, "SELECT count(*) FROM d.t_p20310505")).isEqualTo(1);
    assertThat(events).hasSize((int) r.batches());
    DataProgress last = events.get(events.size() - 1);
    assertThat(last.rowsMoved()).isEqualTo(1001);
    assertThat(last.childrenCreated()).isEqualTo(6);
    assertThat(last.rowsPerSecond()).isPositive();
    assertThat(last.estimatedRemaining()).isEqualTo(Duration.ZERO);
    assertThat(partman.checkDefault(true)).noneMatch(d -> d.parentTable().equals("d.t"));

    PartitionDataResult again = partman.partitionData("d.t", PartitionDataOptions.defaults());
    assertThat(again.rowsMoved()).isZero();
    assertThat(again.complete()).isTrue();
  }

  @Test
  void aSourceInAnotherSchemaMovesDescendingInSmallBatchesAcrossAGap(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA s",
        "CREATE SCHEMA legacy",
        "CREATE TABLE s.ids (id bigint NOT NULL, v text) PARTITION BY RANGE (id)",
        "CREATE TABLE legacy.ids (id bigint NOT NULL, v text)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("s.ids", "id", "100").premake(2));
    // Children p0..p200 exist; drop p100 to leave a gap the rows span.
    db.execute(
        "DROP TABLE s.ids_p100",
        "INSERT INTO legacy.ids SELECT i, 'v' || i FROM generate_series(1, 640) i",
        "INSERT INTO legacy.ids VALUES (-15, 'negative')");
    String before = DataMoves.checksum(db, "s.ids", "legacy.ids");
    List<String> order = new ArrayList<>();

    PartitionDataResult r =
        partman.partitionData(
            "s.ids",
            PartitionDataOptions.defaults()
                .sourceTable("legacy.ids")
                .descending(true)
                .batchInterval("30")
                .listener(p -> order.add(Long.toString(p.rowsMoved()))));

    assertThat(r.rowsMoved()).isEqualTo(641);
    assertThat(r.complete()).isTrue();
    assertThat(r.childrenCreated())
        .containsExactly("ids_p600", "ids_p500", "ids_p400", "ids_p300", "ids_p100", "ids_p-100");
    assertThat(r.batches()).isGreaterThan(20);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM legacy.ids")).isZero();
    assertThat(DataMoves.checksum(db, "s.ids", "legacy.ids")).isEqualTo(before);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM s.ids_p600")).isEqualTo(41);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM \"s\".\"ids_p-100\"")).isEqualTo(1);
    assertThat(
            db.queryString(
                "SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'ids_p-100'"))
        .isEqualTo("FOR VALUES FROM ('-100') TO ('0')");
  }

  @Test
  void generatedColumnsMustBeIgnoredAndIdentityValuesAreKept(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA g",
        "CREATE TABLE g.t (id bigint GENERATED ALWAYS AS IDENTITY, ts timestamptz NOT NULL,"
            + " x int, twice int GENERATED ALWAYS AS (x * 2) STORED) PARTITION BY RANGE (ts)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("g.t", "ts", "1 day"));
    db.execute(
        "INSERT INTO g.t (ts, x) SELECT '2026-10-01 00:00+00'::timestamptz + i * interval '1"
            + " hour', i FROM generate_series(1, 50) i");
    String before = DataMoves.checksum(db, "g.t");
    String catalog = Catalog.snapshot(db.adminDataSource());

    assertThatThrownBy(() -> partman.partitionData("g.t", PartitionDataOptions.defaults()))
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("[twice]")
        .hasMessageContaining("GENERATED ALWAYS")
        .hasMessageContaining("ignoredColumns(twice)");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(catalog);

    PartitionDataResult r =
        partman.partitionData(
            "g.t", PartitionDataOptions.defaults().ignoredColumns(List.of("twice")));

    assertThat(r.rowsMoved()).isEqualTo(50);
    assertThat(DataMoves.checksum(db, "g.t")).isEqualTo(before);
    assertThat(
            db.queryString("SELECT string_agg(id::text, ',' ORDER BY id) FROM g.t WHERE id <= 3"))
        .isEqualTo("1,2,3");
    assertThat(DataMoves.count(db, "SELECT count(*) FROM g.t WHERE twice <> x * 2")).isZero();
  }

  @Test
  void badInputIsRefusedAndNothingMoves(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA b",
        "CREATE TABLE b.t (ts timestamptz NOT NULL, v text) PARTITION BY RANGE (ts)",
        "CREATE TABLE b.other (ts timestamptz NOT NULL, v text, extra int)",
        "CREATE TABLE b.same (ts timestamptz NOT NULL, v text)",
        "CREATE TABLE b.plain (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("b.t", "ts", "1 day"));
    db.execute(
        "INSERT INTO b.t VALUES ('2026-10-01 01:00+00', 'in the default')",
        "INSERT INTO b.other VALUES ('2026-10-02 01:00+00', 'x', 1)");
    String catalog = Catalog.snapshot(db.adminDataSource());
    String rows = DataMoves.checksum(db, "b.t") + DataMoves.checksum(db, "b.other");

    assertRefused(
        () -> partman.partitionData("b.t", PartitionDataOptions.defaults().sourceTable("b.nope")),
        ErrorCode.OBJECT_NOT_FOUND,
        "b.nope does not exist");
    assertRefused(
        () -> partman.partitionData("b.t", PartitionDataOptions.defaults().sourceTable("b.other")),
        ErrorCode.INVALID_ARGUMENT,
        "[extra] of b.other do not exist in b.t");
    assertRefused(
        () -> partman.partitionData("b.plain", PartitionDataOptions.defaults()),
        ErrorCode.SET_NOT_FOUND,
        "b.plain is not managed");
    assertRefused(
        () -> partman.partitionData("b.t", PartitionDataOptions.defaults().batchInterval("soon")),
        ErrorCode.INVALID_ARGUMENT,
        "'soon' is not an interval");
    assertRefused(
        () -> partman.partitionData("b.t", PartitionDataOptions.defaults().batchInterval("1 hour")),
        ErrorCode.INVALID_ARGUMENT,
        "smaller than the partition interval 1 day");
    assertRefused(
        () ->
            partman.partitionData(
                "b.t",
                PartitionDataOptions.defaults().sourceTable("b.same").batchInterval("-1 hour")),
        ErrorCode.INVALID_ARGUMENT,
        "is not positive");
    assertRefused(
        () ->
            partman.partitionData(
                "b.t", PartitionDataOptions.defaults().sourceTable("b.t_p20261122")),
        ErrorCode.INVALID_ARGUMENT,
        "a child of b.t");
    assertRefused(
        () ->
            partman.partitionData(
                "b.t", PartitionDataOptions.defaults().ignoredColumns(List.of("nope"))),
        ErrorCode.INVALID_ARGUMENT,
        "[nope] are not columns of b.t_default");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(catalog);
    assertThat(DataMoves.checksum(db, "b.t") + DataMoves.checksum(db, "b.other")).isEqualTo(rows);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM b.t_default")).isEqualTo(1);
  }

  @Test
  void lockedRowsMakeTheBatchRetryThenGiveUpWithNothingMoved(TestDatabase db) throws Exception {
    db.execute(
        "CREATE SCHEMA lk",
        "CREATE TABLE lk.t (id int NOT NULL, v text) PARTITION BY RANGE (id)",
        "CREATE TABLE lk.src (id int NOT NULL, v text)",
        // With an index on the control column batches are child ranges (PartitionDataByPagesIT
        // covers a source without one).
        "CREATE INDEX ON lk.src (id)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("lk.t", "id", "10").premake(1));
    db.execute("INSERT INTO lk.src SELECT i, 'v' FROM generate_series(1, 25) i");
    try (Connection holder = db.dataSource().getConnection();
        Statement st = holder.createStatement()) {
      holder.setAutoCommit(false);
      st.executeQuery("SELECT * FROM lk.src WHERE id = 12 FOR UPDATE").close();
      long started = System.nanoTime();

      assertRefused(
          () ->
              partman.partitionData(
                  "lk.t",
                  PartitionDataOptions.defaults()
                      .sourceTable("lk.src")
                      .lockWait(Duration.ofMillis(100), 3)),
          ErrorCode.LOCK_TIMEOUT,
          "through 3 tries of 100 ms each; nothing of this step was done");

      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThan(Duration.ofMillis(300));
      // The batch [1, 10) went through; [10, 20) did not, not even its unlocked rows.
      assertThat(DataMoves.count(db, "SELECT count(*) FROM lk.t_p0")).isEqualTo(9);
      assertThat(DataMoves.count(db, "SELECT count(*) FROM lk.src WHERE id BETWEEN 10 AND 19"))
          .isEqualTo(10);
      holder.rollback();
    }
    PartitionDataResult r =
        partman.partitionData("lk.t", PartitionDataOptions.defaults().sourceTable("lk.src"));
    assertThat(r.rowsMoved()).isEqualTo(16);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM lk.t")).isEqualTo(25);
  }

  @Test
  void parallelWorkersMoveDisjointRangesAndBatchCountStopsEarly(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA w",
        "CREATE TABLE w.t (ts timestamp NOT NULL, n int) PARTITION BY RANGE (ts)",
        "CREATE TABLE w.src (ts timestamp NOT NULL, n int)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("w.t", "ts", "1 day"));
    db.execute(
        "INSERT INTO w.src SELECT timestamp '2026-09-01' + i * interval '5 minutes', i"
            + " FROM generate_series(0, 20000) i");
    String before = DataMoves.checksum(db, "w.t", "w.src");

    PartitionDataResult partial =
        partman.partitionData(
            "w.t",
            PartitionDataOptions.defaults()
                .sourceTable("w.src")
                .batchInterval("6 hours")
                .batchCount(5));
    assertThat(partial.batches()).isEqualTo(5);
    assertThat(partial.complete()).isFalse();
    assertThat(partial.rowsMoved()).isEqualTo(5 * 72);

    PartitionDataResult r =
        partman.partitionData(
            "w.t",
            PartitionDataOptions.defaults()
                .sourceTable("w.src")
                .batchInterval("6 hours")
                .workers(3)
                .analyze(true));

    assertThat(r.complete()).isTrue();
    assertThat(partial.rowsMoved() + r.rowsMoved()).isEqualTo(20001);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM w.src")).isZero();
    assertThat(DataMoves.checksum(db, "w.t", "w.src")).isEqualTo(before);
    assertThat(partial.childrenCreated().size() + r.childrenCreated().size()).isEqualTo(70);
  }

  @Test
  void epochSetsMoveOutOfTheDefaultByTheirTime(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA e", "CREATE TABLE e.t (at bigint NOT NULL, v text) PARTITION BY RANGE (at)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("e.t", "at", "1 day").epoch("seconds"));
    db.execute(
        "INSERT INTO e.t SELECT extract(epoch FROM timestamptz '2026-11-01 00:00+00')::bigint"
            + " + i * 3600, 'h' || i FROM generate_series(0, 71) i");
    String before = DataMoves.checksum(db, "e.t");

    PartitionDataResult r = partman.partitionData("e.t", PartitionDataOptions.defaults());

    assertThat(r.rowsMoved()).isEqualTo(72);
    assertThat(r.childrenCreated()).containsExactly("t_p20261101", "t_p20261102", "t_p20261103");
    assertThat(DataMoves.checksum(db, "e.t")).isEqualTo(before);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM e.t_p20261102")).isEqualTo(24);
    // The epoch CHECK that pg_partman puts beside the integer bound is there.
    assertThat(
            DataMoves.count(
                db,
                "SELECT count(*) FROM pg_constraint WHERE conrelid = 'e.t_p20261102'::regclass"
                    + " AND contype = 'c'"))
        .isEqualTo(1);
  }

  @Test
  void twoCallsAtOnceOnOneSetTakeTurnsAndMoveEveryRowOnce(TestDatabase db) throws Exception {
    db.execute(
        "CREATE SCHEMA cc",
        "CREATE TABLE cc.t (id int NOT NULL, v text) PARTITION BY RANGE (id)",
        "CREATE TABLE cc.src (id int NOT NULL, v text)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("cc.t", "id", "50").premake(1));
    db.execute("INSERT INTO cc.src SELECT i, 'v' FROM generate_series(1, 3000) i");
    String before = DataMoves.checksum(db, "cc.t", "cc.src");
    PartitionDataOptions o =
        PartitionDataOptions.defaults().sourceTable("cc.src").batchInterval("10");

    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> partman.partitionData("cc.t", o));
      var b = pool.submit(() -> partman.partitionData("cc.t", o));
      assertThat(a.get().rowsMoved() + b.get().rowsMoved()).isEqualTo(3000);
      assertThat(a.get().complete() && b.get().complete()).isTrue();
    } finally {
      pool.shutdownNow();
    }
    assertThat(DataMoves.checksum(db, "cc.t", "cc.src")).isEqualTo(before);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM cc.src")).isZero();
  }

  private static void assertRefused(Runnable call, ErrorCode code, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(PartmanException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageContaining(message);
  }
}
