package org.partman4j;

import java.util.List;

/**
 * What {@link Partman#createSubParent} did.
 *
 * @param topParent the set whose children are sub-partitioned
 * @param subSets the children now registered as sub-sets, in order
 * @param converted the children that were plain tables and were rebuilt as partitioned ones
 * @param rowsMoved rows moved out of converted children and back into their sub-children
 * @param existingConfig whether the part_config_sub row was there already (a rerun)
 */
public record SubParentResult(
    String topParent,
    List<String> subSets,
    List<String> converted,
    long rowsMoved,
    boolean existingConfig) {

  public SubParentResult {
    subSets = List.copyOf(subSets);
    converted = List.copyOf(converted);
  }
}
