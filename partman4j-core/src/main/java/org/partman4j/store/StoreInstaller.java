package org.partman4j.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.InstallResult;
import org.partman4j.exec.AdvisoryLocks;
import org.partman4j.exec.SqlErrors;
import org.partman4j.sql.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the store in one schema: the schema itself, the history table, and every
 * shipped script not yet applied, in version order.
 *
 * <p>{@link #install} must run inside one transaction, which the caller commits: then any failure
 * leaves the database exactly as it was, and the transaction-scoped advisory lock on the schema's
 * name makes concurrent installers wait for each other, so the second finds the first's work and
 * applies nothing.
 */
public final class StoreInstaller {

  private static final Logger log = LoggerFactory.getLogger(StoreInstaller.class);

  /** The advisory lock's purpose; the subject is the schema name. */
  static final String LOCK_PURPOSE = "partman4j install";

  private final String schema;
  private final List<StoreScript> scripts;
  private final SchemaHistory history;

  /** An installer of the shipped scripts into {@code schema}. */
  public StoreInstaller(String schema) {
    this(schema, StoreScripts.all());
  }

  StoreInstaller(String schema, List<StoreScript> scripts) {
    Sql.ident(schema); // rejects unusable names before anything runs
    this.schema = schema;
    this.scripts = List.copyOf(scripts);
    this.history = new SchemaHistory(schema);
  }

  /** Installs or upgrades the store; call inside a transaction. */
  public InstallResult install(Connection c) throws SQLException {
    AdvisoryLocks.lockForTransaction(c, LOCK_PURPOSE, schema);
    Plan plan = plan(c);
    if (plan.pending().isEmpty()) {
      log.debug("Schema {}: store is at version {}, nothing to do", schema, plan.before());
      return new InstallResult(schema, plan.before(), plan.before(), List.of());
    }
    if (plan.createSchema()) {
      execute(c, createSchemaStatement());
      log.info("Schema {}: created in database {}", schema, plan.database());
    }
    if (plan.createHistory()) {
      history.create(c);
    }
    List<String> names = new ArrayList<>();
    for (StoreScript s : plan.pending()) {
      long start = System.nanoTime();
      String sql = s.sqlFor(Sql.ident(schema));
      try {
        execute(c, sql);
      } catch (SQLException e) {
        throw SqlErrors.translate(
            e, "applying store script " + s.fileName() + " to schema " + Sql.ident(schema), sql);
      }
      int millis = (int) ((System.nanoTime() - start) / 1_000_000);
      history.record(c, s, millis);
      names.add(s.fileName());
      log.info("Schema {}: applied store script {} ({} ms)", schema, s.fileName(), millis);
    }
    int after = plan.pending().get(plan.pending().size() - 1).version();
    return new InstallResult(schema, plan.before(), after, names);
  }

  /**
   * The statements {@link #install} would run now, in order, after the same checks, without running
   * them or taking the install lock; empty when the store is current.
   */
  public List<String> dryRun(Connection c) throws SQLException {
    Plan plan = plan(c);
    List<String> out = new ArrayList<>();
    if (plan.pending().isEmpty()) {
      return out;
    }
    if (plan.createSchema()) {
      out.add(createSchemaStatement());
    }
    if (plan.createHistory()) {
      out.addAll(history.createStatements());
    }
    for (StoreScript s : plan.pending()) {
      out.add(s.sqlFor(Sql.ident(schema)));
      out.add(history.recordStatement(s));
    }
    return out;
  }

  /** What an install must do, decided from the catalog; refuses what it cannot do. */
  private Plan plan(Connection c) throws SQLException {
    StoreInspection found = StoreInspection.read(c, schema);
    if (found.partmanExtensionVersion() != null) {
      throw InstallErrors.ownedByExtension(schema, found);
    }
    if (found.schemaExists() && !found.canUseSchema()) {
      throw InstallErrors.cannotUseSchema(schema, found, "USAGE");
    }
    List<AppliedScript> applied = found.historyExists() ? history.read(c) : List.of();
    int before = check(applied);
    List<StoreScript> pending = scripts.stream().filter(s -> s.version() > before).toList();
    if (pending.isEmpty()) {
      return new Plan(before, pending, false, false, found.database());
    }
    if (!found.schemaExists()) {
      if (!found.canCreateSchema()) {
        throw InstallErrors.cannotCreateSchema(schema, found);
      }
    } else if (!found.canCreateInSchema()) {
      throw InstallErrors.cannotUseSchema(schema, found, "CREATE");
    }
    if (!found.historyExists() && found.foreignTables() != null) {
      throw InstallErrors.foreignTables(schema, found);
    }
    return new Plan(
        before, pending, !found.schemaExists(), !found.historyExists(), found.database());
  }

  private String createSchemaStatement() {
    return "CREATE SCHEMA " + Sql.ident(schema);
  }

  private record Plan(
      int before,
      List<StoreScript> pending,
      boolean createSchema,
      boolean createHistory,
      String database) {}

  /**
   * Whether the store is installed and current, read without the lock: the cheap test a command
   * makes before deciding to {@link #install}. A wrong "no" costs one install that does nothing.
   */
  public boolean isCurrent(Connection c) throws SQLException {
    StoreInspection found = StoreInspection.read(c, schema);
    if (!found.historyExists()
        || !found.canUseSchema()
        || found.partmanExtensionVersion() != null) {
      return false;
    }
    return check(history.read(c)) == scripts.get(scripts.size() - 1).version();
  }

  /**
   * Validates the recorded history against the shipped scripts; returns the installed version.
   * Refuses a newer store, a changed script, and gaps.
   */
  private int check(List<AppliedScript> applied) {
    if (applied.isEmpty()) {
      return 0;
    }
    int installed = applied.get(applied.size() - 1).version();
    int known = scripts.get(scripts.size() - 1).version();
    if (installed > known) {
      throw InstallErrors.newerThanTool(schema, installed, known);
    }
    Map<Integer, AppliedScript> byVersion = new HashMap<>();
    applied.forEach(a -> byVersion.put(a.version(), a));
    List<Integer> missing = new ArrayList<>();
    for (StoreScript s : scripts) {
      if (s.version() > installed) {
        break;
      }
      AppliedScript a = byVersion.get(s.version());
      if (a == null) {
        missing.add(s.version());
      } else if (!a.checksum().equals(s.checksum())) {
        throw InstallErrors.checksumMismatch(schema, a, s);
      }
    }
    if (!missing.isEmpty()) {
      throw InstallErrors.gaps(
          schema, applied.stream().map(AppliedScript::version).toList(), missing);
    }
    return installed;
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
