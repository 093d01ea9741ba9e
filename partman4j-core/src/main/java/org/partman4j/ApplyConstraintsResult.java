package org.partman4j;

import java.util.List;

/**
 * What {@link Partman#applyConstraints} did.
 *
 * @param parentTable the set's parent
 * @param childTable the child worked on ({@code schema.table}); null when the set has no {@code
 *     constraint_cols}, or when no child was chosen (see {@code reason})
 * @param added the constraints added
 * @param allNullColumns configured columns that hold only NULLs in the child, so got no constraint
 * @param alreadyConstrained configured columns that already had a partman constraint
 * @param reason why nothing was looked at, or null when a child was worked on
 */
public record ApplyConstraintsResult(
    String parentTable,
    String childTable,
    List<AppliedConstraint> added,
    List<String> allNullColumns,
    List<String> alreadyConstrained,
    String reason) {

  public ApplyConstraintsResult {
    added = List.copyOf(added);
    allNullColumns = List.copyOf(allNullColumns);
    alreadyConstrained = List.copyOf(alreadyConstrained);
  }
}
