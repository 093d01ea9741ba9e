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
import org.partman4j.exec.Sessions;
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
          // The default first, then by name, as pg_partman's show_partitions lists them.
          List<ChildTable> children = new ArrayList<>(found.parent().children());
          children.sort(
              Comparator.comparing((ChildTable t) -> !t.isDefault())
                  .thenComparing(t -> t.name().table()));
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

  private static List<String> apply(Connection c, long parentOid, ChildTable child)
      throws SQLException {
    TablePrivileges parent = ChildPropertiesReader.privileges(c, parentOid);
    TablePrivileges now = ChildPropertiesReader.privileges(c, child.oid());
    List<String> sqls = ChildStatements.privileges(parent, child.name(), now);
    try (Statement st = c.createStatement()) {
      for (String sql : sqls) {
        log.debug("Privileges of {}: {}", child.name(), sql);
        st.execute(sql);
      }
    }
    return sqls;
  }
}
