package org.partman4j;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@link Partman#undoPartition} moves a set's rows back into one table: pg_partman's {@code
 * undo_partition_proc} arguments, with its defaults unless noted. Immutable; each setter returns a
 * changed copy.
 *
 * <pre>{@code
 * UndoOptions options = UndoOptions.into("public.events_flat").keepTable(false).batchInterval("1 hour");
 * }</pre>
 */
public final class UndoOptions {

  private final String targetTable;
  private boolean keepTable = true;
  private String batchInterval;
  private long loopCount;
  private Duration lockWait = Duration.ZERO;
  private int lockWaitTries = PartitionDataOptions.DEFAULT_LOCK_WAIT_TRIES;
  private Duration wait = Duration.ZERO;
  private List<String> ignoredColumns = List.of();
  private boolean dropCascade;
  private DataProgressListener listener = DataProgressListener.NONE;

  private UndoOptions(String targetTable) {
    this.targetTable = Objects.requireNonNull(targetTable, "targetTable");
  }

  /** Undo into {@code targetTable} ({@code schema.table}), which must exist. */
  public static UndoOptions into(String targetTable) {
    return new UndoOptions(targetTable);
  }

  private UndoOptions copy() {
    UndoOptions o = new UndoOptions(targetTable);
    o.keepTable = keepTable;
    o.batchInterval = batchInterval;
    o.loopCount = loopCount;
    o.lockWait = lockWait;
    o.lockWaitTries = lockWaitTries;
    o.wait = wait;
    o.ignoredColumns = ignoredColumns;
    o.dropCascade = dropCascade;
    o.listener = listener;
    return o;
  }

  /** Keep the emptied children as detached tables (true, the default), or drop them. */
  public UndoOptions keepTable(boolean keep) {
    UndoOptions o = copy();
    o.keepTable = keep;
    return o;
  }

  /**
   * The range of control values one batch moves: an interval for time sets, a whole number for id
   * sets; null (the default) means the partition interval.
   */
  public UndoOptions batchInterval(String interval) {
    UndoOptions o = copy();
    o.batchInterval = interval;
    return o;
  }

  /** The most batches to run; 0 (the default) runs until no child is left. */
  public UndoOptions loopCount(long count) {
    UndoOptions o = copy();
    o.loopCount = count;
    return o;
  }

  /** How long a batch or detach waits for its locks, and how many times it is tried. */
  public UndoOptions lockWait(Duration wait, int tries) {
    UndoOptions o = copy();
    o.lockWait = Objects.requireNonNull(wait, "wait");
    o.lockWaitTries = tries;
    return o;
  }

  /** A pause after each batch. */
  public UndoOptions waitBetweenBatches(Duration wait) {
    UndoOptions o = copy();
    o.wait = Objects.requireNonNull(wait, "wait");
    return o;
  }

  /** Columns of the target to leave out of the copy (its generated columns, say). */
  public UndoOptions ignoredColumns(List<String> columns) {
    UndoOptions o = copy();
    o.ignoredColumns = List.copyOf(columns);
    return o;
  }

  /** Drop emptied children with CASCADE (when they are not kept). */
  public UndoOptions dropCascade(boolean cascade) {
    UndoOptions o = copy();
    o.dropCascade = cascade;
    return o;
  }

  /** Receives progress after each batch. */
  public UndoOptions listener(DataProgressListener listener) {
    UndoOptions o = copy();
    o.listener = Objects.requireNonNull(listener, "listener");
    return o;
  }

  public String targetTable() {
    return targetTable;
  }

  public boolean keepTable() {
    return keepTable;
  }

  public String batchInterval() {
    return batchInterval;
  }

  public long loopCount() {
    return loopCount;
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

  public List<String> ignoredColumns() {
    return ignoredColumns;
  }

  public boolean dropCascade() {
    return dropCascade;
  }

  public DataProgressListener listener() {
    return listener;
  }
}
