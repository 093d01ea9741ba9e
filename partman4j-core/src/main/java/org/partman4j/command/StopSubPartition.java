package org.partman4j.command;

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
                    if (store.find(c, name.toString()).isEmpty()) {
                      throw new PartmanException(
                          ErrorCode.SET_NOT_FOUND,
                          name
                              + " has no part_config row in schema "
                              + schema
                              + ", so it has no sub-partitioning to stop. Check the name"
                              + " (schema.table, as in the catalog).");
                    }
                    return store.deleteSub(c, name.toString());
                  }));
    }
  }
}
