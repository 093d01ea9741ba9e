package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.partman4j.command.Retention;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.CountingDataSource;

/**
 * What one more child costs maintenance in SQL round trips, creating and dropping, in sets with a
 * default partition (the B2 and B3 benchmarks' case): measured as the difference between two runs
 * that differ only in the number of children, so the per-run and per-set reads cancel out.
 */
@PostgresTest
class RoundTripsPerChildIT {

  private static final int SETS = 3;

  private record Counted(MaintenanceResult result, int trips) {}

  /**
   * Makes {@link #SETS} sets in a new schema, each registered by {@code register}, sets {@code
   * assignments} in their part_config rows, and runs maintenance on a DataSource that counts.
   */
  private static Counted maintain(
      TestDatabase db, String schema, Consumer<String> register, String assignments) {
    db.execute("CREATE SCHEMA " + schema);
    for (int i = 0; i < SETS; i++) {
      String t = schema + ".t" + i;
      db.execute(
          "CREATE TABLE "
              + t
              + " (id bigint NOT NULL, ts timestamptz NOT NULL, PRIMARY KEY (id, ts))"
              + " PARTITION BY RANGE (ts)");
      register.accept(t);
    }
    db.execute(
        "UPDATE partman.part_config SET "
            + assignments
            + " WHERE parent_table LIKE '"
            + schema
            + ".%'");
    CountingDataSource counting = new CountingDataSource(db.dataSource());
    Partman partman =
        Partman.configure()
            .dataSource(counting)
            .timeZone(ZoneId.of("UTC"))
            .clock(MaintenanceIT.NOW)
            .load();
    MaintenanceResult r = partman.runMaintenance();
    assertThat(r.failures()).isEmpty();
    return new Counted(r, counting.roundTrips());
  }

  /** Round trips of a maintenance run that makes {@code perSet} children in each of the sets. */
  private static int creationTrips(TestDatabase db, String schema, int perSet) {
    Partman plain = MaintenanceIT.at(db, MaintenanceIT.NOW);
    Counted run =
        maintain(
            db,
            schema,
            t -> plain.createParent(PartitionSetDefinition.of(t, "ts", "1 day").premake(1)),
            "infinite_time_partitions = true, premake = " + (1 + perSet));
    assertThat(run.result().childrenCreated()).isEqualTo(SETS * perSet);
    for (int i = 0; i < SETS; i++) {
      assertThat(MaintenanceIT.children(db, schema + ".t" + i)).hasSize(3 + perSet);
    }
    return run.trips();
  }

  /** The round trips of {@code run} for 12 children per set less those for 2, per child. */
  private static double perChild(String what, Trips run) {
    int few;
    int many;
    try (TestDatabase db = TestDatabase.create("trips")) {
      few = run.count(db, "few", 2);
    }
    try (TestDatabase db = TestDatabase.create("trips")) {
      many = run.count(db, "many", 12);
    }
    double perChild = (many - few) / (double) (SETS * 10);
    System.out.printf(
        "%s: %d round trips for %d children, %d for %d: %.2f per child%n",
        what, few, SETS * 2, many, SETS * 12, perChild);
    return perChild;
  }

  @FunctionalInterface
  private interface Trips {
    int count(TestDatabase db, String schema, int perSet);
  }

  @Test
  void makingAChildCostsOneRoundTrip() {
    // BEGIN, the parent's lock, CREATE, ATTACH and COMMIT, sent together.
    assertThat(perChild("creation", RoundTripsPerChildIT::creationTrips)).isEqualTo(1.0);
  }

  /** Round trips of a retention pass that drops {@code old} children in each of the sets. */
  private static int retentionTrips(TestDatabase db, String schema, int old) {
    Partman plain = RetentionIT.partman(db);
    // Children from 2026-11-(19 - old) on; a retention of 3 days drops the ones before 11-19.
    Counted run =
        maintain(
            db,
            schema,
            t ->
                plain.createParent(
                    PartitionSetDefinition.of(t, "ts", "1 day")
                        .premake(2)
                        .startPartition(String.format("2026-11-%02d", 19 - old))),
            "retention = '3 days', retention_keep_table = false");
    MaintenanceResult r = run.result();
    for (int i = 0; i < SETS; i++) {
      SetMaintenanceResult set = MaintenanceIT.only(r, schema + ".t" + i);
      assertThat(set.childrenDropped()).hasSize(old);
      assertThat(RetentionIT.children(db, schema + ".t" + i))
          .startsWith("t" + i + "_default", "t" + i + "_p20261119");
    }
    return run.trips();
  }

  @Test
  void droppingUpToAGroupOfChildrenCostsOneRoundTrip() {
    // BEGIN, lock the parent, check the children are still attached, one DROP of them all,
    // COMMIT: sent together for up to Retention.DROP_GROUP children, so 12 cost what 2 cost.
    assertThat(Retention.DROP_GROUP).isGreaterThanOrEqualTo(12);
    assertThat(perChild("retention", RoundTripsPerChildIT::retentionTrips)).isEqualTo(0.0);
  }

  @Test
  void aDropThatFailsInTheBatchIsReportedWithItsStatementAndNothingMoreIsDropped() {
    try (TestDatabase db = TestDatabase.create("trips")) {
      Partman partman = RetentionIT.daily(db, "dw", true);
      db.execute("CREATE VIEW dw.v AS SELECT * FROM dw.t_p20261103");

      assertThatThrownBy(
              () -> partman.dropPartitionTime("dw.t", "17 days", null, false, null, null))
          .isInstanceOfSatisfying(
              PartmanException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_ERROR);
                assertThat(e.getMessage())
                    .contains("Retention of dw.t stopped at dw.t_p20261103")
                    .contains("after retiring t_p20261101, t_p20261102")
                    .contains("dw.v");
                assertThat(e.statement()).isEqualTo("DROP TABLE \"dw\".\"t_p20261103\"");
              });

      assertThat(RetentionIT.children(db, "dw.t"))
          .startsWith("t_default", "t_p20261103", "t_p20261104");
      db.execute("DROP VIEW dw.v");
      assertThat(partman.dropPartitionTime("dw.t", "17 days", null, false, null, null).dropped())
          .containsExactly("t_p20261103", "t_p20261104");
    }
  }

  @Test
  void aChildMadeMeanwhileUnderAPlannedNameIsReportedAsACollisionAndNothingIsMade() {
    try (TestDatabase db = TestDatabase.create("trips")) {
      db.execute(
          "CREATE SCHEMA nc",
          "CREATE TABLE nc.t (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
      Partman partman = MaintenanceIT.at(db, MaintenanceIT.NOW);
      partman.createParent(PartitionSetDefinition.of("nc.t", "ts", "1 day").premake(1));
      db.execute(
          "UPDATE partman.part_config SET infinite_time_partitions = true, premake = 4",
          // holds the name of the second new child: the one before it is made, then it stops
          "CREATE TABLE nc.t_p20261125 (x int)");

      MaintenanceResult r = partman.runMaintenance();

      SetMaintenanceResult set = MaintenanceIT.only(r, "nc.t");
      assertThat(set.childrenCreated()).containsExactly("t_p20261124");
      assertThat(set.error()).contains("nc.t_p20261125");
      assertThat(MaintenanceIT.children(db, "nc.t"))
          .containsExactly("t_p20261121", "t_p20261122", "t_p20261123", "t_p20261124");
      assertThat(db.queryColumn("SELECT x FROM nc.t_p20261125")).isEmpty();
    }
  }

  @Test
  void rowsInTheDefaultAreStillMovedWhenTheBatchMeetsThem() {
    try (TestDatabase db = TestDatabase.create("trips")) {
      db.execute(
          "CREATE SCHEMA mv",
          "CREATE TABLE mv.t (id int NOT NULL, ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
      Partman partman = MaintenanceIT.at(db, MaintenanceIT.NOW);
      partman.createParent(PartitionSetDefinition.of("mv.t", "ts", "1 day").premake(1));
      db.execute(
          "INSERT INTO mv.t SELECT g, '2026-11-24 00:00+00'::timestamptz + g * interval '1 s'"
              + " FROM generate_series(1, 70) g",
          "UPDATE partman.part_config SET infinite_time_partitions = true, premake = 3");

      MaintenanceResult r = partman.runMaintenance();

      SetMaintenanceResult set = MaintenanceIT.only(r, "mv.t");
      assertThat(set.error()).isNull();
      assertThat(set.childrenCreated()).containsExactly("t_p20261124", "t_p20261125");
      assertThat(set.rowsMovedFromDefault()).isEqualTo(70);
      assertThat(db.queryString("SELECT count(*) FROM mv.t_p20261124")).isEqualTo("70");
      assertThat(db.queryString("SELECT count(*) FROM mv.t_default")).isEqualTo("0");
    }
  }
}
