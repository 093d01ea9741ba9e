package org.partman4j.cli.daemon;

import org.partman4j.Partman;

/** Makes the {@link DatabaseMaintenance} of one database from its library instance. */
@FunctionalInterface
public interface MaintenanceFactory {

  /** The maintenance of the database {@code partman} works on. */
  DatabaseMaintenance create(Partman partman, DatabaseConfig config);
}
