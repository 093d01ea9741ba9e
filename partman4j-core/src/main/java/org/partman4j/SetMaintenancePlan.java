package org.partman4j;

import java.util.List;
import java.util.Objects;

/**
 * What maintenance would do to one set now (see {@link Partman#runMaintenanceDryRun()}).
 *
 * @param parentTable the set's parent, {@code schema.table}
 * @param childrenToCreate the children premake would create, oldest first
 * @param childrenToRetire the children retention would drop, detach or move, oldest first
 * @param constraintsToAdd the constraint-exclusion constraints that would be added
 * @param statements the set's statements in the order a run executes them: the children (with the
 *     moves of their rows out of the default), the constraints, then retention
 * @param error why a run would fail or skip this set, or null
 */
public record SetMaintenancePlan(
    String parentTable,
    List<String> childrenToCreate,
    List<String> childrenToRetire,
    List<String> constraintsToAdd,
    List<String> statements,
    String error) {

  public SetMaintenancePlan {
    Objects.requireNonNull(parentTable, "parentTable");
    childrenToCreate = List.copyOf(childrenToCreate);
    childrenToRetire = List.copyOf(childrenToRetire);
    constraintsToAdd = List.copyOf(constraintsToAdd);
    statements = List.copyOf(statements);
  }
}
