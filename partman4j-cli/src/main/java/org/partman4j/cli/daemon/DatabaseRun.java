package org.partman4j.cli.daemon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.partman4j.Partman;
import org.partman4j.PartmanException;
import org.partman4j.cli.connect.Environment;
import org.partman4j.exec.SqlErrors;
import org.partman4j.sql.DaemonSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduled run of one database. On a connection of its own it checks for a standby, takes the
 * daemon's advisory lock for the store (so two daemons never work on one database at once; the one
 * that does not get it skips the run), records the run in the job history, runs maintenance, runs
 * ANALYZE and refreshes subscribers where configured, and reads every set's standing.
 */
final class DatabaseRun {

  private static final Logger log = LoggerFactory.getLogger(DatabaseRun.class);

  private final DatabaseConfig config;
  private final Duration historyKeep;
  private final DatabaseTarget target;
  private final Partman partman;
  private final DatabaseMaintenance maintenance;
  private final Environment env;
  private final String instance;
  private final Clock clock;
  private boolean cutShort; // a stop ended the run before its last set

  DatabaseRun(
      DatabaseConfig config,
      Duration historyKeep,
      DatabaseTarget target,
      Partman partman,
      DatabaseMaintenance maintenance,
      Environment env,
      String instance,
      Clock clock) {
    this.config = config;
    this.historyKeep = historyKeep;
    this.target = target;
    this.partman = partman;
    this.maintenance = maintenance;
    this.env = env;
    this.instance = instance;
    this.clock = clock;
  }

  /**
   * Runs once.
   *
   * @throws RuntimeException when the run as a whole failed (no connection, no store)
   */
  RunReport run(StopControl stop) {
    try (Connection c = target.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(DaemonSql.SET_LOCK_TIMEOUT)) {
        ps.setString(1, config.lockTimeout().toMillis() + "ms");
        ps.execute();
      }
      if (inRecovery(c)) {
        return new RunReport("replica", null, List.of(), List.of());
      }
      if (!lock(c, DaemonSql.TRY_LOCK)) {
        return new RunReport("already_running", null, List.of(), List.of());
      }
      try {
        return runLocked(c, stop);
      } finally {
        lock(c, DaemonSql.UNLOCK);
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "running maintenance of " + config.name(), null);
    }
  }

  private RunReport runLocked(Connection c, StopControl stop) throws SQLException {
    partman.install(); // creates or upgrades the store, history tables included; cheap when current
    JobHistory history = new JobHistory(config.schema());
    long runId = history.start(c, instance);
    MaintenanceOutcome outcome;
    try {
      outcome = maintain(c, stop);
    } catch (RuntimeException e) {
      history.finish(c, runId, "failed", null, e.getMessage());
      throw e;
    }
    String status =
        outcome.status() == MaintenanceOutcome.Status.COMPLETED
            ? (cutShort ? "stopped" : "completed")
            : outcome.status().name().toLowerCase(java.util.Locale.ROOT);
    List<String> warnings = new ArrayList<>();
    if (config.analyze()) {
      analyze(c, outcome, warnings);
    }
    if (outcome.childrenCreated() > 0 && !config.subscribers().isEmpty()) {
      refreshSubscribers(warnings);
    }
    String message = outcome.message();
    if (!warnings.isEmpty()) {
      message = message + " " + String.join(" ", warnings);
    }
    Map<String, Integer> streaks = history.finish(c, runId, status, outcome, message);
    int pruned = history.prune(c, historyKeep);
    if (pruned > 0) {
      log.debug(
          "{}: pruned {} runs older than {} from the job history",
          config.name(),
          pruned,
          historyKeep);
    }
    streaks.putAll(history.streaks(c));
    return new RunReport(status, outcome, standing(c, outcome, streaks), warnings);
  }

  /** Maintenance of every set in one call, or set by set with a pause after each. */
  private MaintenanceOutcome maintain(Connection c, StopControl stop) throws SQLException {
    if (config.waitBetweenSets().isZero()) {
      return maintenance.run(null);
    }
    Instant start = clock.instant();
    List<SetOutcome> sets = new ArrayList<>();
    List<String> parents = automaticSets(c);
    for (String parent : parents) {
      if (stop.stopping()) {
        cutShort = true;
        break;
      }
      MaintenanceOutcome one = maintenance.run(parent);
      if (one.status() != MaintenanceOutcome.Status.COMPLETED) {
        return one;
      }
      sets.addAll(one.sets());
      if (sets.size() < parents.size()) {
        stop.pause(config.waitBetweenSets());
      }
    }
    return new MaintenanceOutcome(
        MaintenanceOutcome.Status.COMPLETED,
        cutShort
            ? "Stopped after " + sets.size() + " of " + parents.size() + " sets."
            : "Maintained " + sets.size() + " sets one by one.",
        sets,
        Duration.between(start, clock.instant()));
  }

  private void analyze(Connection c, MaintenanceOutcome outcome, List<String> warnings) {
    for (SetOutcome s : outcome.sets()) {
      if (s.childrenCreated().isEmpty()) {
        continue;
      }
      String[] parts = s.parentTable().split("\\.", 2);
      try (Statement st = c.createStatement()) {
        st.execute(DaemonSql.analyze(parts[0], parts[1]));
      } catch (SQLException | PartmanException e) {
        warnings.add("ANALYZE of " + s.parentTable() + " failed: " + e.getMessage() + ".");
      }
    }
  }

  private void refreshSubscribers(List<String> warnings) {
    for (DatabaseConfig.Subscriber sub : config.subscribers()) {
      DatabaseTarget t = null;
      try {
        t = DatabaseTarget.resolve(sub.url(), sub.passwordEnv(), null, env);
        try (Connection c = t.getConnection()) {
          List<String> names = sub.subscriptions();
          if (names.isEmpty()) {
            names = column(c, DaemonSql.OWN_SUBSCRIPTIONS);
          }
          for (String name : names) {
            try (Statement st = c.createStatement()) {
              st.execute(DaemonSql.refreshSubscription(name));
              log.info("{}: refreshed subscription {} on {}", config.name(), name, t.describe());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        warnings.add(
            "Refreshing the subscriptions on "
                + (t == null ? "a subscriber" : t.describe())
                + " failed: "
                + e.getMessage()
                + "; run ALTER SUBSCRIPTION … REFRESH PUBLICATION there.");
      }
    }
  }

  /**
   * Every set's standing: its children, runway, rows in default, and last outcome. Read with the
   * library's status overview, a fixed number of statements whatever the number of sets (one
   * showPartitions and one count per set made the first run over 1,000 sets take a minute).
   */
  private List<SetStatus> standing(
      Connection c, MaintenanceOutcome outcome, Map<String, Integer> streaks) throws SQLException {
    Map<String, SetOutcome> byParent = new HashMap<>();
    for (SetOutcome s : outcome.sets()) {
      byParent.put(s.parentTable(), s);
    }
    Map<String, org.partman4j.SetStatus> read = new HashMap<>();
    try {
      for (org.partman4j.SetStatus s : partman.status(true).sets()) {
        read.put(s.parentTable(), s);
      }
    } catch (PartmanException e) {
      log.debug("{}: cannot read the sets' standing: {}", config.name(), e.getMessage());
    }
    Set<String> parents = new LinkedHashSet<>(automaticSets(c));
    parents.addAll(byParent.keySet());
    Map<String, SetStatus> out = new LinkedHashMap<>();
    for (String parent : parents) {
      SetOutcome o = byParent.get(parent);
      org.partman4j.SetStatus s = read.get(parent);
      out.put(
          parent,
          new SetStatus(
              parent,
              s == null ? 0 : s.children(),
              s == null || !s.hasDefault() ? null : s.defaultRows(),
              s == null || s.runway() == null ? null : s.runway().toSeconds(),
              s == null ? null : s.newestChild(),
              o == null ? null : (o.failed() ? "failed" : "ok"),
              o == null ? null : o.error(),
              streaks.getOrDefault(parent, 0)));
    }
    return List.copyOf(out.values());
  }

  private List<String> automaticSets(Connection c) throws SQLException {
    return column(c, DaemonSql.automaticSets(config.schema()));
  }

  private static List<String> column(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static boolean inRecovery(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DaemonSql.IN_RECOVERY);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private boolean lock(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, config.schema());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
