package org.partman4j.command;

import java.sql.Connection;
import java.sql.SQLException;
import org.partman4j.exec.Session;
import org.partman4j.model.SetConfig;
import org.partman4j.model.TableName;
import org.partman4j.plan.NewChild;

/** Makes the children of one set, each in its own short transaction. */
public interface SetChildren {

  /**
   * Creates {@code child} (attached to the set's parent) in its own transaction, with lock-timeout
   * retries. Returns false when it already exists as exactly that partition.
   */
  boolean create(NewChild child);

  /** Creates the set's automatic template table in the caller's transaction. */
  void createTemplate(Connection c, TableName template) throws SQLException;

  /** Builds a {@link SetChildren} for one set. */
  interface Factory {
    SetChildren forSet(Session session, String partmanSchema, SetConfig config);
  }
}
