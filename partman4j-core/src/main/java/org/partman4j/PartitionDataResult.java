package org.partman4j;

import java.time.Duration;
import java.util.List;

/**
 * What {@link Partman#partitionData} did.
 *
 * @param parentTable the set
 * @param sourceTable the table rows were moved out of (the default partition, or the given source)
 * @param rowsMoved rows moved, all of them committed
 * @param batches batches committed, one transaction each
 * @param childrenCreated children made for ranges that had none, in the order they were made
 * @param complete whether the source holds no more rows to move (false when the batch count ran
 *     out)
 * @param elapsed how long the call took
 */
public record PartitionDataResult(
    String parentTable,
    String sourceTable,
    long rowsMoved,
    long batches,
    List<String> childrenCreated,
    boolean complete,
    Duration elapsed) {

  public PartitionDataResult {
    childrenCreated = List.copyOf(childrenCreated);
  }

  /** Rows moved per second over the whole call. */
  public double rowsPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : rowsMoved / s;
  }
}
