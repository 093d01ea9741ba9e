package org.partman4j.sql;

import java.util.List;
import java.util.stream.Collectors;
import org.partman4j.model.TableName;

/**
 * The SQL of pg_partman's constraint-exclusion helpers and of the probes they need. Names go
 * through {@link Sql#ident}, values through {@link Sql#literal}.
 */
public final class ConstraintSql {

  /**
   * The partman constraints on a table ({@code ?} = its oid): name and the column each bounds, as
   * pg_partman finds them (CHECK constraints named {@code partmanconstr_…}).
   */
  public static final String PARTMAN_CONSTRAINTS =
      """
      SELECT con.conname, a.attname
        FROM pg_constraint con
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = ANY (con.conkey)
       WHERE con.conrelid = ? AND con.contype = 'c' AND NOT a.attisdropped
         AND left(con.conname, 14) = 'partmanconstr_'
       ORDER BY con.conname, a.attnum
      """;

  /** The names of a table's columns ({@code ?} = its oid). */
  public static final String COLUMNS =
      "SELECT attname FROM pg_attribute WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped";

  private ConstraintSql() {}

  /** {@code SELECT min(col)::text, max(col)::text FROM t}: the values the CHECK will allow. */
  public static String minMax(TableName table, String column) {
    String col = Sql.ident(column);
    return "SELECT min(" + col + ")::text, max(" + col + ")::text FROM " + DdlSql.table(table);
  }

  /**
   * {@code ALTER TABLE t ADD CONSTRAINT name CHECK (col >= 'min' AND col <= 'max') [NOT VALID]}, as
   * pg_partman writes it.
   */
  public static String addMinMaxCheck(
      TableName table, String constraint, String column, String min, String max, boolean valid) {
    String col = Sql.ident(column);
    return "ALTER TABLE "
        + DdlSql.table(table)
        + " ADD CONSTRAINT "
        + Sql.ident(constraint)
        + " CHECK ("
        + col
        + " >= "
        + Sql.literal(min)
        + " AND "
        + col
        + " <= "
        + Sql.literal(max)
        + ")"
        + (valid ? "" : " NOT VALID");
  }

  public static String dropConstraint(TableName table, String constraint) {
    return "ALTER TABLE " + DdlSql.table(table) + " DROP CONSTRAINT " + Sql.ident(constraint);
  }

  /**
   * {@code LOCK TABLE t IN SHARE MODE}: holds writers off the child between reading its min/max and
   * adding the CHECK, so the CHECK cannot fail on a row written in between; readers go on.
   */
  public static String lockAgainstWriters(TableName table) {
    return "LOCK TABLE " + DdlSql.table(table) + " IN SHARE MODE";
  }

  public static String analyze(TableName table) {
    return "ANALYZE " + DdlSql.table(table);
  }

  /**
   * {@code SELECT EXISTS (SELECT 1 FROM t1), EXISTS (…)}: which tables hold a row, each probe
   * stopping at the first row it finds.
   */
  public static String anyRows(List<TableName> tables) {
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("no tables to probe");
    }
    return tables.stream()
        .map(t -> "EXISTS (SELECT 1 FROM " + DdlSql.table(t) + ")")
        .collect(Collectors.joining(", ", "SELECT ", ""));
  }
}
