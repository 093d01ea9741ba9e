package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/**
 * Every interval class of reference §5.1, in four zones, against pg_partman's create_parent
 * algorithm evaluated by PostgreSQL itself (date_trunc of {@code now - interval × premake}, then
 * {@code base + interval × k} while before {@code now + interval × premake}, names by {@code
 * to_char}): the same names and the same bounds.
 */
@PostgresTest
class CreateParentAgainstPostgresIT {

  private static final List<String> ZONES =
      List.of("UTC", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe");

  private static final List<String> INTERVALS =
      List.of(
          "30 seconds",
          "1 minute",
          "15 minutes",
          "90 minutes",
          "1 hour",
          "12 hours",
          "1 day",
          "24 hours",
          "1 week",
          "4 weeks",
          "5 weeks",
          "1 month",
          "3 months",
          "52 weeks",
          "1 year",
          "10 years",
          "100 years",
          "1000 years");

  /** pg_partman's create_parent children, computed by PostgreSQL: {@code name|lower|upper}. */
  private static final String PG_PARTMAN_CHILDREN =
      """
      WITH p AS (SELECT ?::timestamptz AS now, ?::interval AS i, ?::int AS premake, ?::text AS t),
      u AS (
        SELECT p.*, CASE
            WHEN i >= '1000 years' THEN 'millennium' WHEN i >= '100 years' THEN 'century'
            WHEN i >= '10 years' THEN 'decade' WHEN i >= '1 year' THEN 'year'
            WHEN i >= '1 month' THEN 'month' WHEN i >= '1 day' THEN 'day'
            WHEN i >= '1 minute' THEN 'hour' ELSE 'minute' END AS unit,
          CASE WHEN i < '1 day' THEN 'YYYYMMDD_HH24MISS' ELSE 'YYYYMMDD' END AS fmt
          FROM p),
      b AS (SELECT u.*, date_trunc(unit, now - i * premake) AS base FROM u)
      SELECT t || '_p' || to_char(base + i * k, fmt) || '|' || (base + i * k)::text || '|'
             || (base + i * k + i)::text
        FROM b, generate_series(0, 100) AS k
       WHERE k = 0 OR base + i * k < now + i * premake
       ORDER BY k
      """;

  private static final String OUR_CHILDREN =
      """
      SELECT c.relname || '|' || m[1]::timestamptz::text || '|' || m[2]::timestamptz::text
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid,
             regexp_match(pg_get_expr(c.relpartbound, c.oid),
                          'FROM \\(''([^'']*)''\\) TO \\(''([^'']*)''\\)') AS m
       WHERE i.inhparent = ?::regclass
       ORDER BY m[1]::timestamptz
      """;

  @Test
  void everyIntervalClassInFourZones(TestDatabase db) throws SQLException {
    Instant now = CreateParentGoldenIT.NOW;
    int sets = 0;
    int children = 0;
    for (String zone : ZONES) {
      String schema = "z_" + zone.replaceAll("[^A-Za-z]", "").toLowerCase();
      db.execute("CREATE SCHEMA " + schema);
      Partman partman = CreateParentGoldenIT.partman(db, zone, now);
      for (int n = 0; n < INTERVALS.size(); n++) {
        String interval = INTERVALS.get(n);
        String table = "t" + n;
        db.execute(
            "CREATE TABLE "
                + schema
                + "."
                + table
                + " (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
        partman.createParent(
            PartitionSetDefinition.of(schema + "." + table, "ts", interval)
                .premake(2)
                .defaultTable(false)
                .templateTable("false"));

        List<String> expected = rows(db, zone, PG_PARTMAN_CHILDREN, now, interval, 2, table);
        List<String> actual = rows(db, zone, OUR_CHILDREN, schema + "." + table);
        assertThat(actual).as("%s in %s", interval, zone).containsExactlyElementsOf(expected);
        sets++;
        children += actual.size();
      }
    }
    assertThat(sets).isEqualTo(ZONES.size() * INTERVALS.size());
    assertThat(children).isGreaterThan(sets * 5);
  }

  @Test
  void dstFallBackHourIsOneChildWhereItWouldBeAHole(TestDatabase db) throws SQLException {
    Instant now = Instant.parse("2026-11-01T06:30:00Z"); // 01:30 EST, the second 01:30
    db.execute(
        "CREATE SCHEMA dst",
        "CREATE TABLE dst.h (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
    CreateParentGoldenIT.partman(db, "America/New_York", now)
        .createParent(
            PartitionSetDefinition.of("dst.h", "ts", "1 hour")
                .premake(2)
                .defaultTable(false)
                .templateTable("false"));

    List<String> pgPartman =
        rows(db, "America/New_York", PG_PARTMAN_CHILDREN, now, "1 hour", 2, "h");
    List<String> ours = rows(db, "America/New_York", OUR_CHILDREN, "dst.h");
    // pg_partman computes two children named h_p20261101_010000 and keeps the first.
    assertThat(pgPartman)
        .contains(
            "h_p20261101_010000|2026-11-01 01:00:00-04|2026-11-01 01:00:00-05",
            "h_p20261101_010000|2026-11-01 01:00:00-05|2026-11-01 02:00:00-05");
    assertThat(ours)
        .contains("h_p20261101_010000|2026-11-01 01:00:00-04|2026-11-01 02:00:00-05")
        .doesNotHaveDuplicates();
    for (int k = 1; k < ours.size(); k++) {
      assertThat(ours.get(k).split("\\|")[1]).isEqualTo(ours.get(k - 1).split("\\|")[2]);
    }
  }

  private static List<String> rows(TestDatabase db, String zone, String sql, Object... params)
      throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      try (Statement st = c.createStatement()) {
        st.execute("SET TimeZone = '" + zone + "'");
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        for (Object p : params) {
          if (p instanceof Instant t) {
            ps.setString(i++, t.toString());
          } else if (p instanceof Integer n) {
            ps.setInt(i++, n);
          } else {
            ps.setString(i++, p.toString());
          }
        }
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
        return out;
      }
    }
  }
}
