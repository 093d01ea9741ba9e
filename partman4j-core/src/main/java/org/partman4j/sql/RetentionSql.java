package org.partman4j.sql;

import java.util.List;
import java.util.stream.Collectors;
import org.partman4j.catalog.ChildTable;
import org.partman4j.model.TableName;

/**
 * The SQL of retention: detaching, dropping and moving children, and the catalog reads that decide
 * how. Names go through {@link Sql#ident}; the catalog reads take their values as parameters.
 */
public final class RetentionSql {

  /**
   * Whether a child is attached to a parent, and whether its detach is pending (an interrupted
   * {@code DETACH ... CONCURRENTLY}): no row when it is not a partition of that parent. Parameters:
   * parent oid, child schema, child name.
   */
  public static final String CHILD_STATE =
      """
      SELECT i.inhdetachpending
        FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE i.inhparent = ? AND n.nspname = ? AND c.relname = ?
      """;

  /** The children of a parent whose detach is pending. Parameter: parent oid. */
  public static final String PENDING_DETACH =
      """
      SELECT n.nspname, c.relname
        FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE i.inhparent = ? AND i.inhdetachpending
       ORDER BY c.relname
      """;

  /** The publications that list a table by name. Parameter: the table's oid. */
  public static final String PUBLICATIONS_OF =
      """
      SELECT p.pubname
        FROM pg_publication_rel r
        JOIN pg_publication p ON p.oid = r.prpubid
       WHERE r.prrelid = ?
       ORDER BY p.pubname
      """;

  /**
   * A table's indexes with the constraint each backs (primary key, unique, exclusion), or null.
   * Parameter: the table's oid.
   */
  public static final String INDEXES_OF =
      """
      SELECT ic.relname, con.conname
        FROM pg_index x
        JOIN pg_class ic ON ic.oid = x.indexrelid
        LEFT JOIN pg_constraint con
          ON con.conindid = x.indexrelid AND con.conrelid = x.indrelid
         AND con.contype IN ('p', 'u', 'x')
       WHERE x.indrelid = ?
       ORDER BY ic.relname
      """;

  /**
   * Which of the given names (tables, indexes, row types) a schema already holds. Parameters:
   * schema, text[] of names.
   */
  public static final String NAMES_TAKEN =
      """
      SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ? AND c.relname = ANY (?::text[])
      UNION
      SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = ? AND t.typname = ANY (?::text[])
      """;

  /** The names of a table's indexes. Parameter: oid[]; gives the table oid and the index name. */
  public static final String INDEX_NAMES =
      "SELECT x.indrelid, ic.relname FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid"
          + " WHERE x.indrelid = ANY (?::oid[])";

  /**
   * Whether a schema exists and the current role may create in it. Parameter: the schema name; no
   * row when it does not exist.
   */
  public static final String SCHEMA_USABLE =
      "SELECT has_schema_privilege(n.oid, 'CREATE') FROM pg_namespace n WHERE n.nspname = ?";

  /**
   * The partitioned tables of a tree (the root itself included), {@code schema.table}: the sets
   * whose configuration leaves with a retired sub-partitioned child. Parameter: the root's oid.
   */
  public static final String SUB_PARENTS =
      """
      SELECT n.nspname || '.' || c.relname
        FROM pg_partition_tree(?::oid::regclass) t
        JOIN pg_class c ON c.oid = t.relid
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE NOT t.isleaf
      """;

  /** {@code DELETE} of the configuration rows of the given sets (text[] parameter). */
  public static String deleteConfigs(String storeSchema) {
    return deleteConfigs(storeSchema, "?::text[]");
  }

  /** {@link #deleteConfigs(String)} with the sets written in, as a dry run shows it. */
  public static String deleteConfigs(String storeSchema, List<String> parents) {
    return deleteConfigs(storeSchema, Sql.textArray(parents));
  }

  private static String deleteConfigs(String storeSchema, String parents) {
    return "DELETE FROM "
        + Sql.qualified(storeSchema, "part_config")
        + " WHERE parent_table = ANY ("
        + parents
        + ") RETURNING parent_table";
  }

  private RetentionSql() {}

  /** The largest value of the control column in one child, as text ({@code max} uses an index). */
  public static String maxOf(TableName child, String column) {
    return "SELECT max(" + Sql.ident(column) + ")::text FROM " + DdlSql.table(child);
  }

  /** Cannot run inside a transaction block, nor on a parent with a default partition. */
  public static String detachConcurrently(TableName parent, TableName child) {
    return detach(parent, child) + " CONCURRENTLY";
  }

  /** Completes an interrupted concurrent detach; cannot run inside a transaction block. */
  public static String detachFinalize(TableName parent, TableName child) {
    return detach(parent, child) + " FINALIZE";
  }

  /** A plain detach: ACCESS EXCLUSIVE on the parent until the transaction ends. */
  public static String detach(TableName parent, TableName child) {
    return "ALTER TABLE " + DdlSql.table(parent) + " DETACH PARTITION " + DdlSql.table(child);
  }

  /** No CASCADE: a dependent view or foreign key stops the drop instead of vanishing with it. */
  public static String dropTable(TableName table) {
    return "DROP TABLE " + DdlSql.table(table);
  }

  /**
   * The statements of the plain drop of an attached child, for one transaction: ACCESS EXCLUSIVE on
   * the parent first (the lock DROP takes anyway, in DROP's order, so no deadlock with writers),
   * then a guard that fails with {@code division_by_zero} (22012) unless the child is still
   * attached to the parent and not pending detach, then the DROP. Under that lock nobody can detach
   * the child between the guard and the drop, so a table someone else detached meanwhile is never
   * dropped.
   */
  public static List<String> dropAttached(
      TableName parent, long parentOid, TableName child, long childOid) {
    return List.of(
        "LOCK TABLE ONLY " + DdlSql.table(parent) + " IN ACCESS EXCLUSIVE MODE",
        "SELECT 1 / count(*) FROM pg_catalog.pg_inherits WHERE inhparent = "
            + parentOid
            + " AND inhrelid = "
            + childOid
            + " AND NOT inhdetachpending",
        dropTable(child));
  }

  /**
   * {@link #dropAttached} for several children at once: one lock of the parent, a guard that fails
   * (division by zero) unless every child is still attached, and one {@code DROP TABLE} of them
   * all.
   */
  public static List<String> dropAllAttached(
      TableName parent, long parentOid, List<ChildTable> children) {
    String oids =
        children.stream().map(c -> Long.toString(c.oid())).collect(Collectors.joining(", "));
    String tables =
        children.stream().map(c -> DdlSql.table(c.name())).collect(Collectors.joining(", "));
    return List.of(
        "LOCK TABLE ONLY " + DdlSql.table(parent) + " IN ACCESS EXCLUSIVE MODE",
        "SELECT 1 / (count(*) = "
            + children.size()
            + ")::int FROM pg_catalog.pg_inherits WHERE inhparent = "
            + parentOid
            + " AND inhrelid IN ("
            + oids
            + ") AND NOT inhdetachpending",
        "DROP TABLE " + tables);
  }

  public static String setSchema(TableName table, String schema) {
    return "ALTER TABLE " + DdlSql.table(table) + " SET SCHEMA " + Sql.ident(schema);
  }

  public static String dropIndex(String schema, String index) {
    return "DROP INDEX " + Sql.qualified(schema, index);
  }

  public static String dropConstraint(TableName table, String constraint) {
    return "ALTER TABLE " + DdlSql.table(table) + " DROP CONSTRAINT " + Sql.ident(constraint);
  }

  public static String publicationDropTable(String publication, TableName table) {
    return "ALTER PUBLICATION " + Sql.ident(publication) + " DROP TABLE " + DdlSql.table(table);
  }
}
