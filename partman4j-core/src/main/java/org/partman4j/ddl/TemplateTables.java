package org.partman4j.ddl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.exec.Session;
import org.partman4j.model.TableName;
import org.partman4j.naming.PartitionNames;
import org.partman4j.sql.DdlSql;

/**
 * The template table pg_partman makes for a set when none is given: {@code <store
 * schema>.template_<schema>_<table>} (cut to 63 bytes), a plain {@code LIKE} of the parent, owned
 * by the parent's owner.
 *
 * <p>pg_partman uses {@code CREATE TABLE IF NOT EXISTS}, so when two long parent names cut to the
 * same template name the second set silently shares the first one's template. Here an existing
 * table of that name is reused only if it could be this parent's template: a plain table with the
 * parent's columns (names and types, in order) that no other set names as its template.
 */
public final class TemplateTables {

  private static final String RELATION =
      """
      SELECT c.oid, c.relkind::text, pg_get_userbyid(c.relowner)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ? AND c.relname = ?
      """;

  private static final String COLUMNS =
      """
      SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
        FROM pg_attribute a
       WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY a.attnum
      """;

  private TemplateTables() {}

  /**
   * The result of {@link #ensure}.
   *
   * @param template the template's name
   * @param created whether this call made it
   * @param statements the DDL run
   */
  public record Result(TableName template, boolean created, List<String> statements) {
    public Result {
      statements = List.copyOf(statements);
    }
  }

  /** The automatic template's name for {@code parent} in the store schema. */
  public static TableName nameFor(String storeSchema, TableName parent) {
    return new TableName(storeSchema, PartitionNames.template(parent.schema(), parent.table()));
  }

  /**
   * Makes the automatic template of {@code parent} in {@code storeSchema}, or finds it made, in one
   * transaction.
   *
   * @throws PartmanException {@link ErrorCode#NAME_COLLISION} when the name is taken by something
   *     that is not this parent's template; {@link ErrorCode#INVALID_ARGUMENT} when the parent is
   *     missing
   */
  public static Result ensure(Session session, String storeSchema, TableName parent) {
    TableName template = nameFor(storeSchema, parent);
    return session.inTransaction(
        "creating the template table " + template + " of " + parent,
        c -> {
          Relation p = relation(c, parent);
          if (p == null) {
            throw new PartmanException(
                ErrorCode.INVALID_ARGUMENT,
                "The parent table " + parent + " does not exist; check the name (schema.table).");
          }
          List<String> ran = new ArrayList<>();
          Relation t = relation(c, template);
          if (t == null) {
            run(c, DdlSql.createTemplate(template, parent), ran);
            run(c, DdlSql.ownerTo(template, p.owner), ran);
            return new Result(template, true, ran);
          }
          String problem = notUsable(c, storeSchema, parent, p, template, t);
          if (problem != null) {
            throw new PartmanException(
                ErrorCode.NAME_COLLISION,
                "Cannot use "
                    + template
                    + " as the template table of "
                    + parent
                    + ": "
                    + problem
                    + ". pg_partman would silently share it. Give the set a template table of"
                    + " its own (template_table in part_config), or rename or drop "
                    + template
                    + ".");
          }
          if (!t.owner.equals(p.owner)) {
            run(c, DdlSql.ownerTo(template, p.owner), ran);
          }
          return new Result(template, false, ran);
        });
  }

  /** Why the existing {@code t} cannot be the template of {@code parent}, or null if it can. */
  private static String notUsable(
      Connection c,
      String storeSchema,
      TableName parent,
      Relation p,
      TableName template,
      Relation t)
      throws SQLException {
    if (!"r".equals(t.relkind)) {
      return "a relation of that name exists and is not a plain table (relkind '"
          + t.relkind
          + "')";
    }
    List<String> parentColumns = columns(c, p.oid);
    List<String> templateColumns = columns(c, t.oid);
    if (!parentColumns.equals(templateColumns)) {
      return "a table of that name exists with other columns ("
          + String.join(", ", templateColumns)
          + ") than "
          + parent
          + " ("
          + String.join(", ", parentColumns)
          + ")";
    }
    List<String> others = setsUsing(c, storeSchema, template, parent);
    if (!others.isEmpty()) {
      return "it is already the template of " + String.join(", ", others);
    }
    return null;
  }

  private static List<String> setsUsing(
      Connection c, String storeSchema, TableName template, TableName parent) throws SQLException {
    if (relation(c, new TableName(storeSchema, "part_config")) == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(DdlSql.otherSetsUsingTemplate(storeSchema))) {
      ps.setString(1, template.toString());
      ps.setString(2, parent.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private record Relation(long oid, String relkind, String owner) {}

  private static Relation relation(Connection c, TableName t) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(RELATION)) {
      ps.setString(1, t.schema());
      ps.setString(2, t.table());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Relation(rs.getLong(1), rs.getString(2), rs.getString(3)) : null;
      }
    }
  }

  private static List<String> columns(Connection c, long oid) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static void run(Connection c, String sql, List<String> ran) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
    ran.add(sql);
  }
}
