package org.partman4j;

import java.util.List;

/**
 * What {@link Partman#partitionGapFill} did.
 *
 * @param parentTable the set's parent
 * @param created the children made to fill the gaps, oldest first
 */
public record GapFillResult(String parentTable, List<String> created) {

  public GapFillResult {
    created = List.copyOf(created);
  }

  /** How many children were made: the number pg_partman's {@code partition_gap_fill} returns. */
  public int count() {
    return created.size();
  }
}
