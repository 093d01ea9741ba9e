package org.partman4j;

import java.util.List;

/**
 * What {@link Partman#reapplyConstraints} did, or in a dry run would do.
 *
 * @param parentTable the set's parent
 * @param stopChild the newest child worked on (the one {@code applyConstraints} would choose), or
 *     null when the set has no such child (no data, or not enough children)
 * @param children the children worked on, oldest first, each in its own transactions
 * @param dropped the names of the constraints dropped (would be, in a dry run)
 * @param added the constraints added (would be, in a dry run)
 * @param statements every statement run (would be run, in a dry run), in order
 * @param dryRun whether this was a dry run, which changed nothing
 */
public record ReapplyConstraintsResult(
    String parentTable,
    String stopChild,
    List<String> children,
    List<String> dropped,
    List<AppliedConstraint> added,
    List<String> statements,
    boolean dryRun) {

  public ReapplyConstraintsResult {
    children = List.copyOf(children);
    dropped = List.copyOf(dropped);
    added = List.copyOf(added);
    statements = List.copyOf(statements);
  }
}
