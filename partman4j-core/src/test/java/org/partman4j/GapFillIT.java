package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/** partitionGapFill against PostgreSQL. */
@PostgresTest
class GapFillIT {

  private static Partman partman(TestDatabase db) {
    return CreateParentGoldenIT.partman(db, "UTC", CreateParentGoldenIT.NOW);
  }

  private static List<String> partitions(TestDatabase db, String parent) {
    return CreateParentGoldenIT.partitions(db, parent, "UTC");
  }

  @Test
  void timeGapsAreFilledBetweenTheOldestAndNewestChild(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA gt", "CREATE TABLE gt.t (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("gt.t", "ts", "1 day"));
    List<String> whole = partitions(db, "gt.t");
    db.execute(
        "DROP TABLE gt.t_p20261120",
        "DROP TABLE gt.t_p20261121",
        "DROP TABLE gt.t_p20261124",
        "DROP TABLE gt.t_p20261118", // the oldest and the newest are not gaps
        "DROP TABLE gt.t_p20261126");

    GapFillResult r = partman.partitionGapFill("gt.t");

    assertThat(r.count()).isEqualTo(3);
    assertThat(r.created()).containsExactly("t_p20261120", "t_p20261121", "t_p20261124");
    assertThat(partitions(db, "gt.t"))
        .hasSize(whole.size() - 2)
        .contains(
            "t_p20261120 FOR VALUES FROM ('2026-11-20 00:00:00+00') TO ('2026-11-21 00:00:00+00')");
    assertThat(partman.partitionGapFill("gt.t").count()).isZero();
  }

  @Test
  void idGapsAreFilledAsPgPartmanFillsThem(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA gi", "CREATE TABLE gi.t (id bigint NOT NULL) PARTITION BY RANGE (id)");
    Partman partman = partman(db);
    partman.createParent(
        PartitionSetDefinition.of("gi.t", "id", "10").startPartition("10").defaultTable(false));
    partman.createPartition("gi.t", List.of("60", "100", "110"));
    assertThat(partitions(db, "gi.t")).hasSize(8); // p10..p60, p100, p110

    GapFillResult r = partman.partitionGapFill("gi.t");

    assertThat(r.created()).containsExactly("t_p70", "t_p80", "t_p90");
    assertThat(partitions(db, "gi.t"))
        .contains("t_p80 FOR VALUES FROM ('80') TO ('90')")
        .hasSize(11);
  }

  @Test
  void epochGapsGetTheirTimeCheckToo(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA ge", "CREATE TABLE ge.t (col3 int NOT NULL) PARTITION BY RANGE (col3)");
    Partman partman = partman(db);
    partman.createParent(
        PartitionSetDefinition.of("ge.t", "col3", "1 week")
            .epoch("seconds")
            .premake(2)
            .startPartition("2026-09-21 00:00:00"));
    db.execute("DROP TABLE ge.t_p20261012");

    GapFillResult r = partman.partitionGapFill("ge.t");

    assertThat(r.created()).containsExactly("t_p20261012");
    assertThat(partitions(db, "ge.t"))
        .contains("t_p20261012 FOR VALUES FROM (1791763200) TO (1792368000)");
    assertThat(
            CreateParentGoldenIT.query(
                db,
                "UTC",
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE conname = 't_p20261012_partition_check'"))
        .singleElement()
        .asString()
        .contains("'2026-10-12 00:00:00+00'", "'2026-10-19 00:00:00+00'");
  }

  @Test
  void badInputIsRefusedAndChangesNothing(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA gb",
        "CREATE TABLE gb.plain (id int)",
        "CREATE TABLE gb.t (id bigint NOT NULL) PARTITION BY RANGE (id)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("gb.t", "id", "10"));
    db.execute("DROP TABLE gb.t_p20", "INSERT INTO gb.t VALUES (25)"); // into the default
    String before = Catalog.snapshot(db.adminDataSource());

    assertThatThrownBy(() -> partman.partitionGapFill("gb.nope"))
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OBJECT_NOT_FOUND))
        .hasMessageContaining("gb.nope");
    assertThatThrownBy(() -> partman.partitionGapFill("gb.plain"))
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SET_NOT_FOUND));
    // the default holds a row of the missing child: refused, as ATTACH would be
    assertThatThrownBy(() -> partman.partitionGapFill("gb.t"))
        .isInstanceOfSatisfying(
            PartmanException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PARTITION_CONFLICT));
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void aWriterSeesNoFailedInsertWhileDozensOfGapsAreFilled(TestDatabase db) throws Exception {
    db.execute(
        "CREATE SCHEMA gw", "CREATE TABLE gw.t (id bigint NOT NULL) PARTITION BY RANGE (id)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("gw.t", "id", "10").startPartition("0"));
    partman.createPartition("gw.t", List.of("1000"));
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger inserted = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Thread writer =
        new Thread(
            () -> {
              try (Connection c = db.dataSource().getConnection();
                  PreparedStatement ps = c.prepareStatement("INSERT INTO gw.t VALUES (?)")) {
                long id = 0;
                while (!stop.get()) {
                  try {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                    inserted.incrementAndGet();
                  } catch (Exception e) {
                    failed.incrementAndGet();
                  }
                  id = (id + 1) % 40; // p0 .. p30, which exist throughout
                }
              } catch (Exception e) {
                failed.incrementAndGet();
              }
            });
    writer.start();
    GapFillResult r;
    try {
      r = partman.partitionGapFill("gw.t");
    } finally {
      stop.set(true);
      writer.join(30_000);
    }
    assertThat(r.count()).isEqualTo(95); // p50 .. p990
    assertThat(failed.get()).isZero();
    assertThat(inserted.get()).isPositive();
    assertThat(partitions(db, "gw.t")).hasSize(102); // p0 .. p1000 and the default
  }
}
