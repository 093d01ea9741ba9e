package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/** Sub-partitioning (reference §14, §17 scenarios) against PostgreSQL, with a fixed clock. */
@PostgresTest
class SubPartitionIT {

  static final Instant NOW = CreateParentGoldenIT.NOW; // 2026-11-22 03:22:39 UTC

  static Partman partman(TestDatabase db) {
    return CreateParentGoldenIT.partman(db, "UTC", NOW);
  }

  static List<String> children(TestDatabase db, String parent) {
    return RetentionIT.children(db, parent);
  }

  static String subConfig(TestDatabase db, String set) {
    return db.queryString(
        "SELECT concat_ws(' ', control, partition_interval, partition_type, premake,"
            + " coalesce(retention, '-'), retention_keep_index, retention_keep_table)"
            + " FROM partman.part_config WHERE parent_table = '"
            + set
            + "'");
  }

  static String checksum(TestDatabase db, String table) {
    return db.queryString(
        "SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))"
            + " FROM "
            + table
            + " t");
  }

  /** pg_partman's test-id-time-subpart-custom-start: id 10 parent, daily sub-sets from now-6d. */
  @Test
  void idThenTimeWithCustomStart(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA it",
        "CREATE TABLE it.t (col1 bigint NOT NULL, col2 text, col3 timestamptz NOT NULL)"
            + " PARTITION BY RANGE (col1)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("it.t", "col1", "10"));
    db.execute(
        "INSERT INTO it.t SELECT g, 'row' || g, timestamptz '2026-11-22 01:00+00' FROM"
            + " generate_series(1, 9) g");
    assertThat(children(db, "it.t"))
        .containsExactly("t_default", "t_p0", "t_p10", "t_p20", "t_p30", "t_p40");
    String before = checksum(db, "it.t");

    SubParentResult r =
        partman.createSubParent(
            SubPartitionDefinition.of("it.t", "col3", "1 day")
                .startPartition("2026-11-16")
                .constraintCols(List.of("col2"))
                .subRetention("2 days")
                .subRetentionKeepIndex(false)
                .declarativeCheck("yes"));

    assertThat(r.subSets())
        .containsExactly("it.t_p0", "it.t_p10", "it.t_p20", "it.t_p30", "it.t_p40");
    assertThat(r.converted()).hasSize(5);
    assertThat(r.rowsMoved()).isEqualTo(9);
    assertThat(checksum(db, "it.t")).isEqualTo(before);
    // daily from the custom start to now + premake, in every sub-set (no limits: id over time)
    List<String> sub = children(db, "it.t_p10");
    assertThat(sub).hasSize(12).contains("t_p10_default", "t_p10_p20261116", "t_p10_p20261126");
    assertThat(db.queryString("SELECT count(*) FROM it.t_p0_p20261122")).isEqualTo("9");
    assertThat(db.queryString("SELECT relkind FROM pg_class WHERE oid = 'it.t_p0'::regclass"))
        .isEqualTo("p");
    // sub_retention and sub_retention_keep_index reach the sub-sets (pg_partman forgets them)
    assertThat(subConfig(db, "it.t_p0")).isEqualTo("col3 1 day range 4 2 days f t");
    assertThat(
            db.queryString(
                "SELECT sub_control || ' ' || sub_partition_interval FROM partman.part_config_sub"
                    + " WHERE sub_parent = 'it.t'"))
        .isEqualTo("col3 1 day");
    assertThat(db.queryColumn("SELECT tablename FROM pg_tables WHERE tablename LIKE '%hold%'"))
        .isEmpty();

    // a new top child made later is sub-partitioned too (maintenance, data at 45)
    db.execute("INSERT INTO it.t VALUES (45, 'x', timestamptz '2026-11-22 02:00+00')");
    MaintenanceResult m = partman.runMaintenance("it.t");
    assertThat(m.sets().get(0).childrenCreated()).contains("t_p50", "t_p80");
    assertThat(db.queryString("SELECT relkind FROM pg_class WHERE oid = 'it.t_p80'::regclass"))
        .isEqualTo("p");
    assertThat(subConfig(db, "it.t_p80")).isEqualTo("col3 1 day range 4 2 days f t");
    // without a custom start the new sub-set has the premake window: 4 back, now, 4 ahead
    assertThat(children(db, "it.t_p80")).hasSize(10).contains("t_p80_p20261118");

    // showPartitions at each level
    assertThat(partman.showPartitions("it.t")).extracting(PartitionEntry::table).contains("t_p0");
    assertThat(partman.showPartitions("it.t_p0"))
        .extracting(PartitionEntry::table)
        .startsWith("t_p0_p20261116");
  }

  /** pg_partman's test-time-epoch-id-subpart-native: daily epoch-seconds parent, id 20 sub-sets. */
  @Test
  void epochTimeThenId(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA ei",
        "CREATE TABLE ei.t (col1 int NOT NULL, col2 text, col3 bigint NOT NULL)"
            + " PARTITION BY RANGE (col3)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("ei.t", "col3", "1 day").epoch("seconds"));
    List<String> top = children(db, "ei.t");
    assertThat(top).hasSize(10).contains("t_p20261118", "t_p20261126", "t_default");

    partman.createSubParent(
        SubPartitionDefinition.of("ei.t", "col1", "20").declarativeCheck("YES"));

    assertThat(children(db, "ei.t_p20261122"))
        .containsExactly(
            "t_p20261122_default",
            "t_p20261122_p0",
            "t_p20261122_p20",
            "t_p20261122_p40",
            "t_p20261122_p60",
            "t_p20261122_p80");
    assertThat(
            db.queryString(
                "SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE oid = 'ei.t_p20261122'::regclass"))
        .isEqualTo("FOR VALUES FROM ('1795305600') TO ('1795392000')");
    // the rebuilt child keeps the epoch set's timestamp CHECK
    assertThat(
            db.queryString(
                "SELECT count(*) FROM pg_constraint WHERE conrelid = 'ei.t_p20261122'::regclass"
                    + " AND conname = 't_p20261122_partition_check'"))
        .isEqualTo("1");
    // rows of today (epoch 2026-11-22 01:00 UTC) up to id 100; maintenance grows today's id set
    db.execute("INSERT INTO ei.t SELECT g, 'r', 1795309200 FROM generate_series(1, 99) g");
    MaintenanceResult m = partman.runMaintenance();
    SetMaintenanceResult today =
        m.sets().stream().filter(s -> s.parentTable().equals("ei.t_p20261122")).findFirst().get();
    assertThat(today.childrenCreated())
        .containsExactly(
            "t_p20261122_p100", "t_p20261122_p120", "t_p20261122_p140", "t_p20261122_p160");
    assertThat(m.failures()).isEmpty();
  }

  /** Monthly over daily: sub-sets stay inside their month, outside the window only one child. */
  @Test
  void timeThenTimeStaysInsideTheParentRange(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA tt",
        "CREATE TABLE tt.t (id bigint NOT NULL, ts timestamptz NOT NULL)"
            + " PARTITION BY RANGE (ts)");
    Partman partman = partman(db);
    partman.createParent(
        PartitionSetDefinition.of("tt.t", "ts", "1 month").startPartition("2026-09-01").premake(1));
    assertThat(children(db, "tt.t"))
        .containsExactly("t_default", "t_p20260901", "t_p20261001", "t_p20261101", "t_p20261201");

    partman.createSubParent(
        SubPartitionDefinition.of("tt.t", "ts", "1 day").declarativeCheck("yes"));

    // November: the premake window (11-18 .. 11-26); other months: their first day only
    assertThat(children(db, "tt.t_p20261101"))
        .hasSize(10)
        .contains("t_p20261101_p20261118", "t_p20261101_p20261126", "t_p20261101_default");
    assertThat(children(db, "tt.t_p20260901"))
        .containsExactly("t_p20260901_default", "t_p20260901_p20260901");
    assertThat(children(db, "tt.t_p20261201"))
        .containsExactly("t_p20261201_default", "t_p20261201_p20261201");

    // data on the 26th: November's sub-set grows to its last day and stops at December
    db.execute("INSERT INTO tt.t VALUES (1, '2026-11-26 12:00+00')");
    MaintenanceResult m = partman.runMaintenance("tt.t_p20261101");
    assertThat(m.sets().get(0).childrenCreated())
        .containsExactly(
            "t_p20261101_p20261127",
            "t_p20261101_p20261128",
            "t_p20261101_p20261129",
            "t_p20261101_p20261130");
    partman.runMaintenance("tt.t_p20261101");
    assertThat(children(db, "tt.t_p20261101")).doesNotContain("t_p20261101_p20261201");
    // sub_partition_set_full works for time sub-sets (pg_partman never sets it for them)
    assertThat(
            db.queryString(
                "SELECT sub_partition_set_full FROM partman.part_config WHERE parent_table ="
                    + " 'tt.t_p20261101'"))
        .isEqualTo("t");
  }

  /** §18.9: a LIST sub-level under a time parent gets PARTITION BY LIST and works. */
  @Test
  void listUnderTime(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA lt",
        "CREATE TABLE lt.t (region int NOT NULL, ts timestamptz NOT NULL)"
            + " PARTITION BY RANGE (ts)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("lt.t", "ts", "1 day").premake(1));
    partman.createSubParent(
        SubPartitionDefinition.of("lt.t", "region", "1")
            .type("list")
            .premake(2)
            .declarativeCheck("yes"));
    assertThat(db.queryString("SELECT pg_get_partkeydef('lt.t_p20261122'::regclass)"))
        .isEqualTo("LIST (region)");
    assertThat(children(db, "lt.t_p20261122"))
        .containsExactly(
            "t_p20261122_default", "t_p20261122_p0", "t_p20261122_p1", "t_p20261122_p2");
    db.execute("INSERT INTO lt.t VALUES (1, '2026-11-22 10:00+00')");
    assertThat(db.queryString("SELECT count(*) FROM lt.t_p20261122_p1")).isEqualTo("1");
  }

  /** Names cut to 63 bytes keep the lowest level's suffix. */
  @Test
  void longNamesKeepTheLowestSuffix(TestDatabase db) {
    String name = "a_very_long_parent_table_name_for_sub_partitions_x"; // 50 bytes
    db.execute(
        "CREATE SCHEMA ln",
        "CREATE TABLE ln."
            + name
            + " (id bigint NOT NULL, ts timestamptz NOT NULL)"
            + " PARTITION BY RANGE (id)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("ln." + name, "id", "1000").premake(1));
    partman.createSubParent(
        SubPartitionDefinition.of("ln." + name, "ts", "1 day").premake(1).declarativeCheck("yes"));
    List<String> sub =
        db.queryColumn(
            "SELECT relname FROM pg_class WHERE relnamespace = 'ln'::regnamespace"
                + " AND relname LIKE '%p20261122' ORDER BY 1");
    // t_p1000 + _p20261122 is 66 bytes: the top suffix is cut, the day suffix kept
    assertThat(sub).containsExactly(name + "_p0_p20261122", name + "_p1_p20261122");
  }
}
