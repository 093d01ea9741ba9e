package org.partman4j;

import java.util.List;

/**
 * What one retention pass did to a set ({@link Partman#dropPartitionTime}, {@link
 * Partman#dropPartitionId}, or the retention step of maintenance). Child names are unqualified, in
 * the order they were retired (oldest first).
 *
 * @param parentTable the set's parent, {@code schema.table}
 * @param dropped children detached (when PostgreSQL allowed it concurrently) and dropped
 * @param detached children detached and kept under their names ({@code retention_keep_table})
 * @param moved children detached and moved to {@link #retentionSchema()}
 * @param retentionSchema the schema children were moved to, or null when none were to be moved
 * @param finalized children whose interrupted {@code DETACH ... CONCURRENTLY} this pass completed
 *     with {@code FINALIZE}; a finalized child that retention did not want stays detached under its
 *     name, as whoever started the detach intended
 * @param configsRemoved part_config rows removed with the children (sub-partitioned children)
 * @param keptLast the child that qualified but was kept because it is the set's last, or null
 * @param concurrent whether children were detached with {@code CONCURRENTLY} (false when the set
 *     has a default partition, which PostgreSQL does not allow)
 */
public record RetentionOutcome(
    String parentTable,
    List<String> dropped,
    List<String> detached,
    List<String> moved,
    String retentionSchema,
    List<String> finalized,
    List<String> configsRemoved,
    String keptLast,
    boolean concurrent) {

  public RetentionOutcome {
    dropped = List.copyOf(dropped);
    detached = List.copyOf(detached);
    moved = List.copyOf(moved);
    finalized = List.copyOf(finalized);
    configsRemoved = List.copyOf(configsRemoved);
  }

  /** A pass that retired nothing. */
  public static RetentionOutcome none(String parentTable) {
    return new RetentionOutcome(
        parentTable, List.of(), List.of(), List.of(), null, List.of(), List.of(), null, false);
  }

  /**
   * How many children left the set: pg_partman's return value of {@code drop_partition_time} and
   * {@code drop_partition_id}.
   */
  public int count() {
    return dropped.size() + detached.size() + moved.size();
  }
}
