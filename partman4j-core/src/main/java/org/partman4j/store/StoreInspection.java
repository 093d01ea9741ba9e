package org.partman4j.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the catalog says about the store's schema and the role's rights there, read in one query.
 *
 * @param schemaExists whether a schema of that exact name exists
 * @param schemaOwner its owner, or null
 * @param partmanExtensionVersion the version of the pg_partman extension installed in it, or null
 * @param canCreateSchema whether the role may create schemas in the database
 * @param canCreateInSchema whether the role may create objects in the schema
 * @param canUseSchema whether the role may use the schema
 * @param historyExists whether partman4j's history table is there
 * @param foreignTables pg_partman's table names found there without a history table, or null
 * @param role the current role
 * @param database the current database
 */
record StoreInspection(
    boolean schemaExists,
    String schemaOwner,
    String partmanExtensionVersion,
    boolean canCreateSchema,
    boolean canCreateInSchema,
    boolean canUseSchema,
    boolean historyExists,
    String foreignTables,
    String role,
    String database) {

  private static final String QUERY =
      """
      SELECT n.oid IS NOT NULL,
             pg_catalog.pg_get_userbyid(n.nspowner),
             (SELECT e.extversion FROM pg_catalog.pg_extension e
               WHERE e.extname = 'pg_partman' AND e.extnamespace = n.oid),
             has_database_privilege(current_database(), 'CREATE'),
             n.oid IS NOT NULL AND has_schema_privilege(n.oid, 'CREATE'),
             n.oid IS NOT NULL AND has_schema_privilege(n.oid, 'USAGE'),
             EXISTS (SELECT 1 FROM pg_catalog.pg_class c
                      WHERE c.relnamespace = n.oid AND c.relname = ?),
             (SELECT string_agg(c.relname, ', ' ORDER BY c.relname) FROM pg_catalog.pg_class c
               WHERE c.relnamespace = n.oid AND c.relname IN ('part_config', 'part_config_sub')),
             current_user, current_database()
        FROM (SELECT ?::text AS name) q
        LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = q.name
      """;

  static StoreInspection read(Connection c, String schema) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(QUERY)) {
      ps.setString(1, SchemaHistory.TABLE);
      ps.setString(2, schema);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        boolean history = rs.getBoolean(7);
        return new StoreInspection(
            rs.getBoolean(1),
            rs.getString(2),
            rs.getString(3),
            rs.getBoolean(4),
            rs.getBoolean(5),
            rs.getBoolean(6),
            history,
            history ? null : rs.getString(8),
            rs.getString(9),
            rs.getString(10));
      }
    }
  }
}
