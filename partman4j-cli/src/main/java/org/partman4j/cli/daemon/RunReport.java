package org.partman4j.cli.daemon;

import java.util.List;

/**
 * The result of one scheduled run of a database.
 *
 * @param status {@code completed}, {@code already_running}, {@code replica} or {@code stopped}
 * @param outcome what maintenance did, or null when it did not run
 * @param sets every set's standing after the run; empty when the run did not reach them
 * @param warnings problems beside the sets' own (a subscription that could not be refreshed)
 */
record RunReport(
    String status, MaintenanceOutcome outcome, List<SetStatus> sets, List<String> warnings) {

  RunReport {
    sets = List.copyOf(sets);
    warnings = List.copyOf(warnings);
  }

  /** Whether maintenance ran (completed, or stopped part-way), as opposed to being skipped. */
  boolean maintained() {
    return outcome != null && outcome.status() == MaintenanceOutcome.Status.COMPLETED;
  }
}
