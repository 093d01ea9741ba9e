package org.partman4j;

/**
 * Receives the progress of a {@link Partman#runMaintenance(String, MaintenanceListener)} call, for
 * a progress bar or metrics: once after each set, in the order the sets are worked on. Called on
 * the thread running the maintenance; it should return quickly. Exceptions it throws are logged and
 * otherwise ignored.
 */
@FunctionalInterface
public interface MaintenanceListener {

  /** Ignores everything. */
  MaintenanceListener NONE = p -> {};

  /** Called after each set, whether its maintenance worked or failed. */
  void setDone(MaintenanceProgress progress);
}
