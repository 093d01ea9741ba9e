package org.partman4j;

import java.util.List;

/**
 * What {@link Partman#createPartition} did.
 *
 * @param parentTable the set's parent
 * @param created the children this call created, ascending
 * @param alreadyThere children asked for that already existed
 */
public record CreatePartitionResult(
    String parentTable, List<String> created, List<String> alreadyThere) {

  public CreatePartitionResult {
    created = List.copyOf(created);
    alreadyThere = List.copyOf(alreadyThere);
  }
}
