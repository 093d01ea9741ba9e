package org.partman4j.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.partman4j.sql.Sql;

/**
 * One column of a configuration table: its name, its SQL kind, and how to get its value from the
 * row's record. Values are always bound as parameters, NULL included.
 */
record Column<T>(String name, Kind kind, Function<T, Object> getter) {

  /** The SQL types the configuration tables use. */
  enum Kind {
    TEXT,
    INT,
    BOOL,
    TEXT_ARRAY,
    TIMESTAMPTZ
  }

  static <T> Column<T> text(String name, Function<T, Object> getter) {
    return new Column<>(name, Kind.TEXT, getter);
  }

  static <T> Column<T> integer(String name, Function<T, Object> getter) {
    return new Column<>(name, Kind.INT, getter);
  }

  static <T> Column<T> bool(String name, Function<T, Object> getter) {
    return new Column<>(name, Kind.BOOL, getter);
  }

  static <T> Column<T> textArray(String name, Function<T, Object> getter) {
    return new Column<>(name, Kind.TEXT_ARRAY, getter);
  }

  static <T> Column<T> timestamptz(String name, Function<T, Object> getter) {
    return new Column<>(name, Kind.TIMESTAMPTZ, getter);
  }

  /** Binds this column's value of {@code row} to parameter {@code index}. */
  void bind(Connection c, PreparedStatement ps, int index, T row) throws SQLException {
    Object value = getter.apply(row);
    switch (kind) {
      case TEXT -> ps.setString(index, (String) value);
      case INT -> ps.setObject(index, value, Types.INTEGER);
      case BOOL -> ps.setObject(index, value, Types.BOOLEAN);
      case TEXT_ARRAY -> {
        if (value == null) {
          ps.setNull(index, Types.ARRAY);
        } else {
          ps.setArray(index, c.createArrayOf("text", ((List<?>) value).toArray()));
        }
      }
      case TIMESTAMPTZ -> {
        if (value == null) {
          ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
          // An offset, not a zone: the instant is exact whatever the session's TimeZone.
          ps.setObject(index, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
        }
      }
    }
  }

  /** This column's value of {@code row} as a SQL literal, for showing a statement (dry runs). */
  String literal(T row) {
    Object value = getter.apply(row);
    if (value == null) {
      return "NULL";
    }
    return switch (kind) {
      case TEXT -> Sql.literal((String) value);
      case INT -> value.toString();
      case BOOL -> ((Boolean) value) ? "true" : "false";
      case TEXT_ARRAY ->
          "ARRAY["
              + ((List<?>) value)
                  .stream()
                      .map(v -> v == null ? "NULL" : Sql.literal(v.toString()))
                      .collect(java.util.stream.Collectors.joining(", "))
              + "]::text[]";
      case TIMESTAMPTZ -> Sql.literal(value.toString()) + "::timestamptz";
    };
  }

  static Integer getInteger(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  static Boolean getBoolean(ResultSet rs, String column) throws SQLException {
    boolean v = rs.getBoolean(column);
    return rs.wasNull() ? null : v;
  }

  static List<String> getTextList(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    if (array == null) {
      return null;
    }
    try {
      return Arrays.asList((String[]) array.getArray());
    } finally {
      array.free();
    }
  }

  static Instant getInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime v = rs.getObject(column, OffsetDateTime.class);
    return v == null ? null : v.toInstant();
  }
}
