package org.partman4j.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.partman4j.sql.Sql;

/** The store's history table: which scripts were applied, when, by whom, with what checksum. */
final class SchemaHistory {

  /** The table's name; it lives in the store's schema next to part_config. */
  static final String TABLE = "partman4j_schema_history";

  private final String schema;
  private final String table;

  SchemaHistory(String schema) {
    this.schema = schema;
    this.table = Sql.qualified(schema, TABLE);
  }

  void create(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String sql : createStatements()) {
        st.execute(sql);
      }
    }
  }

  /** The statements that create the table, in order. */
  List<String> createStatements() {
    return List.of(
        "CREATE TABLE "
            + table
            + " (version int NOT NULL CONSTRAINT "
            + Sql.ident(TABLE + "_pkey")
            + " PRIMARY KEY CHECK (version > 0),"
            + " description text NOT NULL,"
            + " script text NOT NULL,"
            + " checksum text NOT NULL,"
            + " installed_by text NOT NULL DEFAULT current_user,"
            + " installed_on timestamptz NOT NULL DEFAULT now(),"
            + " execution_ms int NOT NULL)",
        "COMMENT ON TABLE "
            + table
            + " IS "
            + Sql.literal(
                "Versions of the partman4j store in schema "
                    + schema
                    + ", written by partman4j's install; do not edit."));
  }

  List<AppliedScript> read(Connection c) throws SQLException {
    List<AppliedScript> rows = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT version, description, script, checksum, installed_by, installed_on,"
                    + " execution_ms FROM "
                    + table
                    + " ORDER BY version");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(
            new AppliedScript(
                rs.getInt(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(),
                rs.getInt(7)));
      }
    }
    return rows;
  }

  void record(Connection c, StoreScript script, int executionMillis) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO " + table + RECORD_COLUMNS + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setInt(1, script.version());
      ps.setString(2, script.description());
      ps.setString(3, script.fileName());
      ps.setString(4, script.checksum());
      ps.setInt(5, executionMillis);
      ps.executeUpdate();
    }
  }

  /**
   * The row {@link #record} writes for a script, as one statement with its values written out; a
   * real install records the script's measured time where this shows 0.
   */
  String recordStatement(StoreScript script) {
    return "INSERT INTO "
        + table
        + RECORD_COLUMNS
        + " VALUES ("
        + script.version()
        + ", "
        + Sql.literal(script.description())
        + ", "
        + Sql.literal(script.fileName())
        + ", "
        + Sql.literal(script.checksum())
        + ", 0)";
  }

  private static final String RECORD_COLUMNS =
      " (version, description, script, checksum, execution_ms)";
}
