package org.partman4j;

import java.time.Instant;
import java.util.Objects;

/**
 * Which child a value belongs in, as {@link Partman#showPartitionName} answers it (pg_partman's
 * {@code show_partition_name}).
 *
 * @param schema the child's schema (the parent's)
 * @param table the child's name, cut to 63 bytes as pg_partman cuts it
 * @param suffixTimestamp for sets partitioned by time, the child's start; else null
 * @param suffixId for id sets, the child's start; else null
 * @param tableExists whether a table or partitioned table of that name exists in that schema (it
 *     need not be attached to the set)
 */
public record PartitionLocation(
    String schema, String table, Instant suffixTimestamp, Long suffixId, boolean tableExists) {

  public PartitionLocation {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(table, "table");
  }

  /** {@code schema.table}, unquoted. */
  public String qualifiedName() {
    return schema + "." + table;
  }
}
