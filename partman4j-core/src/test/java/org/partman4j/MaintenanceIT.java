package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/**
 * runMaintenance against PostgreSQL: pg_partman's premake scenarios (reference §17), each with a
 * fixed clock, and the order, selection and stamping of sets.
 */
@PostgresTest
class MaintenanceIT {

  static final Instant NOW = CreateParentGoldenIT.NOW; // 2026-11-22 03:22:39 UTC, a Sunday

  static Partman at(TestDatabase db, Instant clock) {
    return CreateParentGoldenIT.partman(db, "UTC", clock);
  }

  /** The set's children but the default, by name. */
  static List<String> children(TestDatabase db, String parent) {
    return CreateParentGoldenIT.query(
        db,
        "UTC",
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
            + " WHERE i.inhparent = '"
            + parent
            + "'::regclass AND pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'"
            + " ORDER BY c.relname COLLATE \"C\"");
  }

  static SetMaintenanceResult only(MaintenanceResult r, String parent) {
    return r.sets().stream().filter(s -> s.parentTable().equals(parent)).findFirst().orElseThrow();
  }

  @Test
  void timeDailyPremakesFromTheNewestDataAndCatchesUpAfterDroppedChildren() {
    try (TestDatabase db = TestDatabase.create("maint")) {
      db.execute(
          "CREATE SCHEMA g",
          "CREATE TABLE g.daily (id int, ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
      at(db, NOW).createParent(PartitionSetDefinition.of("g.daily", "ts", "1 day"));
      db.execute(
          "UPDATE partman.part_config SET premake = 5",
          "INSERT INTO g.daily VALUES (1, '2026-11-18 10:00+00'), (2, '2026-11-19 10:00+00'),"
              + " (3, '2026-11-22 10:00+00')");
      Partman partman = at(db, NOW);

      MaintenanceResult first = partman.runMaintenance();

      assertThat(first.status()).isEqualTo(MaintenanceResult.Status.COMPLETED);
      assertThat(only(first, "g.daily").childrenCreated()).containsExactly("daily_p20261127");
      assertThat(only(first, "g.daily").error()).isNull();
      assertThat(db.queryString("SELECT maintenance_last_run IS NOT NULL FROM partman.part_config"))
          .isEqualTo("t");

      db.execute("INSERT INTO g.daily VALUES (4, '2026-11-27 10:00+00')");
      MaintenanceResult second = partman.runMaintenance();
      assertThat(only(second, "g.daily").childrenCreated())
          .containsExactly(
              "daily_p20261128",
              "daily_p20261129",
              "daily_p20261130",
              "daily_p20261201",
              "daily_p20261202");

      // Catch-up: everything from D-2 on is dropped; data is left only in D-3 and D-4.
      for (String day : List.of("20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30")) {
        db.execute("DROP TABLE g.daily_p202611" + day);
      }
      db.execute(
          "DROP TABLE g.daily_p20261201",
          "DROP TABLE g.daily_p20261202",
          "UPDATE partman.part_config SET premake = 6");
      MaintenanceResult catchUp = partman.runMaintenance();
      assertThat(only(catchUp, "g.daily").childrenCreated())
          .containsExactly(
              "daily_p20261120",
              "daily_p20261121",
              "daily_p20261122",
              "daily_p20261123",
              "daily_p20261124",
              "daily_p20261125");

      // Rows far ahead land in the default and, with ignore_default_data, drive nothing.
      db.execute("INSERT INTO g.daily VALUES (5, '2026-12-12 10:00+00')");
      MaintenanceResult steady = partman.runMaintenance();
      assertThat(only(steady, "g.daily").childrenCreated()).isEmpty();
      assertThat(db.queryString("SELECT count(*) FROM g.daily_default")).isEqualTo("1");
      assertThat(children(db, "g.daily")).doesNotContain("daily_p20261126");
    }
  }

  @Test
  void idTenGrowsWithItsDataAndIgnoresTheDefault() {
    try (TestDatabase db = TestDatabase.create("maint")) {
      db.execute(
          "CREATE SCHEMA pt",
          "CREATE TABLE pt.id_t (col1 bigint NOT NULL, col2 text) PARTITION BY RANGE (col1)");
      Partman partman = at(db, NOW);
      partman.createParent(
          PartitionSetDefinition.of("pt.id_t", "col1", "10").startPartition("3000000000"));
      db.execute(
          "INSERT INTO pt.id_t SELECT g, 'x' FROM generate_series(3000000001, 3000000009) g");
      assertThat(only(partman.runMaintenance(), "pt.id_t").childrenCreated()).isEmpty();

      db.execute(
          "INSERT INTO pt.id_t SELECT g, 'x' FROM generate_series(3000000010, 3000000025) g");
      assertThat(only(partman.runMaintenance(), "pt.id_t").childrenCreated())
          .containsExactly("id_t_p3000000050", "id_t_p3000000060");

      db.execute(
          "INSERT INTO pt.id_t SELECT g, 'x' FROM generate_series(3000000026, 3000000038) g");
      assertThat(only(partman.runMaintenance(), "pt.id_t").childrenCreated())
          .containsExactly("id_t_p3000000070");

      db.execute(
          "INSERT INTO pt.id_t SELECT g, 'x' FROM generate_series(3000000200, 3000000210) g");
      assertThat(only(partman.runMaintenance(), "pt.id_t").childrenCreated()).isEmpty();
      assertThat(db.queryString("SELECT count(*) FROM pt.id_t_default")).isEqualTo("11");
      assertThat(children(db, "pt.id_t")).hasSize(8).doesNotContain("id_t_p3000000080");
    }
  }

  @Test
  void withoutDataNothingIsMadeUnlessInfiniteTimePartitions() {
    try (TestDatabase db = TestDatabase.create("maint")) {
      db.execute(
          "CREATE SCHEMA inf",
          "CREATE TABLE inf.t (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
      at(db, NOW).createParent(PartitionSetDefinition.of("inf.t", "ts", "1 day"));
      Instant threeDaysLater = NOW.plusSeconds(3 * 86_400);
      Partman later = at(db, threeDaysLater);

      assertThat(only(later.runMaintenance(), "inf.t").childrenCreated()).isEmpty();

      db.execute("UPDATE partman.part_config SET infinite_time_partitions = true");
      // now = 11-25 03:22, last = 11-26: premade round(20h38m / 1 day) = 1, so three more.
      assertThat(only(later.runMaintenance(), "inf.t").childrenCreated())
          .containsExactly("t_p20261127", "t_p20261128", "t_p20261129");
      assertThat(only(later.runMaintenance(), "inf.t").childrenCreated()).isEmpty();
    }
  }

  @Test
  void setsRunInMaintenanceOrderThenNameAndAutomaticOffIsDoneOnlyWhenNamed() {
    try (TestDatabase db = TestDatabase.create("maint")) {
      db.execute("CREATE SCHEMA mo");
      Partman partman = at(db, NOW);
      for (String t : List.of("a", "b", "c", "d", "off")) {
        db.execute("CREATE TABLE mo." + t + " (id int NOT NULL) PARTITION BY RANGE (id)");
        partman.createParent(
            PartitionSetDefinition.of("mo." + t, "id", "10").premake(1).startPartition("30"));
        db.execute("INSERT INTO mo." + t + " VALUES (35)");
      }
      db.execute(
          "UPDATE partman.part_config SET maintenance_order = 2 WHERE parent_table = 'mo.a'",
          "UPDATE partman.part_config SET maintenance_order = 1 WHERE parent_table = 'mo.c'",
          "UPDATE partman.part_config SET premake = 2",
          "UPDATE partman.part_config SET automatic_maintenance = 'off'"
              + " WHERE parent_table = 'mo.off'");

      MaintenanceResult all = partman.runMaintenance();

      assertThat(all.sets())
          .extracting(SetMaintenanceResult::parentTable)
          .containsExactly("mo.c", "mo.a", "mo.b", "mo.d");
      assertThat(all.sets())
          .allSatisfy(
              s ->
                  assertThat(s.childrenCreated())
                      .containsExactly(s.parentTable().substring(3) + "_p50"));
      assertThat(children(db, "mo.off")).doesNotContain("off_p50");
      assertThat(
              db.queryString(
                  "SELECT maintenance_last_run IS NULL FROM partman.part_config"
                      + " WHERE parent_table = 'mo.off'"))
          .isEqualTo("t");

      MaintenanceResult named = partman.runMaintenance("mo.off");
      assertThat(named.sets())
          .singleElement()
          .satisfies(s -> assertThat(s.childrenCreated()).containsExactly("off_p50"));
    }
  }

  @Test
  void undoInProgressIsSkippedEvenWhenNamed() {
    try (TestDatabase db = TestDatabase.create("maint")) {
      db.execute("CREATE SCHEMA un", "CREATE TABLE un.t (id int NOT NULL) PARTITION BY RANGE (id)");
      Partman partman = at(db, NOW);
      partman.createParent(PartitionSetDefinition.of("un.t", "id", "10").premake(1));
      db.execute("INSERT INTO un.t VALUES (15)");
      db.execute("UPDATE partman.part_config SET undo_in_progress = true, premake = 3");
      List<String> before = children(db, "un.t");

      assertThat(partman.runMaintenance().sets()).isEmpty();
      MaintenanceResult named = partman.runMaintenance("un.t");

      assertThat(named.status()).isEqualTo(MaintenanceResult.Status.COMPLETED);
      assertThat(named.sets()).isEmpty();
      assertThat(children(db, "un.t")).isEqualTo(before);
    }
  }

  @Test
  void thirtySecondsHundredYearsAndEpochWeekly() {
    try (TestDatabase db = TestDatabase.create("maint")) {
      db.execute(
          "CREATE SCHEMA s",
          "CREATE TABLE s.sec (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)",
          "CREATE TABLE s.cent (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)",
          "CREATE TABLE s.ep (col1 int, col3 int NOT NULL) PARTITION BY RANGE (col3)");
      Partman partman = at(db, NOW);
      partman.createParent(PartitionSetDefinition.of("s.sec", "ts", "30 seconds"));
      partman.createParent(PartitionSetDefinition.of("s.cent", "ts", "100 years").premake(2));
      partman.createParent(
          PartitionSetDefinition.of("s.ep", "col3", "1 week")
              .epoch("seconds")
              .premake(2)
              .startPartition("2026-09-21 00:00:00"));
      db.execute(
          "INSERT INTO s.sec VALUES ('2026-11-22 03:22:40+00'), ('2026-11-22 03:24:35+00')",
          "INSERT INTO s.cent VALUES ('2150-06-01 00:00+00')",
          "INSERT INTO s.ep SELECT 1, extract(epoch FROM d)::int FROM generate_series("
              + "'2026-09-21 12:00+00'::timestamptz, '2026-11-30 12:00+00', '1 week') d"
              + " WHERE d::date <> '2026-11-16'",
          "UPDATE partman.part_config SET premake = 3 WHERE parent_table = 's.ep'");

      MaintenanceResult r = at(db, NOW.plusSeconds(120)).runMaintenance();

      assertThat(only(r, "s.sec").childrenCreated())
          .containsExactly(
              "sec_p20261122_032500",
              "sec_p20261122_032530",
              "sec_p20261122_032600",
              "sec_p20261122_032630");
      assertThat(only(r, "s.cent").childrenCreated()).containsExactly("cent_p23010101");
      assertThat(only(r, "s.ep").childrenCreated())
          .containsExactly("ep_p20261207", "ep_p20261214", "ep_p20261221");
      assertThat(
              CreateParentGoldenIT.partitions(db, "s.ep", "UTC").stream()
                  .filter(p -> p.startsWith("ep_p20261207")))
          .containsExactly("ep_p20261207 FOR VALUES FROM (1796601600) TO (1797206400)");
      assertThat(
              db.queryString(
                  "SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                      + " WHERE conname = 'ep_p20261207_partition_check'"))
          .contains("to_timestamp");
    }
  }

  @Test
  void mixedCaseNamesAndReplicaIdentityAreKept() {
    try (TestDatabase db = TestDatabase.create("maint")) {
      db.execute(
          "CREATE SCHEMA \"Mixed Case\"",
          "CREATE TABLE \"Mixed Case\".\"Events\" (\"Id\" bigint NOT NULL, \"Created At\""
              + " timestamptz NOT NULL, PRIMARY KEY (\"Id\", \"Created At\"))"
              + " PARTITION BY RANGE (\"Created At\")",
          "ALTER TABLE \"Mixed Case\".\"Events\" REPLICA IDENTITY FULL");
      Partman partman = at(db, NOW);
      partman.createParent(
          PartitionSetDefinition.of("Mixed Case.Events", "Created At", "1 day").premake(1));
      db.execute("INSERT INTO \"Mixed Case\".\"Events\" VALUES (1, '2026-11-23 01:00+00')");

      MaintenanceResult r = partman.runMaintenance("Mixed Case.Events");

      assertThat(only(r, "Mixed Case.Events").childrenCreated())
          .containsExactly("Events_p20261124");
      assertThat(
              db.queryString(
                  "SELECT relreplident FROM pg_class WHERE oid ="
                      + " '\"Mixed Case\".\"Events_p20261124\"'::regclass"))
          .isEqualTo("f");
    }
  }

  @Test
  void badNamesAreRefusedAndChangeNothing() {
    try (TestDatabase db = TestDatabase.create("maint")) {
      db.execute("CREATE SCHEMA bad", "CREATE TABLE bad.plain (id int)");
      Partman partman = at(db, NOW);
      partman.install();
      String before = Catalog.snapshot(db.adminDataSource());

      assertThatThrownBy(() -> partman.runMaintenance("bad.plain"))
          .isInstanceOfSatisfying(
              PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SET_NOT_FOUND))
          .hasMessageContaining("bad.plain");
      assertThatThrownBy(() -> partman.runMaintenance("nodot"))
          .isInstanceOfSatisfying(
              PartmanException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
      assertThatThrownBy(() -> partman.runMaintenance(null))
          .isInstanceOfSatisfying(
              PartmanException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
      assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
      // The lock was released after the refusal: the next run works.
      assertThat(partman.runMaintenance().status()).isEqualTo(MaintenanceResult.Status.COMPLETED);
      assertThat(db.queryString("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
          .isEqualTo("f");
    }
  }

  @Test
  void encodedSetsGrowFromTheirDecodedData() {
    try (TestDatabase db = TestDatabase.create("maint")) {
      db.execute(
          "CREATE SCHEMA enc",
          "CREATE TABLE enc.u (id uuid NOT NULL) PARTITION BY RANGE (id)",
          "CREATE TABLE enc.x (k text NOT NULL) PARTITION BY RANGE (k)",
          "CREATE FUNCTION enc.uuid_at(ts timestamptz) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$"
              + " SELECT (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7000-8000-000000000001')"
              + "::uuid FROM (SELECT lpad(to_hex((extract(epoch FROM ts) * 1000)::bigint), 12,"
              + " '0') AS h) x $$",
          "CREATE FUNCTION enc.to_key(ts timestamptz) RETURNS text LANGUAGE sql IMMUTABLE STRICT"
              + " AS $$ SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISS') $$",
          "CREATE FUNCTION enc.from_key(k text) RETURNS timestamptz LANGUAGE sql IMMUTABLE STRICT"
              + " AS $$ SELECT to_timestamp(left(k, 14), 'YYYYMMDDHH24MISS') AT TIME ZONE 'UTC'"
              + " AT TIME ZONE 'UTC' $$");
      Partman partman = at(db, NOW);
      partman.createParent(PartitionSetDefinition.of("enc.u", "id", "1 day").premake(1));
      partman.createParent(
          PartitionSetDefinition.of("enc.x", "k", "1 day")
              .premake(1)
              .timeEncoding("enc.to_key", "enc.from_key"));
      db.execute(
          "INSERT INTO enc.u VALUES (enc.uuid_at('2026-11-23 05:00+00'))",
          "INSERT INTO enc.x VALUES ('20261123050000-abc')");

      MaintenanceResult r = partman.runMaintenance();

      assertThat(r.failures()).isEmpty();
      assertThat(only(r, "enc.u").childrenCreated()).containsExactly("u_p20261124");
      assertThat(only(r, "enc.x").childrenCreated()).containsExactly("x_p20261124");
      assertThat(
              CreateParentGoldenIT.partitions(db, "enc.x", "UTC").stream()
                  .filter(p -> p.startsWith("x_p20261124")))
          .containsExactly("x_p20261124 FOR VALUES FROM ('20261124000000') TO ('20261125000000')");
    }
  }

  @Test
  void aSubSetGrowsOnlyWithinItsUpperChildAndIsThenMarkedFull() {
    try (TestDatabase db = TestDatabase.create("maint")) {
      db.execute(
          "CREATE SCHEMA sp",
          "CREATE TABLE sp.top (id int NOT NULL) PARTITION BY RANGE (id)",
          "CREATE TABLE sp.top_p0 PARTITION OF sp.top FOR VALUES FROM (0) TO (100)"
              + " PARTITION BY RANGE (id)");
      Partman partman = at(db, NOW);
      partman.createParent(
          PartitionSetDefinition.of("sp.top", "id", "100").startPartition("0").premake(1));
      partman.createParent(
          PartitionSetDefinition.of("sp.top_p0", "id", "10").startPartition("0").premake(2));
      db.execute(
          "INSERT INTO sp.top VALUES (15)",
          "UPDATE partman.part_config SET premake = 20 WHERE parent_table = 'sp.top_p0'");

      MaintenanceResult r = partman.runMaintenance();

      assertThat(r.failures()).isEmpty();
      assertThat(only(r, "sp.top_p0").childrenCreated())
          .containsExactly(
              "top_p0_p30",
              "top_p0_p40",
              "top_p0_p50",
              "top_p0_p60",
              "top_p0_p70",
              "top_p0_p80",
              "top_p0_p90");
      assertThat(only(r, "sp.top").childrenCreated()).isEmpty();
      String full =
          "SELECT sub_partition_set_full FROM partman.part_config"
              + " WHERE parent_table = 'sp.top_p0'";
      assertThat(db.queryString(full)).isEqualTo("f");

      MaintenanceResult again = partman.runMaintenance();

      assertThat(only(again, "sp.top_p0").childrenCreated()).isEmpty();
      assertThat(db.queryString(full)).isEqualTo("t");
      assertThat(children(db, "sp.top_p0")).hasSize(10);
    }
  }
}
