package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/**
 * pg_partman's golden cases (reference §17.2–§17.7), run at the reference's clock: the children,
 * their names and their bounds as the catalog prints them, and the config row.
 */
@PostgresTest
class CreateParentGoldenIT {

  /** The verified runs' clock, a Sunday. */
  static final Instant NOW = Instant.parse("2026-11-22T03:22:39Z");

  static Partman partman(TestDatabase db, String zone, Instant clock) {
    return Partman.configure()
        .dataSource(db.dataSource())
        .timeZone(ZoneId.of(zone))
        .clock(clock)
        .load();
  }

  /** {@code name bound} of every partition of {@code parent}, by name, bounds printed in zone. */
  static List<String> partitions(TestDatabase db, String parent, String zone) {
    return query(
        db,
        zone,
        "SELECT c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i"
            + " JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '"
            + parent
            + "'::regclass ORDER BY c.relname COLLATE \"C\"");
  }

  static List<String> query(TestDatabase db, String zone, String sql) {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute("SET TimeZone = '" + zone + "'");
      List<String> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void caseA_daily(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA g",
        "CREATE TABLE g.daily (id int, ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");

    CreateParentResult result =
        partman(db, "UTC", NOW).createParent(PartitionSetDefinition.of("g.daily", "ts", "1 day"));

    List<String> expected = new ArrayList<>();
    expected.add("daily_default DEFAULT");
    for (int day = 18; day <= 26; day++) {
      expected.add(
          "daily_p202611"
              + day
              + " FOR VALUES FROM ('2026-11-"
              + day
              + " 00:00:00+00') TO ('2026-11-"
              + (day + 1)
              + " 00:00:00+00')");
    }
    assertThat(partitions(db, "g.daily", "UTC")).containsExactlyElementsOf(expected);
    assertThat(result.created()).hasSize(9);
    assertThat(result.defaultPartition()).isEqualTo("daily_default");
    assertThat(result.templateTable()).isEqualTo("partman.template_g_daily");
    assertThat(
            db.queryString(
                "SELECT concat_ws('|', partition_interval, partition_type, premake, epoch,"
                    + " datetime_string, template_table, inherit_privileges, jobmon,"
                    + " automatic_maintenance, control, maintenance_role, child_table_prefix)"
                    + " FROM partman.part_config WHERE parent_table = 'g.daily'"))
        .isEqualTo(
            "1 day|range|4|none|YYYYMMDD|partman.template_g_daily|f|t|on|ts|partman_owner|_p");
    assertThat(
            db.queryString(
                "SELECT pg_get_userbyid(relowner) FROM pg_class"
                    + " WHERE oid = 'partman.template_g_daily'::regclass"))
        .isEqualTo("partman_owner");
  }

  @Test
  void caseB_idTenWithStartPartition(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA partman_test",
        "CREATE TABLE partman_test.id_taptest_table (col1 bigint NOT NULL, col2 text)"
            + " PARTITION BY RANGE (col1)",
        "CREATE TABLE partman_test.id_template (LIKE partman_test.id_taptest_table)",
        "ALTER TABLE partman_test.id_template ADD PRIMARY KEY (col2)");

    partman(db, "UTC", NOW)
        .createParent(
            PartitionSetDefinition.of("partman_test.id_taptest_table", "col1", "10")
                .jobmon(false)
                .startPartition("3000000000")
                .templateTable("partman_test.id_template"));

    assertThat(partitions(db, "partman_test.id_taptest_table", "UTC"))
        .containsExactly(
            "id_taptest_table_default DEFAULT",
            "id_taptest_table_p3000000000 FOR VALUES FROM ('3000000000') TO ('3000000010')",
            "id_taptest_table_p3000000010 FOR VALUES FROM ('3000000010') TO ('3000000020')",
            "id_taptest_table_p3000000020 FOR VALUES FROM ('3000000020') TO ('3000000030')",
            "id_taptest_table_p3000000030 FOR VALUES FROM ('3000000030') TO ('3000000040')",
            "id_taptest_table_p3000000040 FOR VALUES FROM ('3000000040') TO ('3000000050')");
    assertThat(
            db.queryString(
                "SELECT concat_ws('|', partition_interval, datetime_string IS NULL, template_table,"
                    + " jobmon) FROM partman.part_config"
                    + " WHERE parent_table = 'partman_test.id_taptest_table'"))
        .isEqualTo("10|t|partman_test.id_template|f");
    // The template's key, which does not contain the partition key, is on every child.
    assertThat(
            db.queryString(
                "SELECT count(*) FROM pg_constraint WHERE contype = 'p' AND conrelid IN"
                    + " (SELECT inhrelid FROM pg_inherits"
                    + " WHERE inhparent = 'partman_test.id_taptest_table'::regclass)"))
        .isEqualTo("6");
  }

  @Test
  void caseC_longNameHourly(TestDatabase db) {
    String table = "time_taptest_table_1234567890123456789012345678901234567890";
    db.execute(
        "CREATE SCHEMA g4",
        "CREATE TABLE g4." + table + " (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");

    partman(db, "UTC", NOW)
        .createParent(PartitionSetDefinition.of("g4." + table, "ts", "1 hour").premake(1));

    String base = "time_taptest_table_123456789012345678901234567_p20261122_";
    assertThat(partitions(db, "g4." + table, "UTC"))
        .containsExactly(
            "time_taptest_table_123456789012345678901234567890123456_default DEFAULT",
            base
                + "020000 FOR VALUES FROM ('2026-11-22 02:00:00+00') TO ('2026-11-22 03:00:00+00')",
            base
                + "030000 FOR VALUES FROM ('2026-11-22 03:00:00+00') TO ('2026-11-22 04:00:00+00')",
            base
                + "040000 FOR VALUES FROM ('2026-11-22 04:00:00+00') TO ('2026-11-22 05:00:00+00')");
    assertThat(
            db.queryString(
                "SELECT template_table FROM partman.part_config WHERE parent_table LIKE 'g4.%'"))
        .isEqualTo("partman.template_g4_time_taptest_table_12345678901234567890123456789012");
  }

  @Test
  void caseD_weeklyEpochSeconds(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA ep",
        "CREATE TABLE ep.t (col1 int, col3 int NOT NULL) PARTITION BY RANGE (col3)");

    partman(db, "UTC", NOW)
        .createParent(
            PartitionSetDefinition.of("ep.t", "col3", "1 week")
                .constraintCols(List.of("col1"))
                .epoch("seconds")
                .premake(2)
                .startPartition("2026-09-21 00:00:00"));

    List<String> parts = partitions(db, "ep.t", "UTC");
    assertThat(parts).hasSize(12);
    assertThat(parts.get(0)).isEqualTo("t_default DEFAULT");
    assertThat(parts.get(1)).isEqualTo("t_p20260921 FOR VALUES FROM (1789948800) TO (1790553600)");
    assertThat(parts.get(11)).isEqualTo("t_p20261130 FOR VALUES FROM (1795996800) TO (1796601600)");
    assertThat(
            query(
                db,
                "UTC",
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE conname = 't_p20260921_partition_check'"))
        .containsExactly(
            "CHECK (((to_timestamp((col3)::double precision) >= '2026-09-21 00:00:00+00'::timestamp"
                + " with time zone) AND (to_timestamp((col3)::double precision) < '2026-09-28"
                + " 00:00:00+00'::timestamp with time zone)))");
    assertThat(
            db.queryString(
                "SELECT constraint_cols::text FROM partman.part_config"
                    + " WHERE parent_table = 'ep.t'"))
        .isEqualTo("{col1}");
  }

  @Test
  void caseE_listIntervalOneKeepsWorkingPastNine(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA l",
        "CREATE TABLE l.id_taptest_table (col1 int, col2 int NOT NULL) PARTITION BY LIST (col2)",
        "CREATE TABLE l.big (col2 bigint NOT NULL) PARTITION BY LIST (col2)");

    partman(db, "UTC", NOW)
        .createParent(PartitionSetDefinition.of("l.id_taptest_table", "col2", "1").type("list"));
    partman(db, "UTC", NOW)
        .createParent(
            PartitionSetDefinition.of("l.big", "col2", "1").type("list").startPartition("8"));

    assertThat(partitions(db, "l.id_taptest_table", "UTC"))
        .containsExactly(
            "id_taptest_table_default DEFAULT",
            "id_taptest_table_p0 FOR VALUES IN (0)",
            "id_taptest_table_p1 FOR VALUES IN (1)",
            "id_taptest_table_p2 FOR VALUES IN (2)",
            "id_taptest_table_p3 FOR VALUES IN (3)",
            "id_taptest_table_p4 FOR VALUES IN (4)");
    assertThat(partitions(db, "l.big", "UTC"))
        .containsExactly(
            "big_default DEFAULT",
            "big_p10 FOR VALUES IN ('10')",
            "big_p11 FOR VALUES IN ('11')",
            "big_p12 FOR VALUES IN ('12')",
            "big_p8 FOR VALUES IN ('8')",
            "big_p9 FOR VALUES IN ('9')");
  }

  @Test
  void additionalVerifiedCases(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA x",
        "CREATE TABLE x.d (ts date NOT NULL) PARTITION BY RANGE (ts)",
        "CREATE TABLE x.ms (ts bigint NOT NULL) PARTITION BY RANGE (ts)",
        "CREATE TABLE x.sec (ts int NOT NULL) PARTITION BY RANGE (ts)",
        "CREATE TABLE x.neg (id int NOT NULL) PARTITION BY RANGE (id)");
    Partman partman = partman(db, "UTC", NOW);

    partman.createParent(PartitionSetDefinition.of("x.d", "ts", "1 day").premake(1));
    partman.createParent(
        PartitionSetDefinition.of("x.ms", "ts", "1 day").epoch("milliseconds").premake(1));
    partman.createParent(
        PartitionSetDefinition.of("x.sec", "ts", "1 hour").epoch("seconds").premake(1));
    partman.createParent(
        PartitionSetDefinition.of("x.neg", "id", "1000").startPartition("-1500").premake(2));

    assertThat(partitions(db, "x.d", "UTC"))
        .contains("d_p20261121 FOR VALUES FROM ('2026-11-21') TO ('2026-11-22')");
    assertThat(partitions(db, "x.ms", "UTC"))
        .contains("ms_p20261121 FOR VALUES FROM ('1795219200000') TO ('1795305600000')");
    assertThat(
            query(
                db,
                "UTC",
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE conname = 'ms_p20261121_partition_check'"))
        .singleElement()
        .asString()
        .contains("to_timestamp(((ts / 1000))::double precision)");
    assertThat(partitions(db, "x.sec", "UTC"))
        .contains("sec_p20261122_020000 FOR VALUES FROM (1795312800) TO (1795316400)");
    assertThat(partitions(db, "x.neg", "UTC"))
        .containsExactly(
            "neg_default DEFAULT",
            "neg_p-1000 FOR VALUES FROM ('-1000') TO (0)",
            "neg_p0 FOR VALUES FROM (0) TO (1000)",
            "neg_p1000 FOR VALUES FROM (1000) TO (2000)");
  }
}
