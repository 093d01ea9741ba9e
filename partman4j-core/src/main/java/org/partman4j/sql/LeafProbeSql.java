package org.partman4j.sql;

import java.util.List;
import org.partman4j.model.TableName;

/**
 * Probes that read a sub-partitioned child through its leaves, a bounded number per statement,
 * instead of through the child itself (whose plan would lock every table under it at once).
 */
public final class LeafProbeSql {

  private LeafProbeSql() {}

  /**
   * The leaves under partitioned tables, found through {@code pg_inherits} (which takes no lock on
   * them, unlike {@code pg_partition_tree}). Parameters: text[] schemas, text[] names; rows: (input
   * position from 0, leaf schema, leaf name), and one row (position, NULL, NULL) per partitioned
   * input. Inputs that are not partitioned give no rows.
   */
  public static final String LEAVES =
      """
      WITH RECURSIVE input(k, oid) AS (
        SELECT u.k - 1, c.oid
          FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS u(s, t, k)
          JOIN pg_catalog.pg_namespace n ON n.nspname = u.s
          JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = u.t
         WHERE c.relkind = 'p'
      ), tree(k, oid) AS (
        SELECT input.k, i.inhrelid FROM input JOIN pg_catalog.pg_inherits i ON i.inhparent = input.oid
        UNION ALL
        SELECT tree.k, i.inhrelid FROM tree JOIN pg_catalog.pg_inherits i ON i.inhparent = tree.oid
      )
      SELECT tree.k, n.nspname, c.relname
        FROM tree
        JOIN pg_catalog.pg_class c ON c.oid = tree.oid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind <> 'p'
      UNION ALL
      SELECT k, NULL, NULL FROM input
       ORDER BY 1, 2, 3
      """;

  /**
   * The leaf holding the largest control value among {@code leaves} (all of one set, so of one
   * type) and that value as text (through the decoder when given): one row {@code (position,
   * value)}, or none when all are empty.
   */
  public static String newestOf(List<TableName> leaves, String control, String decoderSql) {
    String col = Sql.ident(control);
    StringBuilder b = new StringBuilder("SELECT j, ");
    b.append(decoderSql == null ? "v::text" : "(" + decoderSql + "(v::text))::text");
    b.append(" FROM (");
    for (int j = 0; j < leaves.size(); j++) {
      if (j > 0) {
        b.append(" UNION ALL ");
      }
      b.append("SELECT ").append(j).append(" AS j, (SELECT ").append(col).append(" FROM ");
      b.append(Sql.qualified(leaves.get(j).schema(), leaves.get(j).table()));
      b.append(" WHERE ").append(col).append(" IS NOT NULL ORDER BY ").append(col);
      b.append(" DESC LIMIT 1) AS v");
    }
    b.append(") s WHERE v IS NOT NULL ORDER BY v DESC LIMIT 1");
    return b.toString();
  }
}
