package org.partman4j.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.partman4j.model.TableName;
import org.partman4j.sql.Sql;

/**
 * The SQL of the inspection operations, in one place. Every value is bound as a parameter; the one
 * name that cannot be (a set's {@code time_decoder}) is quoted by {@link Sql}.
 */
final class InspectionSql {

  /** Inspections change nothing; the server holds them to that. */
  static final String READ_ONLY = "SET TRANSACTION READ ONLY";

  static final String RELATION =
      """
      SELECT c.oid, c.relkind::text
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ? AND c.relname = ?
      """;

  static final String PARENT_OF =
      """
      SELECT n.nspname, p.relname
        FROM pg_catalog.pg_inherits i
        JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
        JOIN pg_catalog.pg_namespace n ON n.oid = p.relnamespace
       WHERE i.inhrelid = ?
      """;

  static final String COLUMN =
      """
      SELECT t.typname, a.attnotnull
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
       WHERE n.nspname = ? AND c.relname = ? AND a.attname = ?
         AND a.attnum > 0 AND NOT a.attisdropped
      """;

  /** pg_partman's {@code table_exists}: a table or partitioned table of that name, as pg_tables. */
  static final String TABLE_EXISTS =
      """
      SELECT EXISTS (
        SELECT 1
          FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p'))
      """;

  /** The set's zone for this transaction only, when it differs from the session's. */
  static final String LOCAL_TIME_ZONE = "SELECT set_config('TimeZone', ?, true)";

  /** {@code p_value::timestamptz}, printed back in ISO form for {@code TimestampText}. */
  static final String AS_TIMESTAMPTZ = "SELECT (?::text::timestamptz)::text";

  /** {@code p_value::bigint}. */
  static final String AS_BIGINT = "SELECT ?::text::bigint";

  static final String QUOTE_IDENT = "SELECT quote_ident(?)";

  private InspectionSql() {}

  /** One call of the decoder per bound text, in one statement, in the order given. */
  static String decodeAll(String decoderSql) {
    return "SELECT ("
        + decoderSql
        + "(t.v))::text FROM unnest(?::text[]) WITH ORDINALITY AS t(v, ord) ORDER BY t.ord";
  }

  /** A relation's oid and relkind. */
  record Relation(long oid, String relkind) {}

  /** A column's type name and NOT NULL flag. */
  record Column(String typeName, boolean notNull) {}

  static void readOnly(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(READ_ONLY);
    }
  }

  static Optional<Relation> relation(Connection c, TableName name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(RELATION)) {
      ps.setString(1, name.schema());
      ps.setString(2, name.table());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Relation(rs.getLong(1), rs.getString(2)))
            : Optional.empty();
      }
    }
  }

  static Optional<TableName> parentOf(Connection c, long childOid) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PARENT_OF)) {
      ps.setLong(1, childOid);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new TableName(rs.getString(1), rs.getString(2)))
            : Optional.empty();
      }
    }
  }

  static Optional<Column> column(Connection c, TableName table, String column) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(COLUMN)) {
      ps.setString(1, table.schema());
      ps.setString(2, table.table());
      ps.setString(3, column);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Column(rs.getString(1), rs.getBoolean(2)))
            : Optional.empty();
      }
    }
  }

  static boolean tableExists(Connection c, String schema, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(TABLE_EXISTS)) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  static void localTimeZone(Connection c, String zone) throws SQLException {
    single(c, LOCAL_TIME_ZONE, zone);
  }

  static String asTimestamptz(Connection c, String value) throws SQLException {
    return single(c, AS_TIMESTAMPTZ, value);
  }

  static long asBigint(Connection c, String value) throws SQLException {
    return Long.parseLong(single(c, AS_BIGINT, value));
  }

  static String quoteIdent(Connection c, String name) throws SQLException {
    return single(c, QUOTE_IDENT, name);
  }

  /** {@code decoder(text)::text} of every text, in order; null where the decoder gave NULL. */
  static List<String> decodeAll(Connection c, String decoderSql, List<String> texts)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(decodeAll(decoderSql))) {
      ps.setArray(1, c.createArrayOf("text", texts.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        List<String> out = new ArrayList<>(texts.size());
        while (rs.next()) {
          out.add(rs.getString(1));
        }
        return out;
      }
    }
  }

  private static String single(Connection c, String sql, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
