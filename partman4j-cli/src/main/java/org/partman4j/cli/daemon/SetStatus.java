package org.partman4j.cli.daemon;

/**
 * How one partition set stands after the last run, for /status.json and /metrics.
 *
 * @param parentTable the parent, {@code schema.table}
 * @param children its children, without the default partition
 * @param rowsInDefault rows in its default partition, or null when it has none
 * @param runwaySeconds for time sets, seconds from now to the end of the newest child; else null
 * @param newestChild the child with the highest bound, {@code schema.table}, or null
 * @param lastOutcome {@code ok} or {@code failed} in the last run that reached it, or null
 * @param lastError the error of the last run that reached it, or null
 * @param consecutiveFailures its failed runs in a row, counted across instances
 */
public record SetStatus(
    String parentTable,
    int children,
    Long rowsInDefault,
    Long runwaySeconds,
    String newestChild,
    String lastOutcome,
    String lastError,
    int consecutiveFailures) {

  /** Whether it failed often enough in a row to need a person (pg_jobmon's default: 3). */
  public boolean alert() {
    return consecutiveFailures >= JobHistory.ALERT_AFTER;
  }
}
