package org.partman4j.sql;

import org.partman4j.model.TableName;

/** The SQL of turning existing children into sub-partitioned ones (createSubParent). */
public final class SubPartitionSql {

  private SubPartitionSql() {}

  /** The comment that marks a table holding a converted child's rows (and proves it is ours). */
  public static String holdMarker(TableName child) {
    return "partman4j: rows of " + child + " waiting to move back into its sub-partitions";
  }

  /** {@code ALTER TABLE t RENAME TO name}. */
  public static String rename(TableName table, String newName) {
    return "ALTER TABLE " + DdlSql.table(table) + " RENAME TO " + Sql.ident(newName);
  }

  /** {@code COMMENT ON TABLE t IS 'text'}. */
  public static String comment(TableName table, String text) {
    return "COMMENT ON TABLE " + DdlSql.table(table) + " IS " + Sql.literal(text);
  }

  /** The comment of a relation, or no row when it does not exist; parameters: schema, name. */
  public static final String COMMENT_OF =
      """
      SELECT coalesce(obj_description(c.oid, 'pg_class'), '')
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ? AND c.relname = ?
      """;

  /** The partition key of a partitioned table: strategy and column names; parameter: oid. */
  public static final String KEY_OF =
      """
      SELECT p.partstrat::text, a.attname
        FROM pg_catalog.pg_partitioned_table p
        LEFT JOIN pg_catalog.pg_attribute a
          ON a.attrelid = p.partrelid AND a.attnum = ANY (p.partattrs::int2[])
       WHERE p.partrelid = ?
      """;

  /** Whether a partitioned table has partitions; parameter: its oid. */
  public static final String HAS_PARTITIONS =
      "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE inhparent = ?)";
}
