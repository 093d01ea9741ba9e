package org.partman4j.catalog;

import java.util.List;
import java.util.Optional;
import org.partman4j.model.TableName;

/**
 * What the catalog says about a table that is (or should be) a partitioned parent, read in one
 * snapshot together with its children.
 *
 * @param name schema and table as asked for
 * @param oid the table's oid
 * @param relkind {@code p} for a partitioned table, {@code r} for a plain one, …
 * @param strategy null when the table is not partitioned
 * @param key the partition key's columns (one for every set this tool manages)
 * @param tablespace the table's own tablespace, null for the database default
 * @param owner the owning role
 * @param unlogged whether the table is UNLOGGED
 * @param replicaIdentity {@code d}efault, {@code f}ull, {@code n}othing or {@code i}ndex
 * @param children every partition, the default included, in no particular order
 */
public record ParentTable(
    TableName name,
    long oid,
    String relkind,
    PartitionStrategy strategy,
    List<KeyColumn> key,
    String tablespace,
    String owner,
    boolean unlogged,
    String replicaIdentity,
    List<ChildTable> children) {

  public ParentTable {
    key = List.copyOf(key);
    children = List.copyOf(children);
  }

  public boolean isPartitioned() {
    return strategy != null;
  }

  /** The default partition, if the parent has one. */
  public Optional<ChildTable> defaultPartition() {
    return children.stream().filter(ChildTable::isDefault).findFirst();
  }

  /** The children that are not the default. */
  public List<ChildTable> nonDefaultChildren() {
    return children.stream().filter(c -> !c.isDefault()).toList();
  }
}
