package org.partman4j.command;

import java.sql.Connection;
import java.util.List;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.TableName;
import org.partman4j.store.ConfigStore;

/**
 * The {@code stopSubPartition} operation (pg_partman's {@code stop_sub_partition}): removes the
 * set's part_config_sub row, so children made from now on are plain tables. The existing sub-sets
 * stay sets of their own and keep being maintained.
 */
public final class StopSubPartition {

  private final Sessions sessions;
  private final String schema;

  public StopSubPartition(Sessions sessions, String schema) {
    this.sessions = sessions;
    this.schema = schema;
  }

  /** Whether there was sub-partitioning to stop. */
  public boolean run(String parentTable) {
    TableName name = InspectionErrors.parseTable("parent table", parentTable);
    ConfigStore store = new ConfigStore(schema);
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return SetLocks.withSetLock(
          session,
          name.toString(),
          () ->
              session.inTransaction(
                  "stopping the sub-partitioning of " + name,
                  c -> {
                    requireSet(c, store, name);
                    return store.deleteSub(c, name.toString());
                  }));
    }
  }

  /**
   * The statement {@link #run} would execute: the {@code DELETE} of the set's part_config_sub row,
   * or nothing when the set is not sub-partitioned. Changes nothing and takes no lock.
   */
  public List<String> dryRun(String parentTable) {
    TableName name = InspectionErrors.parseTable("parent table", parentTable);
    ConfigStore store = new ConfigStore(schema);
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return session.inTransaction(
          "planning the stop of the sub-partitioning of " + name,
          c -> {
            requireSet(c, store, name);
            return store.findSub(c, name.toString()).isEmpty()
                ? List.<String>of()
                : List.of(store.deleteSubText(name.toString()));
          });
    }
  }

  private void requireSet(Connection c, ConfigStore store, TableName name) {
    if (store.find(c, name.toString()).isEmpty()) {
      throw new PartmanException(
          ErrorCode.SET_NOT_FOUND,
          name
              + " has no part_config row in schema "
              + schema
              + ", so it has no sub-partitioning to stop. Check the name"
              + " (schema.table, as in the catalog).");
    }
  }
}
