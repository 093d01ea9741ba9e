package org.partman4j;

/**
 * Receives progress of data moves, for a progress bar or metrics. Called from the thread that
 * committed the batch (one of several with parallel workers, never two at once); it should return
 * quickly. Exceptions it throws are logged and otherwise ignored.
 */
@FunctionalInterface
public interface DataProgressListener {

  /** Ignores everything. */
  DataProgressListener NONE = p -> {};

  /** Called after each committed batch. */
  void progress(DataProgress progress);
}
