package org.partman4j.command;

import java.util.List;
import org.partman4j.InstallResult;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.sql.Sql;
import org.partman4j.store.StoreInstaller;

/**
 * The {@code install} operation: creates or upgrades the store in its schema, in one transaction.
 * Other commands call {@link #ensureInstalled} so that the store is created on first use.
 */
public final class Install {

  private final Sessions sessions;
  private final String schema;

  /** The install of the store in {@code schema}, through sessions of {@code sessions}. */
  public Install(Sessions sessions, String schema) {
    this.sessions = sessions;
    this.schema = schema;
  }

  /** Installs or upgrades the store, returning what was done. */
  public InstallResult run() {
    try (Session session = sessions.open()) {
      return install(session, schema);
    }
  }

  /**
   * The statements {@link #run} would execute now, in order, changing nothing; empty when the store
   * is current.
   */
  public List<String> dryRun() {
    StoreInstaller installer = new StoreInstaller(schema);
    try (Session session = sessions.open()) {
      return session.inTransaction(
          "planning the install of the partman4j store in schema " + Sql.ident(schema),
          installer::dryRun);
    }
  }

  /**
   * Makes sure the store in {@code schema} is current, installing it if not. Costs one catalog
   * query and one small read when it is current.
   */
  public static void ensureInstalled(Session session, String schema) {
    StoreInstaller installer = new StoreInstaller(schema);
    boolean current =
        session.inTransaction(
            "checking the partman4j store in schema " + Sql.ident(schema), installer::isCurrent);
    if (!current) {
      install(session, schema);
    }
  }

  private static InstallResult install(Session session, String schema) {
    StoreInstaller installer = new StoreInstaller(schema);
    return session.inTransaction(
        "installing the partman4j store in schema " + Sql.ident(schema), installer::install);
  }
}
