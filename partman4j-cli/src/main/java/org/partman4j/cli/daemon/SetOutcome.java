package org.partman4j.cli.daemon;

import java.util.List;

/**
 * What maintenance did to one set.
 *
 * @param parentTable the set's parent, {@code schema.table}
 * @param childrenCreated the children it created, {@code schema.table}
 * @param childrenDropped how many children retention dropped
 * @param childrenDetached how many children retention detached (kept as tables) or moved
 * @param rowsMoved rows moved out of the default partition
 * @param error why the set failed, or null
 */
public record SetOutcome(
    String parentTable,
    List<String> childrenCreated,
    int childrenDropped,
    int childrenDetached,
    long rowsMoved,
    String error) {

  public SetOutcome {
    childrenCreated = List.copyOf(childrenCreated);
  }

  /** Whether the set failed. */
  public boolean failed() {
    return error != null;
  }
}
