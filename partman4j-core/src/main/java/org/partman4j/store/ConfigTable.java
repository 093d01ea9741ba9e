package org.partman4j.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.partman4j.sql.DataSql;
import org.partman4j.sql.Sql;

/**
 * Reads and writes the rows of one configuration table through its {@link Column} list, so that the
 * SELECT, INSERT and UPDATE of a table cannot disagree about its columns.
 */
final class ConfigTable<T> {

  /** Builds a record from the current row of a result set. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private final String name;
  private final String table;
  private final List<Column<T>> columns;
  private final RowReader<T> reader;
  private final String select;
  private final String insert;
  private final String update;
  private final String delete;

  /** The first column is the primary key. */
  ConfigTable(String schema, String name, List<Column<T>> columns, RowReader<T> reader) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.reader = reader;
    this.table = Sql.qualified(schema, name);
    String key = Sql.ident(columns.get(0).name());
    String list = columns.stream().map(c -> Sql.ident(c.name())).collect(Collectors.joining(", "));
    this.select = "SELECT " + list + " FROM " + table;
    this.insert =
        "INSERT INTO "
            + table
            + " ("
            + list
            + ") VALUES ("
            + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
            + ")";
    this.update =
        "UPDATE "
            + table
            + " SET "
            + columns.stream()
                .skip(1)
                .map(c -> Sql.ident(c.name()) + " = ?")
                .collect(Collectors.joining(", "))
            + " WHERE "
            + key
            + " = ?";
    this.delete = "DELETE FROM " + table + " WHERE " + key + " = ?";
  }

  String name() {
    return name;
  }

  /** The column names in table order, the key first. */
  List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /** Column name → value of {@code row}, in table order; values as the record holds them. */
  Map<String, Object> values(T row) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Column<T> col : columns) {
      out.put(col.name(), col.getter().apply(row));
    }
    return out;
  }

  /** Sets one column of the row with {@code row}'s key to {@code row}'s value; false if none. */
  boolean updateOne(Connection c, T row, String column) throws SQLException {
    Column<T> col = column(column);
    try (PreparedStatement ps = c.prepareStatement(updateOneSql(col, "?", "?"))) {
      col.bind(c, ps, 1, row);
      columns.get(0).bind(c, ps, 2, row);
      return ps.executeUpdate() > 0;
    }
  }

  /** The statement {@link #updateOne} runs, values written as literals, for display only. */
  /** The statement {@link #delete} runs for {@code key}, the key written in, for dry runs. */
  String deleteText(String key) {
    return DataSql.inline(delete, key);
  }

  String updateOneText(T row, String column) {
    Column<T> col = column(column);
    return updateOneSql(col, col.literal(row), columns.get(0).literal(row));
  }

  private String updateOneSql(Column<T> col, String value, String key) {
    return "UPDATE "
        + table
        + " SET "
        + Sql.ident(col.name())
        + " = "
        + value
        + " WHERE "
        + Sql.ident(columns.get(0).name())
        + " = "
        + key;
  }

  private Column<T> column(String column) {
    return columns.stream()
        .filter(c -> c.name().equals(column))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name + " has no column " + column));
  }

  List<T> findAll(Connection c) throws SQLException {
    return query(c, select + " ORDER BY 1", null);
  }

  Optional<T> find(Connection c, String key) throws SQLException {
    return query(c, select + " WHERE " + Sql.ident(columns.get(0).name()) + " = ?", key).stream()
        .findFirst();
  }

  /** The INSERT of {@code row} with its values written as literals, for display only. */
  String insertText(T row) {
    StringBuilder sql = new StringBuilder(insert.substring(0, insert.indexOf("VALUES (") + 8));
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(columns.get(i).literal(row));
    }
    return sql.append(")").toString();
  }

  void insert(Connection c, T row) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      for (int i = 0; i < columns.size(); i++) {
        columns.get(i).bind(c, ps, i + 1, row);
      }
      ps.executeUpdate();
    }
  }

  boolean update(Connection c, T row) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(update)) {
      for (int i = 1; i < columns.size(); i++) {
        columns.get(i).bind(c, ps, i, row);
      }
      columns.get(0).bind(c, ps, columns.size(), row);
      return ps.executeUpdate() > 0;
    }
  }

  boolean delete(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(delete)) {
      ps.setString(1, key);
      return ps.executeUpdate() > 0;
    }
  }

  private List<T> query(Connection c, String sql, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (key != null) {
        ps.setString(1, key);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(reader.read(rs));
        }
        return rows;
      }
    }
  }
}
