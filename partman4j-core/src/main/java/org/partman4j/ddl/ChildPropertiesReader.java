package org.partman4j.ddl;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.model.Grantee;
import org.partman4j.model.TableName;
import org.partman4j.model.TablePrivilege;

/**
 * Reads a set's {@link ChildProperties} in a handful of catalog queries, once per set, however many
 * children are then made.
 */
public final class ChildPropertiesReader {

  private static final String PARENT =
      """
      SELECT c.oid, c.relkind::text, ts.spcname, c.relreplident::text, ri.indexrelid, ric.relname,
             tn.nspname, ty.typname, n.oid
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_tablespace ts ON ts.oid = c.reltablespace
        LEFT JOIN pg_partitioned_table pt ON pt.partrelid = c.oid
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = pt.partattrs[0]
        LEFT JOIN pg_type ty ON ty.oid = a.atttypid
        LEFT JOIN pg_namespace tn ON tn.oid = ty.typnamespace
        LEFT JOIN pg_index ri ON ri.indrelid = c.oid AND ri.indisreplident
        LEFT JOIN pg_class ric ON ric.oid = ri.indexrelid
       WHERE n.nspname = ? AND c.relname = ?
      """;

  /** The owner and the seven privileges per grantee; a NULL grantee is PUBLIC. */
  static final String PRIVILEGES =
      """
      SELECT pg_get_userbyid(c.relowner), CASE WHEN x.grantee = 0 THEN NULL
             ELSE pg_get_userbyid(x.grantee) END, x.privilege_type
        FROM pg_class c
        LEFT JOIN LATERAL aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) x ON true
       WHERE c.oid = ?
      """;

  /**
   * What a table this role creates now in the schema would start with: the role's default
   * privileges for tables (global ones replace the built-in default, per-schema ones add to it).
   */
  private static final String NEW_TABLE_PRIVILEGES =
      """
      SELECT r.rolname, CASE WHEN x.grantee = 0 THEN NULL
             ELSE pg_get_userbyid(x.grantee) END, x.privilege_type
        FROM pg_roles r
        LEFT JOIN LATERAL aclexplode(
               coalesce((SELECT d.defaclacl FROM pg_default_acl d WHERE d.defaclrole = r.oid
                            AND d.defaclnamespace = 0 AND d.defaclobjtype = 'r'),
                        acldefault('r', r.oid))
               || coalesce((SELECT d.defaclacl FROM pg_default_acl d WHERE d.defaclrole = r.oid
                               AND d.defaclnamespace = ? AND d.defaclobjtype = 'r'),
                           '{}'::aclitem[])) x ON true
       WHERE r.rolname = current_user
      """;

  /**
   * Valid indexes of a table with the text pg_partman compares them by: the definition from the
   * access method's {@code USING} on (anchored on the method's name, so an index or table name
   * containing " USING " does not cut it in the wrong place).
   */
  private static final String INDEXES =
      """
      SELECT ic.relname, i.indisprimary, i.indisunique,
             substr(d.def, strpos(d.def, ' USING ' || quote_ident(am.amname) || ' (')) AS tail,
             pg_get_expr(i.indpred, i.indrelid),
             ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                    WHERE k.ord <= i.indnkeyatts ORDER BY k.ord)::text[],
             ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                    WHERE k.ord > i.indnkeyatts ORDER BY k.ord)::text[],
             ts.spcname
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_am am ON am.oid = ic.relam
        LEFT JOIN pg_tablespace ts ON ts.oid = ic.reltablespace
        CROSS JOIN LATERAL (SELECT pg_get_indexdef(i.indexrelid) AS def) d
       WHERE i.indrelid = ? AND i.indisvalid AND (i.indisprimary OR i.indisunique OR NOT ?)
       ORDER BY tail
      """;

  private static final String TEMPLATE =
      """
      SELECT c.oid, c.relkind::text, c.relpersistence = 'u', c.reloptions, t.reloptions
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
       WHERE n.nspname = ? AND c.relname = ?
      """;

  /** attstattarget is -1 for "default" up to PostgreSQL 16, NULL from 17 on. */
  private static final String STATISTICS =
      """
      SELECT a.attname, a.attstattarget::int
        FROM pg_attribute a
       WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped AND a.attstattarget >= 0
       ORDER BY a.attnum
      """;

  /**
   * Reads the properties of {@code parent}'s new children.
   *
   * @param template the set's template table, or null when it has none
   * @param inheritPrivileges the set's {@code inherit_privileges}
   * @throws PartmanException when the parent is missing or not partitioned, or the template is
   *     missing
   */
  public ChildProperties read(
      Connection c, TableName parent, TableName template, boolean inheritPrivileges)
      throws SQLException {
    long oid;
    long schemaOid;
    String tablespace;
    ReplicaIdentity replicaIdentity;
    String keySchema;
    String keyType;
    try (PreparedStatement ps = c.prepareStatement(PARENT)) {
      ps.setString(1, parent.schema());
      ps.setString(2, parent.table());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new PartmanException(
              ErrorCode.INVALID_ARGUMENT,
              "The parent table " + parent + " does not exist; check the name (schema.table).");
        }
        if (!"p".equals(rs.getString(2)) || rs.getString(8) == null) {
          throw new PartmanException(
              ErrorCode.INVALID_ARGUMENT,
              "The table "
                  + parent
                  + " is not partitioned by a column, so it cannot get children; create it with"
                  + " PARTITION BY RANGE (col) or LIST (col).");
        }
        oid = rs.getLong(1);
        tablespace = rs.getString(3);
        char kind = rs.getString(4).charAt(0);
        replicaIdentity =
            kind == 'i'
                ? new ReplicaIdentity(kind, rs.getLong(5), rs.getString(6))
                : new ReplicaIdentity(kind, 0, null);
        keySchema = rs.getString(7);
        keyType = rs.getString(8);
        schemaOid = rs.getLong(9);
      }
    }
    TablePrivileges parentPrivileges = privileges(c, oid);
    TablePrivileges newTable = newTablePrivileges(c, schemaOid);
    List<IndexDefinition> parentIndexes = indexes(c, oid, false);
    TemplateProperties tp = template == null ? null : template(c, parent, template);
    Map<String, Integer> statistics = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(STATISTICS)) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          statistics.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    return new ChildProperties(
        parent,
        oid,
        keySchema,
        keyType,
        tablespace,
        parentPrivileges,
        inheritPrivileges,
        replicaIdentity,
        parentIndexes,
        tp,
        statistics,
        newTable);
  }

  /** The owner and grants of the relation {@code oid}. */
  public static TablePrivileges privileges(Connection c, long oid) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PRIVILEGES)) {
      ps.setLong(1, oid);
      return readPrivileges(ps);
    }
  }

  private static TablePrivileges newTablePrivileges(Connection c, long schemaOid)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(NEW_TABLE_PRIVILEGES)) {
      ps.setLong(1, schemaOid);
      return readPrivileges(ps);
    }
  }

  private static TablePrivileges readPrivileges(PreparedStatement ps) throws SQLException {
    String owner = null;
    Map<Grantee, Set<TablePrivilege>> grants = new HashMap<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        owner = rs.getString(1);
        TablePrivilege p = TablePrivilege.fromCatalog(rs.getString(3));
        if (p != null) {
          String role = rs.getString(2);
          Grantee g = role == null ? Grantee.PUBLIC : Grantee.role(role);
          grants.computeIfAbsent(g, k -> EnumSet.noneOf(TablePrivilege.class)).add(p);
        }
      }
    }
    if (owner == null) {
      throw new SQLException("relation or role vanished while reading its privileges", "42P01");
    }
    return new TablePrivileges(owner, grants);
  }

  private static List<IndexDefinition> indexes(Connection c, long oid, boolean uniqueOnly)
      throws SQLException {
    List<IndexDefinition> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(INDEXES)) {
      ps.setLong(1, oid);
      ps.setBoolean(2, uniqueOnly);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new IndexDefinition(
                  rs.getString(1),
                  rs.getBoolean(2),
                  rs.getBoolean(3),
                  rs.getString(4),
                  rs.getString(5),
                  strings(rs.getArray(6)),
                  strings(rs.getArray(7)),
                  rs.getString(8)));
        }
      }
    }
    return out;
  }

  private static TemplateProperties template(Connection c, TableName parent, TableName template)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(TEMPLATE)) {
      ps.setString(1, template.schema());
      ps.setString(2, template.table());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || !"r".equals(rs.getString(2))) {
          throw new PartmanException(
              ErrorCode.INVALID_ARGUMENT,
              "The template table "
                  + template
                  + " of "
                  + parent
                  + " does not exist (or is not a plain table). Create it (CREATE TABLE "
                  + template
                  + " (LIKE "
                  + parent
                  + ")), or clear template_table in part_config to make children without one.");
        }
        long oid = rs.getLong(1);
        boolean unlogged = rs.getBoolean(3);
        List<String> reloptions = strings(rs.getArray(4));
        List<String> toast = strings(rs.getArray(5));
        return new TemplateProperties(template, unlogged, indexes(c, oid, true), reloptions, toast);
      }
    }
  }

  private static List<String> strings(Array a) throws SQLException {
    if (a == null) {
      return List.of();
    }
    try {
      return Arrays.asList((String[]) a.getArray());
    } finally {
      a.free();
    }
  }
}
