package org.partman4j.ddl;

import org.partman4j.model.TableName;

/**
 * One step of making a child. Most are SQL known in advance; two depend on what the child looks
 * like once made, so the executor renders them in the transaction, after the steps before them.
 */
public sealed interface Step {

  /** SQL to run as it is. */
  record Run(String sql) implements Step {}

  /**
   * Give the child the parent's grants and owner (pg_partman's {@code apply_privileges}), computed
   * against the grants the child actually got when it was created (default privileges included).
   */
  record ApplyPrivileges(TableName child) implements Step {}

  /**
   * {@code REPLICA IDENTITY USING INDEX} the child's own index that PostgreSQL attached to the
   * parent's replica identity index; it exists, with a name PostgreSQL chose, only after ATTACH.
   *
   * @param parentIndexOid the parent's replica identity index
   * @param parentIndexName its name, for messages and dry runs
   */
  record ReplicaIdentityIndex(TableName child, long parentIndexOid, String parentIndexName)
      implements Step {}

  /**
   * Move the rows of the new child's range out of the set's default partition into the child,
   * before it is attached (so the ATTACH finds the default free of them). Rendered in the
   * transaction, which reads the parent's writable columns.
   *
   * @param defaultPartition the set's default partition
   * @param child the new child
   * @param control the partition key column
   */
  record MoveRows(TableName defaultPartition, TableName child, String control) implements Step {}
}
