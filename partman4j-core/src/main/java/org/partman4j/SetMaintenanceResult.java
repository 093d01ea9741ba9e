package org.partman4j;

import java.util.List;
import java.util.Objects;

/**
 * What maintenance did to one partition set. A set whose maintenance failed keeps what was done
 * before the failure (each child is made in its own transaction) and names the failure in {@link
 * #error()}.
 *
 * @param parentTable the set's parent, {@code schema.table}
 * @param childrenCreated the children created, oldest first
 * @param rowsMovedFromDefault rows moved out of the default partition into new children (a new
 *     child whose range already had rows in the default)
 * @param childrenDetached children detached by retention and kept as tables
 * @param childrenDropped children dropped by retention
 * @param childrenMoved children detached by retention and moved to the retention schema
 * @param constraintsAdded constraint-exclusion constraints added to older children
 * @param error why the set's maintenance failed, or null when it did not
 */
public record SetMaintenanceResult(
    String parentTable,
    List<String> childrenCreated,
    long rowsMovedFromDefault,
    List<String> childrenDetached,
    List<String> childrenDropped,
    List<String> childrenMoved,
    List<String> constraintsAdded,
    String error) {

  public SetMaintenanceResult {
    Objects.requireNonNull(parentTable, "parentTable");
    childrenCreated = List.copyOf(childrenCreated);
    childrenDetached = List.copyOf(childrenDetached);
    childrenDropped = List.copyOf(childrenDropped);
    childrenMoved = List.copyOf(childrenMoved);
    constraintsAdded = List.copyOf(constraintsAdded);
  }

  /** Whether the set's maintenance failed. */
  public boolean failed() {
    return error != null;
  }
}
