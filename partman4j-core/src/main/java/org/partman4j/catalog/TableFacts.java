package org.partman4j.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partman4j.model.TableName;

/** Small catalog lookups that set creation needs besides the parent snapshot. */
public final class TableFacts {

  private static final String COLUMNS =
      """
      SELECT a.attname, t.typname, format_type(a.atttypid, a.atttypmod), a.attnotnull
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
       WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY a.attnum
      """;

  private static final String RELATIONS =
      """
      SELECT c.relname, c.relkind::text
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ? AND c.relname = ANY (?::text[])
      """;

  private static final String PARENT_OF =
      """
      SELECT pn.nspname, p.relname
        FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_class p ON p.oid = i.inhparent
        JOIN pg_namespace pn ON pn.oid = p.relnamespace
       WHERE n.nspname = ? AND c.relname = ?
      """;

  private TableFacts() {}

  /** The table's columns in order; empty when the table does not exist. */
  public static List<TableColumn> columns(Connection c, TableName table) throws SQLException {
    List<TableColumn> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
      ps.setString(1, table.schema());
      ps.setString(2, table.table());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new TableColumn(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
        }
      }
    }
    return out;
  }

  /** Which of {@code names} are taken in {@code schema}, by any kind of relation, with relkind. */
  public static Map<String, String> relationsNamed(
      Connection c, String schema, Collection<String> names) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(RELATIONS)) {
      ps.setString(1, schema);
      ps.setArray(2, c.createArrayOf("text", names.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  /** Whether a relation named so exists. */
  public static boolean exists(Connection c, TableName table) throws SQLException {
    return !relationsNamed(c, table.schema(), List.of(table.table())).isEmpty();
  }

  /** The table this one is a partition (or inheritance child) of, if any. */
  public static Optional<TableName> parentOf(Connection c, TableName table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PARENT_OF)) {
      ps.setString(1, table.schema());
      ps.setString(2, table.table());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new TableName(rs.getString(1), rs.getString(2)))
            : Optional.empty();
      }
    }
  }

  /** Whether a schema of exactly this name exists. */
  public static boolean schemaExists(Connection c, String schema) throws SQLException {
    return exists(c, "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?", schema);
  }

  /** Whether a role of exactly this name exists. */
  public static boolean roleExists(Connection c, String role) throws SQLException {
    return exists(c, "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?", role);
  }

  /** Whether a function (of any arguments) of exactly this schema and name exists. */
  public static boolean functionExists(Connection c, TableName function) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n"
                + " ON n.oid = p.pronamespace WHERE n.nspname = ? AND p.proname = ?")) {
      ps.setString(1, function.schema());
      ps.setString(2, function.table());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static boolean exists(Connection c, String sql, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
