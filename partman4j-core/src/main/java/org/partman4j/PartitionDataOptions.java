package org.partman4j;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@link Partman#partitionData} moves rows: pg_partman's {@code partition_data_proc} arguments,
 * with its defaults unless noted. Immutable; each setter returns a changed copy.
 *
 * <pre>{@code
 * PartitionDataOptions options =
 *     PartitionDataOptions.defaults()
 *         .sourceTable("legacy.events")       // else the set's default partition
 *         .batchInterval("1 hour")            // smaller batches than one child
 *         .lockWait(Duration.ofSeconds(2), 10)
 *         .workers(4)
 *         .listener(p -> System.out.println(p.rowsMoved()));
 * }</pre>
 */
public final class PartitionDataOptions {

  /** Tries of a batch whose rows stay locked, as {@code partition_data_proc}'s default. */
  public static final int DEFAULT_LOCK_WAIT_TRIES = 10;

  private String sourceTable;
  private String batchInterval;
  private long batchCount;
  private boolean descending;
  private List<String> ignoredColumns = List.of();
  private Duration lockWait = Duration.ZERO;
  private int lockWaitTries = DEFAULT_LOCK_WAIT_TRIES;
  private Duration wait = Duration.ZERO;
  private boolean analyze = true;
  private int workers = 1;
  private DataProgressListener listener = DataProgressListener.NONE;

  private PartitionDataOptions() {}

  /** Everything at its default: out of the default partition, one child per batch, until done. */
  public static PartitionDataOptions defaults() {
    return new PartitionDataOptions();
  }

  private PartitionDataOptions copy() {
    PartitionDataOptions o = new PartitionDataOptions();
    o.sourceTable = sourceTable;
    o.batchInterval = batchInterval;
    o.batchCount = batchCount;
    o.descending = descending;
    o.ignoredColumns = ignoredColumns;
    o.lockWait = lockWait;
    o.lockWaitTries = lockWaitTries;
    o.wait = wait;
    o.analyze = analyze;
    o.workers = workers;
    o.listener = listener;
    return o;
  }

  /**
   * The table to move rows out of ({@code schema.table}, any schema), instead of the set's default
   * partition ({@code p_source_table}). It keeps its rows until they are moved; it is never
   * dropped.
   */
  public PartitionDataOptions sourceTable(String table) {
    PartitionDataOptions o = copy();
    o.sourceTable = table;
    return o;
  }

  /**
   * The range one batch moves ({@code p_interval}): an interval for time sets ({@code "1 hour"}), a
   * whole number for id sets; larger values are cut to the partition interval. Out of the default
   * partition only the partition interval itself is allowed, since a child can be attached only
   * once all its rows have left the default. Null (the default) means the partition interval.
   */
  public PartitionDataOptions batchInterval(String interval) {
    PartitionDataOptions o = copy();
    o.batchInterval = interval;
    return o;
  }

  /**
   * The most batches to run ({@code p_loop_count}); 0 (the default) runs until the source is empty.
   */
  public PartitionDataOptions batchCount(long count) {
    PartitionDataOptions o = copy();
    o.batchCount = count;
    return o;
  }

  /** Newest rows first ({@code p_order => 'DESC'}) instead of oldest first. */
  public PartitionDataOptions descending(boolean descending) {
    PartitionDataOptions o = copy();
    o.descending = descending;
    return o;
  }

  /**
   * Columns to leave out of the copy ({@code p_ignored_columns}); their values are made anew by the
   * child. Needed for {@code GENERATED ALWAYS AS (…) STORED} columns, which partitionData names
   * when they are not given.
   */
  public PartitionDataOptions ignoredColumns(List<String> columns) {
    PartitionDataOptions o = copy();
    o.ignoredColumns = List.copyOf(columns);
    return o;
  }

  /**
   * How long a batch waits for locks on its rows before it gives up, rolls back and is tried again,
   * and how many times it is tried ({@code p_lock_wait}, {@code p_lock_wait_tries}). Zero (the
   * default) waits as long as the session's lock timeout.
   */
  public PartitionDataOptions lockWait(Duration wait, int tries) {
    PartitionDataOptions o = copy();
    o.lockWait = Objects.requireNonNull(wait, "wait");
    o.lockWaitTries = tries;
    return o;
  }

  /** A pause after each batch, to leave room to other work ({@code p_wait}); none by default. */
  public PartitionDataOptions waitBetweenBatches(Duration wait) {
    PartitionDataOptions o = copy();
    o.wait = Objects.requireNonNull(wait, "wait");
    return o;
  }

  /** Whether to ANALYZE the parent at the end when rows were moved; true by default. */
  public PartitionDataOptions analyze(boolean analyze) {
    PartitionDataOptions o = copy();
    o.analyze = analyze;
    return o;
  }

  /**
   * How many sessions move rows at once, each taking a different child's range (1 by default).
   * Moving out of the default partition always uses one, since attaching each new child locks the
   * default.
   */
  public PartitionDataOptions workers(int workers) {
    PartitionDataOptions o = copy();
    o.workers = workers;
    return o;
  }

  /** Receives progress after each batch. */
  public PartitionDataOptions listener(DataProgressListener listener) {
    PartitionDataOptions o = copy();
    o.listener = Objects.requireNonNull(listener, "listener");
    return o;
  }

  public String sourceTable() {
    return sourceTable;
  }

  public String batchInterval() {
    return batchInterval;
  }

  public long batchCount() {
    return batchCount;
  }

  public boolean descending() {
    return descending;
  }

  public List<String> ignoredColumns() {
    return ignoredColumns;
  }

  public Duration lockWait() {
    return lockWait;
  }

  public int lockWaitTries() {
    return lockWaitTries;
  }

  public Duration waitBetweenBatches() {
    return wait;
  }

  public boolean analyze() {
    return analyze;
  }

  public int workers() {
    return workers;
  }

  public DataProgressListener listener() {
    return listener;
  }
}
