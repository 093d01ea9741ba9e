package org.partman4j.ddl;

import java.sql.Connection;
import java.sql.SQLException;
import org.partman4j.exec.Session;
import org.partman4j.model.TableName;

/**
 * What {@link ChildCreator} asks about sub-partitioning: whether the children of a set are to be
 * partitioned themselves, and what to do once such a child exists (register it as a set of its own
 * and create its children). Implemented where sets are registered; {@link #NONE} makes plain
 * children.
 */
public interface SubSets {

  /** No sub-partitioning. */
  SubSets NONE =
      new SubSets() {
        @Override
        public SubPartitionKey keyFor(Connection c, TableName parent) {
          return null;
        }

        @Override
        public void afterChild(Session session, TableName parent, TableName child) {}
      };

  /**
   * The key the children of {@code parent} are partitioned by, or null for plain children; read in
   * the caller's transaction.
   */
  SubPartitionKey keyFor(Connection c, TableName parent) throws SQLException;

  /**
   * Called after a partitioned child of {@code parent} was made (or found made), outside any
   * transaction: registers it as a set and creates its children. Must be safe to repeat.
   */
  void afterChild(Session session, TableName parent, TableName child);
}
