package org.partman4j.ddl;

import java.util.Objects;

/**
 * How the children of a set are themselves partitioned (its {@code part_config_sub} row): each new
 * child is created {@code PARTITION BY RANGE|LIST (column)}.
 *
 * @param column the sub-set's control column
 * @param list whether the sub-sets are LIST partitioned (else RANGE)
 */
public record SubPartitionKey(String column, boolean list) {

  public SubPartitionKey {
    Objects.requireNonNull(column, "column");
  }
}
