package org.partman4j.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.partman4j.ReapplyPrivilegesResult;
import org.partman4j.catalog.ChildTable;
import org.partman4j.ddl.ChildPropertiesReader;
import org.partman4j.ddl.ChildStatements;
import org.partman4j.ddl.TablePrivileges;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.TableName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pg_partman's {@code reapply_privileges}: every child of a set, the default partition included,
 * given the parent's grants and owner — privileges the parent has granted, those it no longer has
 * revoked — one child per transaction (retried when a lock is not granted in time), the parent's
 * privileges read again in each so a change made meanwhile is followed.
 */
public final class ReapplyPrivileges {

  private static final Logger log = LoggerFactory.getLogger(ReapplyPrivileges.class);

  private final Sessions sessions;
  private final String schema;
  private final LockRetry retry;

  public ReapplyPrivileges(Sessions sessions, String schema, LockRetry retry) {
    this.sessions = sessions;
    this.schema = schema;
    this.retry = retry;
  }

  /** Re-applies the parent's privileges to the children of {@code parentTable}. */
  public ReapplyPrivilegesResult run(String parentTable) {
    return SetLocks.onSet(
        sessions,
        schema,
        parentTable,
        (session, name) -> {
          SetReader.Found found =
              session.inTransaction("reading " + name, c -> new SetReader(schema).find(c, name));
          long parentOid = found.parent().oid();
          List<ChildTable> children = ordered(found);
          List<String> changed = new ArrayList<>();
          List<String> statements = new ArrayList<>();
          for (ChildTable child : children) {
            List<String> ran =
                retry.inTransaction(
                    session,
                    "applying the privileges of " + name + " to " + child.name(),
                    c -> apply(c, parentOid, child));
            if (!ran.isEmpty()) {
              changed.add(child.name().toString());
              statements.addAll(ran);
            }
          }
          return new ReapplyPrivilegesResult(name.toString(), children.size(), changed, statements);
        });
  }

  /**
   * The statements {@link #run} would execute now, in order, changing nothing: planned from the
   * same reads in one read-only transaction (the store is installed if missing, as by every call).
   */
  public List<String> dryRun(String parentTable) {
    TableName name = InspectionErrors.parseTable("parent table", parentTable);
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return session.inTransaction(
          "planning the privileges of the children of " + name,
          c -> {
            SetReader.Found found = new SetReader(schema).find(c, name);
            List<String> statements = new ArrayList<>();
            for (ChildTable child : ordered(found)) {
              statements.addAll(planned(c, found.parent().oid(), child));
            }
            return statements;
          });
    }
  }

  /** The default first, then by name, as pg_partman's show_partitions lists them. */
  private static List<ChildTable> ordered(SetReader.Found found) {
    List<ChildTable> children = new ArrayList<>(found.parent().children());
    children.sort(
        Comparator.comparing((ChildTable t) -> !t.isDefault())
            .thenComparing(t -> t.name().table()));
    return children;
  }

  /** What {@code child} needs to match the parent's grants and owner, read in this transaction. */
  private static List<String> planned(Connection c, long parentOid, ChildTable child)
      throws SQLException {
    TablePrivileges parent = ChildPropertiesReader.privileges(c, parentOid);
    TablePrivileges now = ChildPropertiesReader.privileges(c, child.oid());
    return ChildStatements.privileges(parent, child.name(), now);
  }

  private static List<String> apply(Connection c, long parentOid, ChildTable child)
      throws SQLException {
    List<String> sqls = planned(c, parentOid, child);
    try (Statement st = c.createStatement()) {
      for (String sql : sqls) {
        log.debug("Privileges of {}: {}", child.name(), sql);
        st.execute(sql);
      }
    }
    return sqls;
  }
}
