package org.partman4j;

import java.time.Duration;

/**
 * Where a running {@link Partman#partitionData} or {@link Partman#undoPartition} stands, after each
 * batch.
 *
 * @param parentTable the set
 * @param rowsMoved rows moved so far by this call
 * @param batches batches committed so far
 * @param childrenCreated children made so far
 * @param elapsed time since the call started
 * @param rowsPerSecond rows moved per second so far
 * @param rowsTotalEstimate rows the source held when the call started (the planner's estimate, or a
 *     count when the table was never analyzed); -1 when unknown
 * @param estimatedRemaining the time left at the rate so far, or null when it cannot be told
 */
public record DataProgress(
    String parentTable,
    long rowsMoved,
    long batches,
    int childrenCreated,
    Duration elapsed,
    double rowsPerSecond,
    long rowsTotalEstimate,
    Duration estimatedRemaining) {}
