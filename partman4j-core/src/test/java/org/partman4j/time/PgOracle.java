package org.partman4j.time;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.partman4j.testkit.TestDatabase;

/**
 * One session on a test database that answers batches of questions: each call sends whole arrays of
 * inputs ({@code unnest(...) WITH ORDINALITY}) so that hundreds of cases cost one round trip.
 *
 * <p>Instants travel as whole seconds plus microseconds and come back as microseconds, both through
 * SQL functions that are exact in the years the tests use (see {@link #FUNCTIONS}), and intervals
 * travel as their three fields.
 */
final class PgOracle implements AutoCloseable {

  /**
   * Exact transport helpers. {@code to_timestamp(double)} is exact for whole seconds up to about
   * year 20000 (the product with 10^6 stays representable); adding an integer count of microseconds
   * below 10^6 is exact too. {@code EXTRACT(epoch)} is numeric, so the way back is exact
   * everywhere.
   */
  static final String[] FUNCTIONS = {
    "CREATE FUNCTION ts_of(s bigint, us int) RETURNS timestamptz LANGUAGE sql STABLE"
        + " AS $$ SELECT to_timestamp(s) + us * interval '1 microsecond' $$",
    "CREATE FUNCTION micros_of(t timestamptz) RETURNS bigint LANGUAGE sql IMMUTABLE"
        + " AS $$ SELECT (EXTRACT(epoch FROM t) * 1000000)::bigint $$",
    "CREATE FUNCTION iv_of(m int, d int, us bigint) RETURNS interval LANGUAGE sql IMMUTABLE"
        + " AS $$ SELECT make_interval(months => m, days => d)"
        + " + (us / 1000000) * interval '1 second' + (us % 1000000) * interval '1 microsecond' $$",
    // months, days and microseconds of an interval, read from EXTRACT's exact numeric fields
    "CREATE FUNCTION iv_fields(i interval) RETURNS text LANGUAGE sql IMMUTABLE"
        + " AS $$ SELECT concat_ws(',',"
        + " (EXTRACT(year FROM i) * 12 + EXTRACT(month FROM i))::int,"
        + " EXTRACT(day FROM i)::int,"
        + " (EXTRACT(hour FROM i) * 3600000000 + EXTRACT(minute FROM i) * 60000000"
        + " + EXTRACT(microseconds FROM i))::bigint) $$"
  };

  private final Connection connection;
  private final int majorVersion;

  private PgOracle(Connection connection, int majorVersion) {
    this.connection = connection;
    this.majorVersion = majorVersion;
  }

  static PgOracle open(TestDatabase db) {
    try {
      Connection c = db.dataSource().getConnection();
      try (Statement st = c.createStatement()) {
        st.execute("SET DateStyle = ISO");
        st.execute("SET IntervalStyle = postgres");
        for (String f : FUNCTIONS) {
          st.execute(f);
        }
      }
      return new PgOracle(c, db.server().majorVersion());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot open the oracle session: " + e.getMessage(), e);
    }
  }

  int majorVersion() {
    return majorVersion;
  }

  /** Sets the session's {@code TimeZone}, which every zone-dependent function then uses. */
  void useZone(ZoneId zone) {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT set_config('TimeZone', ?, false)")) {
      ps.setString(1, zone.getId());
      ps.executeQuery().close();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot set TimeZone " + zone + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs a query whose parameters are arrays ({@code long[]} as bigint[], {@code int[]} as
   * integer[], {@code String[]} as text[]) and returns every row's columns as text.
   */
  List<String[]> query(String sql, Object... arrays) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < arrays.length; i++) {
        ps.setArray(i + 1, toSqlArray(arrays[i]));
      }
      List<String[]> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          String[] row = new String[n];
          for (int c = 0; c < n; c++) {
            row[c] = rs.getString(c + 1);
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("Oracle query failed: " + e.getMessage() + "\n" + sql, e);
    }
  }

  /** Runs one statement and returns the error message, or null when it succeeded. */
  String errorOf(String sql, String... params) {
    // In autocommit mode a failed statement leaves the session usable for the next one.
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      ps.executeQuery().close();
      return null;
    } catch (SQLException e) {
      return e.getMessage();
    }
  }

  private Array toSqlArray(Object values) throws SQLException {
    if (values instanceof long[] longs) {
      Long[] boxed = new Long[longs.length];
      for (int i = 0; i < longs.length; i++) {
        boxed[i] = longs[i];
      }
      return connection.createArrayOf("bigint", boxed);
    }
    if (values instanceof int[] ints) {
      Integer[] boxed = new Integer[ints.length];
      for (int i = 0; i < ints.length; i++) {
        boxed[i] = ints[i];
      }
      return connection.createArrayOf("integer", boxed);
    }
    if (values instanceof String[] strings) {
      return connection.createArrayOf("text", strings);
    }
    throw new IllegalArgumentException("unsupported array " + values.getClass());
  }

  /** Whole seconds of each instant, for {@code ts_of(s, us)}. */
  static long[] seconds(List<Instant> instants) {
    return instants.stream()
        .mapToLong(t -> Math.floorDiv(PgTimestamps.toEpochMicros(t), 1_000_000L))
        .toArray();
  }

  /** The microseconds within the second of each instant, for {@code ts_of(s, us)}. */
  static int[] micros(List<Instant> instants) {
    return instants.stream()
        .mapToInt(t -> (int) Math.floorMod(PgTimestamps.toEpochMicros(t), 1_000_000L))
        .toArray();
  }

  static Instant instantOf(String micros) {
    return PgTimestamps.ofEpochMicros(Long.parseLong(micros));
  }

  /** Parses {@code iv_fields} output. */
  static PgInterval intervalOf(String fields) {
    String[] p = fields.split(",");
    return new PgInterval(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Long.parseLong(p[2]));
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // the database is dropped right after; nothing to keep
    }
  }
}
