package org.partman4j.sql;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.partman4j.model.TableName;

/**
 * The SQL of moving rows: partitionData and undoPartition. Every name is quoted by {@link Sql};
 * every value (range bounds, settings) is a {@code ?} parameter, cast to the control column's type.
 */
public final class DataSql {

  /** Columns of a table with what makes them unfit for an INSERT list. */
  public static final String COLUMNS =
      """
      SELECT a.attname, a.attgenerated::text, a.attidentity::text
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY a.attnum
      """;

  /** A relation's kind and its partition parent, if any. */
  public static final String RELATION =
      """
      SELECT c.relkind::text, c.relispartition,
             (SELECT i.inhparent FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid LIMIT 1),
             c.oid, c.reltuples::bigint
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ? AND c.relname = ?
      """;

  /**
   * The planner's row estimate over relations, by oid: the sum of the known {@code reltuples}, and
   * whether any was known (never-analyzed tables have -1).
   */
  public static final String ESTIMATE =
      "SELECT coalesce(sum(greatest(reltuples, 0)), 0)::bigint, coalesce(bool_or(reltuples >= 0),"
          + " false) FROM pg_catalog.pg_class WHERE oid::bigint = ANY (?)";

  /** Settings for this transaction only. */
  public static final String LOCAL_SETTING = "SELECT set_config(?, ?, true)";

  /** The name of the temporary table rows leaving the default wait in. */
  public static final String STAGING_TABLE = "partman4j_moving_rows";

  private DataSql() {}

  /**
   * {@code (SELECT CAST(? AS "schema"."type"))}: a bound value as the control column's type. The
   * sub-select makes PostgreSQL convert it once per statement: text to timestamptz is only STABLE
   * (it depends on TimeZone), so a bare cast would be evaluated again for every row scanned.
   */
  public static String param(String typeSchema, String typeName) {
    return "(SELECT CAST(? AS " + Sql.qualified(typeSchema, typeName) + "))";
  }

  /**
   * The rows of a range: {@code "col" >= lower AND "col" < upper}, either side left out when
   * absent. With neither side, every row ({@code true}).
   */
  public static String range(
      String control, String typeSchema, String typeName, boolean lower, boolean upper) {
    String col = Sql.ident(control);
    String p = param(typeSchema, typeName);
    if (lower && upper) {
      return col + " >= " + p + " AND " + col + " < " + p;
    }
    if (lower) {
      return col + " >= " + p;
    }
    if (upper) {
      return col + " < " + p;
    }
    return "true";
  }

  /**
   * The first (ASC: {@code min}) or last ({@code max}) control value of the rows of {@code table}
   * that match {@code where}, as text; {@code valueOf} wraps the aggregate to turn it into a time
   * (a cast to timestamptz, a decoder call) or leaves it as it is.
   */
  public static String edge(
      TableName table,
      String control,
      boolean ascending,
      String where,
      UnaryOperator<String> valueOf) {
    String agg = (ascending ? "min(" : "max(") + Sql.ident(control) + ")";
    return "SELECT ("
        + valueOf.apply(agg)
        + ")::text FROM ONLY "
        + DdlSql.table(table)
        + " WHERE "
        + where;
  }

  /**
   * One batch: {@code WITH moved AS (DELETE FROM ONLY source WHERE … RETURNING cols) INSERT INTO
   * target (cols) OVERRIDING SYSTEM VALUE SELECT cols FROM moved}. OVERRIDING SYSTEM VALUE keeps
   * the values of {@code GENERATED ALWAYS AS IDENTITY} columns; it changes nothing elsewhere.
   */
  public static String move(
      TableName source, TableName target, List<String> columns, String where) {
    return moveInto(source, DdlSql.table(target), columns, where, " OVERRIDING SYSTEM VALUE");
  }

  /**
   * Whether {@code schema.table} has a valid, non-partial index whose first column is the given
   * one: then a range of that column is found without reading the whole table.
   */
  public static final String LEADING_INDEX =
      """
      SELECT EXISTS (
        SELECT 1
          FROM pg_catalog.pg_index i
          JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
         WHERE n.nspname = ? AND c.relname = ? AND a.attname = ?
           AND i.indisvalid AND i.indpred IS NULL)
      """;

  /**
   * A table's size in heap pages now, and the planner's {@code relpages} and {@code reltuples}
   * (rows per page, when it was ever analyzed).
   */
  public static final String PAGES =
      """
      SELECT pg_catalog.pg_relation_size(c.oid) / current_setting('block_size')::bigint,
             c.relpages, c.reltuples::bigint
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ? AND c.relname = ?
      """;

  /**
   * The rows of {@code table} that match {@code where}: how many, and the first and last control
   * value ({@code valueOf} wraps the aggregates as {@link #edge} does).
   */
  public static String rowsAndEdges(
      TableName table, String control, String where, UnaryOperator<String> valueOf) {
    String col = Sql.ident(control);
    return "SELECT count(*), ("
        + valueOf.apply("min(" + col + ")")
        + ")::text, ("
        + valueOf.apply("max(" + col + ")")
        + ")::text FROM ONLY "
        + DdlSql.table(table)
        + " WHERE "
        + where;
  }

  /**
   * The rows on heap pages {@code [fromPage, toPage)} that have a control value: a TID range scan
   * (PostgreSQL 14 and later) reads only those pages. The page numbers are the caller's own
   * numbers, written as literals so that a dry run shows the very statement.
   */
  public static String pages(String control, long fromPage, long toPage) {
    return "ctid >= '("
        + fromPage
        + ",0)'::tid AND ctid < '("
        + toPage
        + ",0)'::tid AND "
        + Sql.ident(control)
        + " IS NOT NULL";
  }

  /** The temporary table a batch out of the default holds its rows in until the child exists. */
  public static String createStaging(TableName likeTable) {
    return "CREATE TEMPORARY TABLE "
        + Sql.ident(STAGING_TABLE)
        + " (LIKE "
        + DdlSql.table(likeTable)
        + ") ON COMMIT DROP";
  }

  /** Rows of the default into the staging table. */
  public static String moveToStaging(TableName source, List<String> columns, String where) {
    return moveInto(source, "pg_temp." + Sql.ident(STAGING_TABLE), columns, where, "");
  }

  private static String moveInto(
      TableName source, String targetSql, List<String> columns, String where, String overriding) {
    String cols = idents(columns);
    return "WITH moved AS (DELETE FROM ONLY "
        + DdlSql.table(source)
        + " WHERE "
        + where
        + " RETURNING "
        + cols
        + ") INSERT INTO "
        + targetSql
        + " ("
        + cols
        + ")"
        + overriding
        + " SELECT "
        + cols
        + " FROM moved";
  }

  /** The staging table's rows into the new child. */
  public static String insertFromStaging(TableName target, List<String> columns) {
    String cols = idents(columns);
    return "INSERT INTO "
        + DdlSql.table(target)
        + " ("
        + cols
        + ") OVERRIDING SYSTEM VALUE SELECT "
        + cols
        + " FROM pg_temp."
        + Sql.ident(STAGING_TABLE);
  }

  /** {@code SELECT EXISTS (SELECT 1 FROM ONLY t WHERE …)}: stops at the first row found. */
  public static String anyRow(TableName table, String where) {
    return "SELECT EXISTS (SELECT 1 FROM ONLY " + DdlSql.table(table) + " WHERE " + where + ")";
  }

  /** {@code "col" IS NULL}. */
  public static String isNull(String column) {
    return Sql.ident(column) + " IS NULL";
  }

  /** {@code SELECT count(*) FROM ONLY t}. */
  public static String count(TableName table) {
    return "SELECT count(*) FROM ONLY " + DdlSql.table(table);
  }

  /** {@code SELECT count(*) FROM (SELECT 1 FROM ONLY t LIMIT 1)}: 0 or 1, cheaply. */
  public static String hasRows(TableName table) {
    return "SELECT count(*) FROM (SELECT 1 FROM ONLY " + DdlSql.table(table) + " LIMIT 1) AS x";
  }

  public static String analyze(TableName table) {
    return "ANALYZE " + DdlSql.table(table);
  }

  public static String detach(TableName parent, TableName child) {
    return "ALTER TABLE " + DdlSql.table(parent) + " DETACH PARTITION " + DdlSql.table(child);
  }

  public static String drop(TableName table, boolean cascade) {
    return "DROP TABLE " + DdlSql.table(table) + (cascade ? " CASCADE" : "");
  }

  public static String dropIfExists(TableName table) {
    return "DROP TABLE IF EXISTS " + DdlSql.table(table);
  }

  /**
   * {@code sql} with its {@code ?} parameters replaced by {@code values} as quoted literals, for a
   * dry run to show the statement a run sends with those values bound. A {@code ?} inside a quoted
   * name or literal is left alone.
   */
  public static String inline(String sql, String... values) {
    StringBuilder out = new StringBuilder(sql.length() + 32);
    int next = 0;
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char ch = sql.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0; // a doubled quote closes and reopens: the same text either way
        }
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == '?') {
        if (next >= values.length) {
          throw new IllegalArgumentException("more parameters than values in " + sql);
        }
        out.append(Sql.literal(values[next++]));
        continue;
      }
      out.append(ch);
    }
    if (next != values.length) {
      throw new IllegalArgumentException("more values than parameters in " + sql);
    }
    return out.toString();
  }

  private static String idents(List<String> names) {
    return names.stream().map(Sql::ident).collect(Collectors.joining(", "));
  }
}
