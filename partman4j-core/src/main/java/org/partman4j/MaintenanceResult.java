package org.partman4j;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link Partman#runMaintenance()} call did.
 *
 * @param status whether the run worked on the sets, or why it did not
 * @param message why the run ended as it did ("2 sets, 5 children created, 1 set failed", "another
 *     maintainer is running on this database", …)
 * @param sets one result per set worked on, in the order they were worked on ({@code
 *     maintenance_order}, then name); empty unless {@link Status#COMPLETED}
 * @param elapsed how long the call took
 */
public record MaintenanceResult(
    Status status, String message, List<SetMaintenanceResult> sets, Duration elapsed) {

  /** How a maintenance run ended. */
  public enum Status {
    /** Every set was worked on; each set's own result says whether it failed. */
    COMPLETED,
    /**
     * Another maintainer (partman4j, or pg_partman's {@code run_maintenance}) holds the database's
     * maintenance lock; nothing was done. Not an error: the other run does the work.
     */
    ALREADY_RUNNING,
    /** The database is a replica ({@code pg_is_in_recovery()}); nothing was done. */
    REPLICA
  }

  public MaintenanceResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    sets = List.copyOf(sets);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** The sets whose maintenance failed. */
  public List<SetMaintenanceResult> failures() {
    return sets.stream().filter(s -> s.error() != null).toList();
  }

  /** The children created in all sets. */
  public int childrenCreated() {
    return sets.stream().mapToInt(s -> s.childrenCreated().size()).sum();
  }
}
