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
}
