package org.partman4j.sql;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.partman4j.catalog.PartitionBound;
import org.partman4j.model.Grantee;
import org.partman4j.model.TableName;
import org.partman4j.model.TablePrivilege;
import org.partman4j.time.EpochUnit;

/**
 * The DDL text partman4j runs on partition sets. Every name goes through {@link Sql#ident} and
 * every value through {@link Sql#literal}; the only text taken as it comes is SQL that PostgreSQL
 * itself printed ({@code pg_get_indexdef}, {@code pg_get_expr}), which pg_partman reuses the same
 * way.
 */
public final class DdlSql {

  /** What a child copies from its parent through LIKE, as pg_partman 5.2+ asks for it. */
  public static final String LIKE_OPTIONS =
      "INCLUDING COMMENTS INCLUDING COMPRESSION INCLUDING CONSTRAINTS INCLUDING DEFAULTS"
          + " INCLUDING GENERATED INCLUDING STATISTICS INCLUDING STORAGE";

  private DdlSql() {}

  /** {@code "schema"."table"}. */
  public static String table(TableName t) {
    return Sql.qualified(t.schema(), t.table());
  }

  /** {@code CREATE TABLE child (LIKE parent INCLUDING …) [TABLESPACE ts]}. */
  public static String createChild(TableName child, TableName parent, String tablespace) {
    return "CREATE TABLE "
        + table(child)
        + " (LIKE "
        + table(parent)
        + " "
        + LIKE_OPTIONS
        + ")"
        + (tablespace == null ? "" : " TABLESPACE " + Sql.ident(tablespace));
  }

  /**
   * {@code CREATE TABLE child (LIKE parent …) [TABLESPACE ts] PARTITION BY RANGE|LIST (column)}: a
   * child that is itself a partitioned parent (a sub-partitioned set's child).
   */
  public static String createPartitionedChild(
      TableName child, TableName parent, String tablespace, String column, boolean list) {
    return createChild(child, parent, tablespace)
        + " PARTITION BY "
        + (list ? "LIST" : "RANGE")
        + " ("
        + Sql.ident(column)
        + ")";
  }

  /** pg_partman's automatic template: a plain LIKE (columns, types, NOT NULL). */
  public static String createTemplate(TableName template, TableName parent) {
    return "CREATE TABLE IF NOT EXISTS " + table(template) + " (LIKE " + table(parent) + ")";
  }

  public static String ownerTo(TableName table, String role) {
    return "ALTER TABLE " + table(table) + " OWNER TO " + Sql.ident(role);
  }

  /** {@code ALTER TABLE t ADD PRIMARY KEY (cols) [INCLUDE (cols)] [USING INDEX TABLESPACE ts]}. */
  public static String addPrimaryKey(
      TableName table, List<String> columns, List<String> included, String tablespace) {
    return "ALTER TABLE "
        + table(table)
        + " ADD PRIMARY KEY ("
        + idents(columns)
        + ")"
        + (included.isEmpty() ? "" : " INCLUDE (" + idents(included) + ")")
        + (tablespace == null ? "" : " USING INDEX TABLESPACE " + Sql.ident(tablespace));
  }

  /**
   * {@code CREATE UNIQUE INDEX ON t <body> [TABLESPACE ts] [WHERE predicate]}: the TABLESPACE
   * clause must come before the WHERE of a partial index (pg_partman 5.1 appended it after, which
   * PostgreSQL rejects).
   *
   * @param body the index definition from {@code USING} on, without its WHERE clause, as {@code
   *     pg_get_indexdef} printed it ({@code USING btree (code) INCLUDE (x)})
   * @param predicate the partial index's predicate as {@code pg_get_expr} printed it, or null
   */
  public static String createUniqueIndex(
      TableName table, String body, String tablespace, String predicate) {
    return "CREATE UNIQUE INDEX ON "
        + table(table)
        + " "
        + body.strip()
        + (tablespace == null ? "" : " TABLESPACE " + Sql.ident(tablespace))
        + (predicate == null ? "" : " WHERE " + predicate);
  }

  public static String setUnlogged(TableName table, boolean unlogged) {
    return "ALTER TABLE " + table(table) + (unlogged ? " SET UNLOGGED" : " SET LOGGED");
  }

  /**
   * {@code ALTER TABLE t SET ([toast.]name = 'value')} for one {@code name=value} entry of {@code
   * pg_class.reloptions}.
   */
  public static String setReloption(TableName table, boolean toast, String option) {
    int eq = option.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("not a reloption of the form name=value: " + option);
    }
    return "ALTER TABLE "
        + table(table)
        + " SET ("
        + (toast ? "toast." : "")
        + Sql.ident(option.substring(0, eq))
        + " = "
        + Sql.literal(option.substring(eq + 1))
        + ")";
  }

  /** One {@code ALTER TABLE} setting every column's statistics target, in the map's order. */
  public static String setStatistics(TableName table, Map<String, Integer> targets) {
    return "ALTER TABLE "
        + table(table)
        + " "
        + targets.entrySet().stream()
            .map(e -> "ALTER COLUMN " + Sql.ident(e.getKey()) + " SET STATISTICS " + e.getValue())
            .collect(Collectors.joining(", "));
  }

  /** {@code ALTER TABLE parent ATTACH PARTITION child FOR VALUES … | DEFAULT}. */
  public static String attachPartition(TableName parent, TableName child, PartitionBound bound) {
    return "ALTER TABLE "
        + table(parent)
        + " ATTACH PARTITION "
        + table(child)
        + " "
        + bound(bound);
  }

  /** A bound clause; null range values are MINVALUE/MAXVALUE, a null list value is NULL. */
  public static String bound(PartitionBound bound) {
    if (bound instanceof PartitionBound.Default) {
      return "DEFAULT";
    }
    if (bound instanceof PartitionBound.Range r) {
      return "FOR VALUES FROM ("
          + (r.lower() == null ? "MINVALUE" : Sql.literal(r.lower()))
          + ") TO ("
          + (r.upper() == null ? "MAXVALUE" : Sql.literal(r.upper()))
          + ")";
    }
    if (bound instanceof PartitionBound.ListValues l && !l.values().isEmpty()) {
      return "FOR VALUES IN ("
          + l.values().stream().map(Sql::literal).collect(Collectors.joining(", "))
          + ")";
    }
    throw new IllegalArgumentException("cannot attach a partition with bound " + bound);
  }

  /**
   * The timestamptz an epoch column stands for, as pg_partman writes it: {@code
   * to_timestamp("col")}, {@code to_timestamp(("col" / 1000)::float)}, …
   */
  public static String epochExpression(String column, EpochUnit unit) {
    String col = Sql.ident(column);
    return switch (unit) {
      case SECONDS -> "to_timestamp(" + col + ")";
      case MILLISECONDS -> "to_timestamp((" + col + " / 1000)::float)";
      case MICROSECONDS -> "to_timestamp((" + col + " / 1000000)::float)";
      case NANOSECONDS -> "to_timestamp((" + col + " / 1000000000)::float)";
      case NONE -> throw new IllegalArgumentException("epoch 'none' has no epoch expression");
    };
  }

  /** {@code ALTER TABLE t ADD CONSTRAINT name CHECK (expr >= 'lower' AND expr < 'upper')}. */
  public static String addRangeCheck(
      TableName table, String constraint, String expression, String lower, String upper) {
    return "ALTER TABLE "
        + table(table)
        + " ADD CONSTRAINT "
        + Sql.ident(constraint)
        + " CHECK ("
        + expression
        + " >= "
        + Sql.literal(lower)
        + " AND "
        + expression
        + " < "
        + Sql.literal(upper)
        + ")";
  }

  /** {@code GRANT p1, p2 ON t TO role|PUBLIC}, privileges in alphabetical order. */
  public static String grant(Set<TablePrivilege> privileges, TableName table, Grantee to) {
    return "GRANT " + privileges(privileges) + " ON " + table(table) + " TO " + grantee(to);
  }

  /** {@code REVOKE p1, p2 ON t FROM role|PUBLIC CASCADE}. */
  public static String revoke(Set<TablePrivilege> privileges, TableName table, Grantee from) {
    return "REVOKE "
        + privileges(privileges)
        + " ON "
        + table(table)
        + " FROM "
        + grantee(from)
        + " CASCADE";
  }

  public static String revokeAll(TableName table, Grantee from) {
    return "REVOKE ALL ON " + table(table) + " FROM " + grantee(from);
  }

  /** {@code REPLICA IDENTITY FULL} ({@code f}) or {@code NOTHING} ({@code n}). */
  public static String replicaIdentity(TableName table, char kind) {
    String what =
        switch (kind) {
          case 'f' -> "FULL";
          case 'n' -> "NOTHING";
          case 'd' -> "DEFAULT";
          default -> throw new IllegalArgumentException("replica identity kind " + kind);
        };
    return "ALTER TABLE " + table(table) + " REPLICA IDENTITY " + what;
  }

  /** {@code REPLICA IDENTITY USING INDEX idx}; the index lives in the table's schema. */
  public static String replicaIdentityUsingIndex(TableName table, String index) {
    return "ALTER TABLE " + table(table) + " REPLICA IDENTITY USING INDEX " + Sql.ident(index);
  }

  /**
   * The replica identity statement of a dry run, where the child's index does not exist yet: its
   * name is replaced by a comment saying which index it will be. Not runnable, on purpose.
   */
  public static String replicaIdentityPlaceholder(TableName table, String parentIndex) {
    return "ALTER TABLE "
        + table(table)
        + " REPLICA IDENTITY USING INDEX /* dry run: the index of "
        + table(table).replace("*/", "* /")
        + " that ATTACH clones from "
        + Sql.ident(parentIndex).replace("*/", "* /")
        + ", named by PostgreSQL */";
  }

  /**
   * {@code SELECT CAST(? AS type) = CAST(? AS type) AND …} for {@code pairs} pairs of values:
   * whether two texts are the same value of the partition key's type.
   */
  public static String sameValues(String typeSchema, String typeName, int pairs) {
    String cast = "CAST(? AS " + Sql.qualified(typeSchema, typeName) + ")";
    StringBuilder b = new StringBuilder("SELECT ");
    for (int i = 0; i < pairs; i++) {
      b.append(i == 0 ? "" : " AND ").append(cast).append(" IS NOT DISTINCT FROM ").append(cast);
    }
    return b.toString();
  }

  /**
   * {@code LOCK TABLE default IN ACCESS EXCLUSIVE MODE}: taken before rows move out of the default,
   * so no row for the new child's range can arrive in the default between the move and the ATTACH
   * (which takes the same lock on the default anyway).
   */
  public static String lockExclusive(TableName table) {
    return "LOCK TABLE " + table(table) + " IN ACCESS EXCLUSIVE MODE";
  }

  /**
   * {@code LOCK TABLE ONLY parent IN SHARE MODE}: holds off writes through the parent (not reads,
   * and not the other children's own locks) while a child is attached beside a default partition.
   * Without it, an INSERT that PostgreSQL routed to the default just before the ATTACH fails once
   * the ATTACH commits ("new row for relation … violates partition constraint"); with it, the
   * INSERT waits those few milliseconds and is routed to the new child.
   */
  public static String lockParentForAttach(TableName parent) {
    return "LOCK TABLE ONLY " + table(parent) + " IN SHARE MODE";
  }

  /**
   * Moves the rows of {@code bound} from the default partition into the new (not yet attached)
   * child in one statement: {@code WITH moved AS (DELETE FROM default WHERE … RETURNING cols)
   * INSERT INTO child (cols) SELECT cols FROM moved}. The condition is the partition constraint of
   * the bound, each value cast to the key's type; {@code columns} are the parent's columns that can
   * be written (not generated), named so that a default with another column order still fits.
   */
  public static String moveRows(
      TableName from,
      TableName to,
      String control,
      String typeSchema,
      String typeName,
      PartitionBound bound,
      List<String> columns) {
    String col = Sql.ident(control);
    String type = Sql.qualified(typeSchema, typeName);
    String where;
    if (bound instanceof PartitionBound.Range r) {
      StringBuilder b = new StringBuilder(col).append(" IS NOT NULL");
      if (r.lower() != null) {
        b.append(" AND ").append(col).append(" >= CAST(").append(Sql.literal(r.lower()));
        b.append(" AS ").append(type).append(')');
      }
      if (r.upper() != null) {
        b.append(" AND ").append(col).append(" < CAST(").append(Sql.literal(r.upper()));
        b.append(" AS ").append(type).append(')');
      }
      where = b.toString();
    } else if (bound instanceof PartitionBound.ListValues l && !l.values().isEmpty()) {
      where =
          col
              + " IN ("
              + l.values().stream()
                  .map(v -> "CAST(" + Sql.literal(v) + " AS " + type + ")")
                  .collect(Collectors.joining(", "))
              + ")";
    } else {
      throw new IllegalArgumentException("cannot move rows for bound " + bound);
    }
    String cols = idents(columns);
    return "WITH moved AS (DELETE FROM "
        + table(from)
        + " WHERE "
        + where
        + " RETURNING "
        + cols
        + ") INSERT INTO "
        + table(to)
        + " ("
        + cols
        + ") SELECT "
        + cols
        + " FROM moved";
  }

  /** {@code SELECT … FROM schema.part_config WHERE template_table = ? AND parent_table <> ?}. */
  public static String otherSetsUsingTemplate(String storeSchema) {
    return "SELECT parent_table FROM "
        + Sql.qualified(storeSchema, "part_config")
        + " WHERE template_table = ? AND parent_table <> ? ORDER BY parent_table";
  }

  private static String privileges(Set<TablePrivilege> privileges) {
    return privileges.stream()
        .map(TablePrivilege::name)
        .sorted(Comparator.naturalOrder())
        .collect(Collectors.joining(", "));
  }

  private static String grantee(Grantee g) {
    return g.isPublic() ? "PUBLIC" : Sql.ident(g.role());
  }

  private static String idents(List<String> names) {
    return names.stream().map(Sql::ident).collect(Collectors.joining(", "));
  }
}
