package org.partman4j;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Partman#status} found.
 *
 * @param takenAt the database's {@code now()} the runways were computed from
 * @param jobHistory whether {@code partman daemon}'s job history was there to read last errors from
 * @param sets one entry per part_config row, by parent name
 */
public record StatusReport(Instant takenAt, boolean jobHistory, List<SetStatus> sets) {

  public StatusReport {
    Objects.requireNonNull(takenAt, "takenAt");
    sets = List.copyOf(sets);
  }
}
