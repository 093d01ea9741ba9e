package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/** undoPartition against PostgreSQL. */
@PostgresTest
class UndoPartitionIT {

  @Test
  void aTimeSetIsMovedIntoTheTargetAndTakenApart(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA u",
        "CREATE TABLE u.t (ts timestamptz NOT NULL, v text) PARTITION BY RANGE (ts)",
        "CREATE TABLE u.flat (ts timestamptz NOT NULL, v text)");
    Partman partman = DataMoves.partman(db);
    partman.createParent(PartitionSetDefinition.of("u.t", "ts", "1 day"));
    db.execute(
        "INSERT INTO u.t SELECT '2026-11-15 00:00+00'::timestamptz + i * interval '13 minutes',"
            + " 'r' || i FROM generate_series(0, 1200) i");
    String before = DataMoves.checksum(db, "u.t", "u.flat");
    assertThat(DataMoves.count(db, "SELECT count(*) FROM u.t_default")).isPositive();
    List<DataProgress> events = new CopyOnWriteArrayList<>();

    UndoResult r =
        partman.undoPartition(
            "u.t",
            UndoOptions.into("u.flat")
                .keepTable(false)
                .batchInterval("6 hours")
                .listener(events::add));

    assertThat(r.complete()).isTrue();
    assertThat(r.rowsMoved()).isEqualTo(1201);
    assertThat(r.partitionsUndone()).hasSize(10).startsWith("u.t_default", "u.t_p20261118");
    assertThat(r.batches()).isGreaterThan(10);
    assertThat(events).hasSize((int) r.batches());
    assertThat(r.templateDropped()).isEqualTo("partman.template_u_t");
    assertThat(DataMoves.checksum(db, "u.t", "u.flat")).isEqualTo(before);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM u.flat")).isEqualTo(1201);
    assertThat(
            DataMoves.count(
                db, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'u.t'::regclass"))
        .isZero();
    assertThat(DataMoves.count(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'u'"))
        .isEqualTo(2);
    assertThat(
            DataMoves.count(
                db, "SELECT count(*) FROM partman.part_config WHERE parent_table = 'u.t'"))
        .isZero();
    assertThat(
            DataMoves.count(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'template_u_t'"))
        .isZero();
  }

  @Test
  void aLoopCountStopsEarlyWithUndoInProgressAndARerunFinishes(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA k",
        "CREATE TABLE k.ids (id bigint NOT NULL, v text) PARTITION BY RANGE (id)",
        "CREATE TABLE k.flat (id bigint NOT NULL, v text)");
    Partman partman = DataMoves.partman(db);
    partman.createParent(PartitionSetDefinition.of("k.ids", "id", "100").premake(2));
    db.execute("INSERT INTO k.ids SELECT i, 'v' FROM generate_series(1, 250) i");
    String before = DataMoves.checksum(db, "k.ids", "k.flat");

    UndoResult partial = partman.undoPartition("k.ids", UndoOptions.into("k.flat").loopCount(2));

    assertThat(partial.complete()).isFalse();
    assertThat(partial.batches()).isEqualTo(2);
    // The empty default costs no batch; p0 and p100 are emptied and detached.
    assertThat(partial.partitionsUndone())
        .containsExactly("k.ids_default", "k.ids_p0", "k.ids_p100");
    assertThat(partial.rowsMoved()).isEqualTo(199);
    assertThat(
            db.queryString(
                "SELECT undo_in_progress FROM partman.part_config WHERE parent_table = 'k.ids'"))
        .isEqualTo("t");
    assertThatThrownBy(() -> partman.partitionData("k.ids", PartitionDataOptions.defaults()))
        .isInstanceOf(PartmanException.class)
        .hasMessageContaining("is being undone");
    assertThat(DataMoves.checksum(db, "k.ids", "k.flat")).isEqualTo(before);

    UndoResult rest = partman.undoPartition("k.ids", UndoOptions.into("k.flat"));

    assertThat(rest.complete()).isTrue();
    assertThat(rest.rowsMoved()).isEqualTo(51);
    assertThat(DataMoves.checksum(db, "k.ids", "k.flat")).isEqualTo(before);
    // Kept: the emptied children stay as plain tables.
    assertThat(DataMoves.count(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'k'"))
        .isEqualTo(2 + 1 + 3);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM k.ids_p0")).isZero();
  }

  @Test
  void badInputIsRefusedAndNothingChanges(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA x",
        "CREATE TABLE x.t (id int NOT NULL, n int) PARTITION BY RANGE (id)",
        "CREATE TABLE x.gen (id int NOT NULL, n int GENERATED ALWAYS AS (id + 1) STORED)",
        "CREATE TABLE x.plain (id int NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE x.s (id int NOT NULL, n int) PARTITION BY RANGE (id)",
        "CREATE TABLE x.flat (id int NOT NULL, n int)");
    Partman partman = DataMoves.partman(db);
    partman.createParent(PartitionSetDefinition.of("x.t", "id", "10").premake(1));
    partman.createParent(PartitionSetDefinition.of("x.s", "id", "10").premake(1));
    db.execute(
        "INSERT INTO x.t SELECT i, i FROM generate_series(1, 15) i",
        "CREATE TABLE x.s_p100 PARTITION OF x.s FOR VALUES FROM (100) TO (110)"
            + " PARTITION BY RANGE (id)",
        // a sub-partitioned child with partitions of its own (an emptied one would be accepted)
        "CREATE TABLE x.s_p100_p100 PARTITION OF x.s_p100 FOR VALUES FROM (100) TO (105)");
    String catalog = Catalog.snapshot(db.adminDataSource());
    String rows = DataMoves.checksum(db, "x.t");

    assertRefused(
        () -> partman.undoPartition("x.t", UndoOptions.into("x.nope")),
        ErrorCode.OBJECT_NOT_FOUND,
        "x.nope does not exist");
    assertRefused(
        () -> partman.undoPartition("x.t", UndoOptions.into("x.t")),
        ErrorCode.INVALID_ARGUMENT,
        "is the set's parent");
    assertRefused(
        () -> partman.undoPartition("x.t", UndoOptions.into("x.t_p10")),
        ErrorCode.INVALID_ARGUMENT,
        "a child of x.t");
    assertRefused(
        () -> partman.undoPartition("x.plain", UndoOptions.into("x.flat")),
        ErrorCode.SET_NOT_FOUND,
        "not managed");
    assertRefused(
        () -> partman.undoPartition("x.t", UndoOptions.into("x.gen")),
        ErrorCode.INVALID_ARGUMENT,
        "ignoredColumns(n)");
    assertRefused(
        () -> partman.undoPartition("x.t", UndoOptions.into("x.flat").batchInterval("ten")),
        ErrorCode.INVALID_ARGUMENT,
        "'ten' is not a whole number");
    assertRefused(
        () -> partman.undoPartition("x.s", UndoOptions.into("x.flat")),
        ErrorCode.INVALID_ARGUMENT,
        "x.s_p100 of x.s is itself partitioned");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(catalog);
    assertThat(DataMoves.checksum(db, "x.t")).isEqualTo(rows);
    assertThat(db.queryString("SELECT bool_or(undo_in_progress) FROM partman.part_config"))
        .isEqualTo("f");

    UndoResult r =
        partman.undoPartition("x.t", UndoOptions.into("x.gen").ignoredColumns(List.of("n")));
    assertThat(r.rowsMoved()).isEqualTo(15);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM x.gen WHERE n = id + 1")).isEqualTo(15);
  }

  @Test
  void aLockedChildIsRetriedThenReportedAndDropCascadeTakesDependentViews(TestDatabase db)
      throws Exception {
    db.execute(
        "CREATE SCHEMA lw",
        "CREATE TABLE lw.t (id int NOT NULL, v text) PARTITION BY RANGE (id)",
        "CREATE TABLE lw.flat (id int NOT NULL, v text)");
    Partman partman = DataMoves.partman(db);
    partman.createParent(PartitionSetDefinition.of("lw.t", "id", "10").premake(1));
    db.execute(
        "INSERT INTO lw.t SELECT i, 'v' FROM generate_series(0, 19) i",
        "CREATE VIEW lw.first AS SELECT * FROM lw.t_p0");
    String before = DataMoves.checksum(db, "lw.t", "lw.flat");
    UndoOptions dropping =
        UndoOptions.into("lw.flat").keepTable(false).lockWait(java.time.Duration.ofMillis(100), 2);

    try (java.sql.Connection holder = db.dataSource().getConnection();
        java.sql.Statement st = holder.createStatement()) {
      holder.setAutoCommit(false);
      st.execute("LOCK TABLE lw.t_p10 IN ACCESS SHARE MODE");
      assertRefused(
          () -> partman.undoPartition("lw.t", dropping.dropCascade(true)),
          ErrorCode.LOCK_TIMEOUT,
          "Gave up detaching lw.t_p10 from lw.t");
      holder.rollback();
    }
    assertThat(DataMoves.checksum(db, "lw.t", "lw.flat")).isEqualTo(before);
    // The view went with p0 (CASCADE); p10's rows moved (row locks do not conflict with ACCESS
    // SHARE) but it could not be detached, so it is still attached, empty.
    assertThat(DataMoves.count(db, "SELECT count(*) FROM pg_views WHERE schemaname = 'lw'"))
        .isZero();
    assertThat(DataMoves.count(db, "SELECT count(*) FROM lw.t_p10")).isZero();
    assertThat(
            DataMoves.count(
                db, "SELECT count(*) FROM pg_inherits WHERE inhrelid = 'lw.t_p10'::regclass"))
        .isEqualTo(1);

    UndoResult r = partman.undoPartition("lw.t", dropping);
    assertThat(r.complete()).isTrue();
    assertThat(DataMoves.checksum(db, "lw.t", "lw.flat")).isEqualTo(before);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM lw.flat")).isEqualTo(20);
  }

  @Test
  void withoutCascadeADependentViewStopsTheDropAndNothingIsLost(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA nc",
        "CREATE TABLE nc.t (id int NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE nc.flat (id int NOT NULL)");
    Partman partman = DataMoves.partman(db);
    partman.createParent(PartitionSetDefinition.of("nc.t", "id", "10").premake(1));
    db.execute(
        "INSERT INTO nc.t SELECT generate_series(0, 15)",
        "CREATE VIEW nc.v AS SELECT * FROM nc.t_p0");
    String before = DataMoves.checksum(db, "nc.t", "nc.flat");

    assertThatThrownBy(
            () -> partman.undoPartition("nc.t", UndoOptions.into("nc.flat").keepTable(false)))
        .isInstanceOf(PartmanException.class)
        .hasMessageContaining("nc.t_p0");

    assertThat(DataMoves.checksum(db, "nc.t", "nc.flat")).isEqualTo(before);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM pg_views WHERE viewname = 'v'"))
        .isEqualTo(1);
  }

  private static void assertRefused(Runnable call, ErrorCode code, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(PartmanException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageContaining(message);
  }
}
