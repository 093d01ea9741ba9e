package org.partman4j.time;

import java.math.BigDecimal;
import java.math.BigInteger;
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
 * SQL functions that are exact over PostgreSQL's whole range (see {@link #FUNCTIONS}), and
 * intervals travel as their three fields.
 */
final class PgOracle implements AutoCloseable {

  /**
   * Exact transport helpers. An interval times a number multiplies in double precision, so the
   * seconds since 2000 (PostgreSQL's own epoch, so that no piece leaves a bigint of microseconds)
   * go in two pieces that each stay exact ({@code 10^12 * n} is exact for n below 3.7e7, beyond
   * 294276 AD); adding time-only intervals to a timestamptz ignores the session zone. The way back
   * goes through an interval's epoch, which is exact too.
   */
  static final String[] FUNCTIONS = {
    "CREATE FUNCTION ts_of(s bigint, us int) RETURNS timestamptz LANGUAGE sql STABLE"
        + " AS $$ SELECT timestamptz '2000-01-01 00:00:00+00'"
        + " + ((s - 946684800) / 1000000) * interval '1000000 seconds'"
        + " + ((s - 946684800) % 1000000) * interval '1 second'"
        + " + us * interval '1 microsecond' $$",
    // Not EXTRACT(epoch FROM t): past 294247-01-10 PostgreSQL rounds that to 4 decimals. The
    // difference from 2000-01-01 is an interval of days and microseconds, whose epoch is exact.
    "CREATE FUNCTION micros_of(t timestamptz) RETURNS numeric LANGUAGE sql IMMUTABLE"
        + " AS $$ SELECT EXTRACT(epoch FROM t - timestamptz '2000-01-01 00:00:00+00') * 1000000"
        + " + 946684800000000 $$",
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

  private static final BigInteger MICROS_PER_SECOND = BigInteger.valueOf(1_000_000L);

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
    return instants.stream().mapToLong(Instant::getEpochSecond).toArray();
  }

  /** The microseconds within the second of each instant, for {@code ts_of(s, us)}. */
  static int[] micros(List<Instant> instants) {
    return instants.stream().mapToInt(t -> t.getNano() / 1000).toArray();
  }

  /** The instant of a {@code micros_of} result (microseconds since 1970, as numeric text). */
  static Instant instantOf(String micros) {
    BigInteger[] secondsAndMicros =
        new BigDecimal(micros).toBigIntegerExact().divideAndRemainder(MICROS_PER_SECOND);
    long seconds = secondsAndMicros[0].longValueExact();
    long fraction = secondsAndMicros[1].longValueExact();
    return Instant.ofEpochSecond(seconds, fraction * 1000);
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
