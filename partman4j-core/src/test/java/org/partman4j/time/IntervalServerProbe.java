package org.partman4j.time;

import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks a PostgreSQL session about many interval texts in one query: whether {@code ::interval}
 * accepts each, its stored fields (read exactly, from {@code interval_send}) and its text.
 */
final class IntervalServerProbe {

  /**
   * The server's answer for one text.
   *
   * @param sqlState null when accepted, else the error's SQLSTATE
   * @param value the stored fields when accepted (infinities as their extreme fields)
   * @param text {@code ::text} of the value; null when the server cannot print it (PostgreSQL 14,
   *     beyond 2^31 hours)
   */
  record Answer(String sqlState, PgInterval value, String text) {
    boolean accepted() {
      return sqlState == null;
    }
  }

  // PostgreSQL 16+ can test input without raising an error; older servers need a subtransaction.
  private static final String WITH_INPUT_INFO =
      "SELECT e.sql_error_code,"
          + " CASE WHEN e.sql_error_code IS NULL THEN interval_send(u.t::interval) END,"
          + " CASE WHEN e.sql_error_code IS NULL THEN u.t::interval::text END"
          + " FROM unnest(?::text[]) WITH ORDINALITY u(t, ord)"
          + " CROSS JOIN LATERAL pg_input_error_info(u.t, 'interval') e ORDER BY u.ord";

  private static final String WITH_FUNCTION =
      "SELECT p.state, p.bin, p.txt FROM unnest(?::text[]) WITH ORDINALITY u(t, ord)"
          + " CROSS JOIN LATERAL pg_temp.probe_interval(u.t) p ORDER BY u.ord";

  private static final String PROBE_FUNCTION =
      "CREATE FUNCTION pg_temp.probe_interval(t text, OUT state text, OUT bin bytea, OUT txt text)"
          + " LANGUAGE plpgsql AS $$ DECLARE i interval; BEGIN"
          + " BEGIN i := t::interval; EXCEPTION WHEN others THEN state := SQLSTATE; RETURN; END;"
          + " bin := interval_send(i);"
          + " BEGIN txt := i::text; EXCEPTION WHEN others THEN txt := NULL; END;"
          + " END $$";

  private final Connection connection;
  private final boolean hasInputInfo;

  IntervalServerProbe(Connection connection, int serverMajor) throws SQLException {
    this.connection = connection;
    this.hasInputInfo = serverMajor >= 16;
    try (Statement st = connection.createStatement()) {
      st.execute("SET IntervalStyle = postgres");
      if (!hasInputInfo) {
        st.execute(PROBE_FUNCTION);
      }
    }
  }

  List<Answer> probe(List<String> texts) throws SQLException {
    List<Answer> answers = new ArrayList<>(texts.size());
    try (PreparedStatement ps =
        connection.prepareStatement(hasInputInfo ? WITH_INPUT_INFO : WITH_FUNCTION)) {
      Array array = connection.createArrayOf("text", texts.toArray());
      ps.setArray(1, array);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byte[] bin = rs.getBytes(2);
          answers.add(
              new Answer(rs.getString(1), bin == null ? null : decode(bin), rs.getString(3)));
        }
      }
    }
    return answers;
  }

  /** {@code interval_send}'s layout: int64 microseconds, int32 days, int32 months. */
  static PgInterval decode(byte[] bin) {
    ByteBuffer b = ByteBuffer.wrap(bin);
    long micros = b.getLong();
    int days = b.getInt();
    int months = b.getInt();
    return new PgInterval(months, days, micros);
  }

  /** Runs a query over one text array parameter and returns column 1..n of each row as text. */
  List<String[]> rows(String sql, List<String> param, int columns) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setArray(1, connection.createArrayOf("text", param.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String[] row = new String[columns];
          for (int c = 0; c < columns; c++) {
            row[c] = rs.getString(c + 1);
          }
          out.add(row);
        }
      }
    }
    return out;
  }

  /** Text that PostgreSQL (of any major from 14) reads back as exactly {@code v}'s fields. */
  static String exactText(PgInterval v) {
    long hours = v.micros() / 3_600_000_000L;
    long rest = v.micros() - hours * 3_600_000_000L;
    long seconds = rest / 1_000_000L;
    long micros = rest - seconds * 1_000_000L;
    return v.months()
        + " mons "
        + v.days()
        + " days "
        + hours
        + " hours "
        + seconds
        + " seconds "
        + micros
        + " microseconds";
  }
}
