package org.partman4j.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A textual snapshot of everything a test could have changed in a database's catalog: schemas,
 * relations, columns, constraints, extensions (each with its row's xmin, so even an ALTER that
 * leaves the text the same shows), and the rows of any partman4j history table.
 */
public final class Catalog {

  private static final String OBJECTS =
      """
      SELECT 'schema ' || n.nspname || ' owner=' || pg_get_userbyid(n.nspowner)
             || ' acl=' || coalesce(n.nspacl::text, '-') || ' xmin=' || n.xmin
        FROM pg_namespace n
       WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
      UNION ALL
      SELECT 'relation ' || n.nspname || '.' || c.relname || ' kind=' || c.relkind::text
             || ' owner=' || pg_get_userbyid(c.relowner) || ' acl=' || coalesce(c.relacl::text, '-')
             || ' xmin=' || c.xmin
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
      UNION ALL
      SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' '
             || format_type(a.atttypid, a.atttypmod) || ' xmin=' || a.xmin
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema' AND a.attnum > 0
      UNION ALL
      SELECT 'constraint ' || n.nspname || '.' || co.conname || ' ' || pg_get_constraintdef(co.oid)
             || ' xmin=' || co.xmin
        FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
       WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
      UNION ALL
      SELECT 'extension ' || e.extname || ' ' || e.extversion || ' in ' || e.extnamespace::regnamespace
        FROM pg_extension e
      ORDER BY 1
      """;

  private Catalog() {}

  /** The snapshot, one object per line; take it with a role that can see everything. */
  public static String snapshot(DataSource ds) {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      List<String> lines = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(OBJECTS)) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
      List<String> histories = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c"
                  + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                  + " WHERE c.relname = 'partman4j_schema_history' ORDER BY 1")) {
        while (rs.next()) {
          histories.add(rs.getString(1));
        }
      }
      for (String h : histories) {
        try (ResultSet rs = st.executeQuery("SELECT t::text FROM " + h + " t ORDER BY version")) {
          while (rs.next()) {
            lines.add("history " + h + " " + rs.getString(1));
          }
        }
      }
      return String.join("\n", lines);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the catalog: " + e.getMessage(), e);
    }
  }

  /** The schemas a role could see, for quick existence checks. */
  public static boolean schemaExists(DataSource ds, String schema) {
    try (Connection c = ds.getConnection();
        var ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
