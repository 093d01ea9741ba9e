package org.partman4j.ddl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.partman4j.catalog.PartitionBound;
import org.partman4j.model.TableName;

/**
 * Whatever already holds a name in a schema (any kind of relation, attached or not), which
 * pg_partman checks by name alone before making a child.
 *
 * @param relkind {@code pg_class.relkind}
 * @param partitionOf the parent it is a partition of, or null
 * @param parentOid that parent's oid, or 0
 * @param boundExpression {@code pg_get_expr(relpartbound)}, or null
 */
record ExistingRelation(
    TableName name, String relkind, TableName partitionOf, long parentOid, String boundExpression) {

  private static final String FIND =
      """
      SELECT c.relkind::text, pn.nspname, p.relname, p.oid, pg_get_expr(c.relpartbound, c.oid)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_inherits i ON i.inhrelid = c.oid AND c.relispartition
        LEFT JOIN pg_class p ON p.oid = i.inhparent
        LEFT JOIN pg_namespace pn ON pn.oid = p.relnamespace
       WHERE n.nspname = ? AND c.relname = ?
      """;

  /** The relation named {@code name}, or null when the name is free. */
  static ExistingRelation find(Connection c, TableName name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(FIND)) {
      ps.setString(1, name.schema());
      ps.setString(2, name.table());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        String parentSchema = rs.getString(2);
        return new ExistingRelation(
            name,
            rs.getString(1),
            parentSchema == null ? null : new TableName(parentSchema, rs.getString(3)),
            rs.getLong(4),
            rs.getString(5));
      }
    }
  }

  PartitionBound bound() {
    return PartitionBound.parse(boundExpression);
  }

  /** "a table", "an index", … */
  String kindWithArticle() {
    String k = kind();
    return ("aeiou".indexOf(k.charAt(0)) >= 0 ? "an " : "a ") + k;
  }

  /** The relation's kind in words, for messages. */
  String kind() {
    return switch (relkind) {
      case "r" -> "table";
      case "p" -> "partitioned table";
      case "i" -> "index";
      case "I" -> "partitioned index";
      case "S" -> "sequence";
      case "v" -> "view";
      case "m" -> "materialized view";
      case "c" -> "composite type";
      case "f" -> "foreign table";
      case "t" -> "TOAST table";
      default -> "relation of kind '" + relkind + "'";
    };
  }
}
