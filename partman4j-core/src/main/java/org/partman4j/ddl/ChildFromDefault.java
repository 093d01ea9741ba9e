package org.partman4j.ddl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.plan.NewChild;
import org.partman4j.sql.DdlSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one child inside the caller's transaction, for a data move out of the default partition:
 * the child's rows must leave the default in the same transaction that attaches the child (ATTACH
 * refuses while the default holds rows of the new range), so the creation cannot run in a
 * transaction of its own as {@link ChildCreator} runs it. The statements are {@link
 * ChildStatements}' own; lock failures and retries are the caller's, since the whole transaction is
 * retried.
 */
public final class ChildFromDefault {

  private static final Logger log = LoggerFactory.getLogger(ChildFromDefault.class);

  private static final String CHILD_INDEX =
      """
      SELECT ic.relname
        FROM pg_inherits ih
        JOIN pg_index ci ON ci.indexrelid = ih.inhrelid
        JOIN pg_class ic ON ic.oid = ci.indexrelid
       WHERE ih.inhparent = ? AND ci.indrelid = ?::regclass
      """;

  private ChildFromDefault() {}

  /**
   * Creates and attaches {@code child} in {@code c}'s transaction.
   *
   * @return false when the very child exists already (attached to this parent): nothing done
   * @throws PartmanException {@link ErrorCode#NAME_COLLISION} when another relation has the name
   * @throws SQLException as the statements fail; the caller rolls back (and may retry)
   */
  public static boolean create(Connection c, ChildProperties p, NewChild child)
      throws SQLException {
    ExistingRelation existing = ExistingRelation.find(c, child.table());
    if (existing != null) {
      if (existing.parentOid() == p.parentOid()) {
        return false;
      }
      throw ChildErrors.collision(p.parent(), child, existing);
    }
    for (Step step : ChildStatements.steps(p, child)) {
      for (String sql : render(c, p, step)) {
        log.debug("Child {} of {}: {}", child.table(), p.parent(), sql);
        try (Statement st = c.createStatement()) {
          st.execute(sql);
        }
      }
    }
    log.info("Child {} of {}: created for rows of the default", child.table(), p.parent());
    return true;
  }

  private static List<String> render(Connection c, ChildProperties p, Step step)
      throws SQLException {
    if (step instanceof Step.Run r) {
      return List.of(r.sql());
    }
    if (step instanceof Step.ApplyPrivileges a) {
      long oid;
      try (PreparedStatement ps = c.prepareStatement("SELECT ?::regclass::oid")) {
        ps.setString(1, DdlSql.table(a.child()));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          oid = rs.getLong(1);
        }
      }
      return ChildStatements.privileges(p, a.child(), ChildPropertiesReader.privileges(c, oid));
    }
    Step.ReplicaIdentityIndex ri = (Step.ReplicaIdentityIndex) step;
    try (PreparedStatement ps = c.prepareStatement(CHILD_INDEX)) {
      ps.setLong(1, ri.parentIndexOid());
      ps.setString(2, DdlSql.table(ri.child()));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new PartmanException(
              ErrorCode.DATABASE_ERROR,
              "After attaching "
                  + ri.child()
                  + ", it has no index attached to the replica identity index "
                  + ri.parentIndexName()
                  + " of "
                  + p.parent()
                  + "; nothing was moved.");
        }
        return List.of(DdlSql.replicaIdentityUsingIndex(ri.child(), rs.getString(1)));
      }
    }
  }
}
