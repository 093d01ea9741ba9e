package org.partman4j.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.partman4j.DataProgress;
import org.partman4j.DataProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts what a data move has done, from any of its workers, and tells the listener. */
final class MoveProgress {

  private static final Logger log = LoggerFactory.getLogger(MoveProgress.class);

  private final String parentTable;
  private final DataProgressListener listener;
  private final long totalEstimate;
  private final long startNanos = System.nanoTime();
  private final List<String> created = new ArrayList<>();
  private long rows;
  private long batches;

  MoveProgress(String parentTable, DataProgressListener listener, long totalEstimate) {
    this.parentTable = parentTable;
    this.listener = listener;
    this.totalEstimate = totalEstimate;
  }

  synchronized void childCreated(String name) {
    created.add(name);
  }

  /** A committed batch of {@code moved} rows. */
  synchronized void batch(long moved) {
    rows += moved;
    batches++;
    Duration elapsed = elapsed();
    double seconds = elapsed.toNanos() / 1e9;
    double rate = seconds <= 0 ? 0 : rows / seconds;
    Duration left = null;
    if (totalEstimate >= 0 && rate > 0) {
      long remaining = Math.max(0, totalEstimate - rows);
      left = Duration.ofMillis((long) (remaining / rate * 1000));
    }
    log.debug("{}: batch {} moved {} rows, {} in all", parentTable, batches, moved, rows);
    try {
      listener.progress(
          new DataProgress(
              parentTable, rows, batches, created.size(), elapsed, rate, totalEstimate, left));
    } catch (RuntimeException e) {
      log.warn("{}: the progress listener failed: {}", parentTable, e.toString());
    }
  }

  synchronized long rows() {
    return rows;
  }

  synchronized long batches() {
    return batches;
  }

  synchronized List<String> created() {
    return List.copyOf(created);
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
