package org.partman4j.cli.daemon;

/**
 * Runs maintenance on one database: the seam between the daemon's scheduling and the library's
 * maintenance. The daemon holds its own advisory lock around every call, so an implementation needs
 * no coordination of its own between daemon instances.
 */
public interface DatabaseMaintenance {

  /**
   * Maintains every set whose {@code automatic_maintenance} is on, or only {@code parentTable} when
   * it is not null. A failing set is reported in its {@link SetOutcome}, not thrown.
   *
   * @throws RuntimeException when the run as a whole cannot be done (no connection, no store)
   */
  MaintenanceOutcome run(String parentTable);
}
