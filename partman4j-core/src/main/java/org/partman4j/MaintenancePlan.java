package org.partman4j;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Partman#runMaintenanceDryRun()} found a maintenance run would do now, without doing
 * it.
 *
 * @param message a summary ("2 sets: 3 children to create, 1 to retire"), or why a run would do
 *     nothing (a replica)
 * @param sets one plan per set a run would work on, in the order it would work on them
 * @param statements every statement of the run in order: each set's, then the {@code
 *     maintenance_last_run} update
 */
public record MaintenancePlan(
    String message, List<SetMaintenancePlan> sets, List<String> statements) {

  public MaintenancePlan {
    Objects.requireNonNull(message, "message");
    sets = List.copyOf(sets);
    statements = List.copyOf(statements);
  }
}
