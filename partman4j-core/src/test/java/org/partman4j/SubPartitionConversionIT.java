package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/**
 * Children holding rows become sub-partitioned without losing a row, also when the work is
 * interrupted and run again; undo bottom-up; retention of whole sub-trees.
 */
@PostgresTest
class SubPartitionConversionIT {

  static Partman partman(TestDatabase db) {
    return SubPartitionIT.partman(db);
  }

  /** An id set (interval 1,000,000) whose child p0 holds {@code rows} rows over ten days. */
  static Partman idSetWithRows(TestDatabase db, String schema, int rows) {
    db.execute(
        "CREATE SCHEMA " + schema,
        "CREATE TABLE "
            + schema
            + ".t (id bigint NOT NULL, ts timestamptz NOT NULL, payload text,"
            + " PRIMARY KEY (id, ts)) PARTITION BY RANGE (id)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of(schema + ".t", "id", "1000000").premake(1));
    db.execute(
        "INSERT INTO "
            + schema
            + ".t SELECT g, timestamptz '2026-11-13 00:00+00' + (g % 10) * interval '1 day'"
            + " + (g % 86400) * interval '1 second', md5(g::text) FROM generate_series(1, "
            + rows
            + ") g");
    return partman;
  }

  @Test
  void aChildOf100000RowsKeepsEveryRow(TestDatabase db) {
    Partman partman = idSetWithRows(db, "cv", 100_000);
    String before = SubPartitionIT.checksum(db, "cv.t");

    long started = System.nanoTime();
    SubParentResult r =
        partman.createSubParent(
            SubPartitionDefinition.of("cv.t", "ts", "1 day").declarativeCheck("yes"));
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("SUBPART-COST converting a child of 100000 rows took " + millis + " ms");

    assertThat(r.converted()).containsExactly("cv.t_p0", "cv.t_p1000000");
    assertThat(r.rowsMoved()).isEqualTo(100_000);
    assertThat(SubPartitionIT.checksum(db, "cv.t")).isEqualTo(before);
    assertThat(db.queryString("SELECT count(*) FROM ONLY cv.t_p0_default")).isEqualTo("0");
    // the rows are in daily children 11-13 .. 11-22 (some made by the move, on the set's grid)
    assertThat(SubPartitionIT.children(db, "cv.t_p0"))
        .contains("t_p0_p20261113", "t_p0_p20261117", "t_p0_p20261122", "t_p0_p20261126");
    assertThat(db.queryString("SELECT count(*) FROM cv.t_p0_p20261113")).isEqualTo("10000");
    assertThat(db.queryColumn("SELECT tablename FROM pg_tables WHERE schemaname = 'cv'"))
        .noneMatch(t -> t.contains("hold"));
  }

  @Test
  void anInterruptedConversionFinishesWhenRunAgain(TestDatabase db) {
    Partman partman = idSetWithRows(db, "cr", 5_000);
    String before = SubPartitionIT.checksum(db, "cr.t");
    // A row trigger (cloned to every partition) that fails the batch holding row 4242 while the
    // switch is on: the conversion stops after some batches, as after a crash.
    db.execute(
        "CREATE TABLE cr.switch (fail boolean NOT NULL)",
        "INSERT INTO cr.switch VALUES (true)",
        "CREATE FUNCTION cr.stop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " IF NEW.id = 4242 AND (SELECT fail FROM cr.switch) THEN"
            + " RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$",
        "CREATE TRIGGER stop BEFORE INSERT ON cr.t FOR EACH ROW EXECUTE FUNCTION cr.stop()");
    SubPartitionDefinition def =
        SubPartitionDefinition.of("cr.t", "ts", "1 day").declarativeCheck("yes");

    assertThatThrownBy(() -> partman.createSubParent(def)).hasMessageContaining("simulated crash");
    // nothing lost: every row is in the set or in the hold table
    long inSet = Long.parseLong(db.queryString("SELECT count(*) FROM cr.t"));
    long held = Long.parseLong(db.queryString("SELECT count(*) FROM cr.t_p0_p4j_hold"));
    assertThat(inSet + held).isEqualTo(5_000);
    assertThat(held).isPositive();
    assertThat(db.queryString("SELECT obj_description('cr.t_p0_p4j_hold'::regclass, 'pg_class')"))
        .startsWith("partman4j: rows of cr.t_p0");

    db.execute("UPDATE cr.switch SET fail = false");
    SubParentResult again = partman.createSubParent(def);

    assertThat(again.existingConfig()).isTrue();
    assertThat(again.converted()).containsExactly("cr.t_p1000000"); // p0 was rebuilt before
    assertThat(again.rowsMoved()).isEqualTo(held);
    assertThat(SubPartitionIT.checksum(db, "cr.t")).isEqualTo(before);
    assertThat(db.queryColumn("SELECT tablename FROM pg_tables WHERE schemaname = 'cr'"))
        .noneMatch(t -> t.contains("hold"));
  }

  @Test
  void undoIsBottomUp(TestDatabase db) {
    Partman partman = idSetWithRows(db, "ud", 2_000);
    String before = SubPartitionIT.checksum(db, "ud.t");
    partman.createSubParent(
        SubPartitionDefinition.of("ud.t", "ts", "1 day").declarativeCheck("yes"));
    db.execute("CREATE TABLE ud.flat (LIKE ud.t)", "CREATE TABLE ud.mid (LIKE ud.t)");

    assertThatThrownBy(() -> partman.undoPartition("ud.t", UndoOptions.into("ud.flat")))
        .isInstanceOf(PartmanException.class)
        .hasMessageContaining("undo bottom-up")
        .hasMessageContaining("ud.t_p0");
    assertThat(db.queryString("SELECT count(*) FROM ud.flat")).isEqualTo("0");

    // bottom-up: each sub-set into a table, then the top
    for (String sub : List.of("ud.t_p0", "ud.t_p1000000")) {
      UndoResult u = partman.undoPartition(sub, UndoOptions.into("ud.mid").keepTable(false));
      assertThat(u.complete()).isTrue();
    }
    assertThat(db.queryString("SELECT count(*) FROM ud.mid")).isEqualTo("2000");
    UndoResult top = partman.undoPartition("ud.t", UndoOptions.into("ud.flat").keepTable(false));
    assertThat(top.complete()).isTrue();
    assertThat(
            db.queryString(
                "SELECT count(*) FROM partman.part_config WHERE parent_table LIKE 'ud.%'"))
        .isEqualTo("0");
    assertThat(
            db.queryString(
                "SELECT count(*) FROM partman.part_config_sub WHERE sub_parent LIKE 'ud.%'"))
        .isEqualTo("0");
    db.execute("INSERT INTO ud.flat SELECT * FROM ud.mid");
    assertThat(SubPartitionIT.checksum(db, "ud.flat")).isEqualTo(before);
  }

  @Test
  void retentionDropsWholeSubTreesAtTheTopAndPerSubSetBelow(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA rt",
        "CREATE TABLE rt.t (id bigint NOT NULL, ts timestamptz NOT NULL)"
            + " PARTITION BY RANGE (ts)");
    Partman partman = partman(db);
    partman.createParent(
        PartitionSetDefinition.of("rt.t", "ts", "1 month").startPartition("2026-08-01").premake(1));
    partman.createSubParent(
        SubPartitionDefinition.of("rt.t", "id", "100")
            .subRetention("200")
            .subRetentionKeepTable(false)
            .declarativeCheck("yes"));
    assertThat(SubPartitionIT.subConfig(db, "rt.t_p20260801")).isEqualTo("id 100 range 4 200 t f");

    // per sub-set: ids up to 450 in November; retention 200 drops p0 and p100 there only
    db.execute("INSERT INTO rt.t SELECT g, '2026-11-10+00' FROM generate_series(1, 450) g");
    // (maintenance applies each sub-set's own retention after premaking)
    MaintenanceResult mm = partman.runMaintenance("rt.t_p20261101");
    assertThat(mm.failures()).isEmpty();
    assertThat(SubPartitionIT.children(db, "rt.t_p20261101"))
        .doesNotContain("t_p20261101_p0", "t_p20261101_p100")
        .contains("t_p20261101_p200", "t_p20261101_p800");
    RetentionOutcome sub = partman.dropPartitionId("rt.t_p20261101", null, null, null, null);
    assertThat(sub.dropped()).isEmpty();
    assertThat(SubPartitionIT.children(db, "rt.t_p20260801")).contains("t_p20260801_p0");

    // top: August and September go with their children and their configs
    RetentionOutcome top = partman.dropPartitionTime("rt.t", "1 month", null, false, null, null);
    assertThat(top.dropped()).containsExactly("t_p20260801", "t_p20260901");
    assertThat(db.queryColumn("SELECT parent_table FROM partman.part_config ORDER BY 1"))
        .containsExactly("rt.t", "rt.t_p20261001", "rt.t_p20261101", "rt.t_p20261201");
    assertThat(
            db.queryString(
                "SELECT count(*) FROM partman.part_config_sub WHERE sub_parent LIKE 'rt.%'"))
        .isEqualTo("1");
    assertThat(db.queryColumn("SELECT relname FROM pg_class WHERE relname LIKE 't_p202608%'"))
        .isEmpty();
  }

  /** A writer keeps inserting into the range of the child being converted: no error, no loss. */
  @Test
  void aWriterDuringTheConversionNeverFails(TestDatabase db) throws Exception {
    Partman partman = idSetWithRows(db, "cw", 20_000);
    java.util.concurrent.atomic.AtomicBoolean stop =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
    java.util.List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread writer =
        new Thread(
            () -> {
              try (java.sql.Connection c = db.dataSource().getConnection();
                  java.sql.PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT INTO cw.t VALUES (?, timestamptz '2026-11-20 12:00+00', 'w')")) {
                long id = 500_000;
                while (!stop.get()) {
                  ps.setLong(1, id++);
                  ps.executeUpdate();
                  written.incrementAndGet();
                }
              } catch (Throwable e) {
                errors.add(e);
              }
            });
    writer.start();
    try {
      Thread.sleep(100);
      partman.createSubParent(
          SubPartitionDefinition.of("cw.t", "ts", "1 day").declarativeCheck("yes"));
      Thread.sleep(100);
    } finally {
      stop.set(true);
      writer.join();
    }
    assertThat(errors).isEmpty();
    assertThat(written.get()).isPositive();
    assertThat(db.queryString("SELECT count(*) FROM cw.t"))
        .isEqualTo(String.valueOf(20_000 + written.get()));
    assertThat(db.queryString("SELECT count(*) FROM ONLY cw.t_p0_default")).isEqualTo("0");
    assertThat(db.queryString("SELECT count(*) FROM cw.t_p0_p20261120"))
        .isEqualTo(String.valueOf(2_000 + written.get()));
  }

  /** Retention through runMaintenance: the top set's old children go with their whole sub-sets. */
  @Test
  void maintenanceRetiresWholeSubTrees(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA rm",
        "CREATE TABLE rm.t (id bigint NOT NULL, ts timestamptz NOT NULL)"
            + " PARTITION BY RANGE (ts)");
    Partman partman = partman(db);
    partman.createParent(
        PartitionSetDefinition.of("rm.t", "ts", "1 month").startPartition("2026-06-01").premake(1));
    partman.createSubParent(
        SubPartitionDefinition.of("rm.t", "ts", "1 day").declarativeCheck("yes"));
    db.execute(
        "UPDATE partman.part_config SET retention = '2 months', retention_keep_table = false"
            + " WHERE parent_table = 'rm.t'");

    MaintenanceResult m = partman.runMaintenance();

    assertThat(m.failures()).isEmpty();
    // cutoff 2026-09-22: June, July and August end before it
    assertThat(SubPartitionIT.children(db, "rm.t"))
        .containsExactly("t_default", "t_p20260901", "t_p20261001", "t_p20261101", "t_p20261201");
    assertThat(
            db.queryColumn(
                "SELECT parent_table FROM partman.part_config WHERE parent_table LIKE 'rm.%'"
                    + " ORDER BY 1"))
        .containsExactly(
            "rm.t", "rm.t_p20260901", "rm.t_p20261001", "rm.t_p20261101", "rm.t_p20261201");
    assertThat(
            db.queryColumn(
                "SELECT relname FROM pg_class WHERE relname LIKE 't_p20260%_p%'"
                    + " AND relnamespace = 'rm'::regnamespace AND relname < 't_p20260901'"))
        .isEmpty();
  }
}
