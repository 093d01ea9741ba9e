package org.partman4j.catalog;

import org.partman4j.model.TableName;

/**
 * A partition of a parent, as the catalog knows it.
 *
 * @param name schema and table
 * @param oid the table's oid
 * @param partitioned true when the child is itself partitioned (a sub-parent)
 * @param bound its bound, parsed from {@code pg_get_expr(relpartbound)}
 * @param boundExpression the bound's text as PostgreSQL prints it
 */
public record ChildTable(
    TableName name, long oid, boolean partitioned, PartitionBound bound, String boundExpression) {

  public boolean isDefault() {
    return bound instanceof PartitionBound.Default;
  }
}
