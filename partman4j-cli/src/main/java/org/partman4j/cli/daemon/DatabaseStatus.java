package org.partman4j.cli.daemon;

import java.time.Instant;
import java.util.List;

/**
 * How one database stands, for /status.json and /readyz.
 *
 * @param name its configured name
 * @param connection {@code user@host:port/database}, never with the password
 * @param running whether a run is in progress
 * @param lastStart the start of the last run, or null
 * @param lastFinish the end of the last run, or null
 * @param lastStatus {@code completed}, {@code failed}, {@code already_running}, {@code replica} or
 *     {@code stopped}; null before the first run
 * @param lastError why the last run failed as a whole, or null
 * @param lastSuccess the end of the last run that maintained the database, or null
 * @param failuresInRow runs that failed as a whole since the last good one
 * @param nextRun when the next run starts
 * @param runs the runs since the daemon started
 * @param sets every set's standing after the last run that maintained the database
 * @param warnings problems of the last run beside the sets' own
 */
public record DatabaseStatus(
    String name,
    String connection,
    boolean running,
    Instant lastStart,
    Instant lastFinish,
    String lastStatus,
    String lastError,
    Instant lastSuccess,
    int failuresInRow,
    Instant nextRun,
    long runs,
    List<SetStatus> sets,
    List<String> warnings) {

  /** Ready: the last run did not fail as a whole. */
  public boolean ready() {
    return lastStatus != null && !"failed".equals(lastStatus);
  }
}
