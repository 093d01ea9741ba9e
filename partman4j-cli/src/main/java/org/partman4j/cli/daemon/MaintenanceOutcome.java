package org.partman4j.cli.daemon;

import java.time.Duration;
import java.util.List;

/**
 * What one maintenance call did.
 *
 * @param status whether it ran, or why not
 * @param message a sentence for people
 * @param sets what each set saw, in the order they were done
 * @param elapsed how long it took
 */
public record MaintenanceOutcome(
    Status status, String message, List<SetOutcome> sets, Duration elapsed) {

  /** Whether a maintenance ran. */
  public enum Status {
    /** It ran; see the sets for failures. */
    COMPLETED,
    /** Another maintainer was working on the database; nothing was done. */
    ALREADY_RUNNING,
    /** The server is a standby, where nothing can be changed; nothing was done. */
    REPLICA
  }

  public MaintenanceOutcome {
    sets = List.copyOf(sets);
  }

  /** The children created by all sets. */
  public int childrenCreated() {
    return sets.stream().mapToInt(s -> s.childrenCreated().size()).sum();
  }

  /** The children dropped by all sets. */
  public int childrenDropped() {
    return sets.stream().mapToInt(SetOutcome::childrenDropped).sum();
  }

  /** The sets that failed. */
  public long failures() {
    return sets.stream().filter(SetOutcome::failed).count();
  }
}
