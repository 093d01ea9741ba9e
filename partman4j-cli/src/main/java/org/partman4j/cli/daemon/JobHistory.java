package org.partman4j.cli.daemon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.partman4j.sql.DaemonSql;

/**
 * The job history in the store (version 3): one {@code job_run} row per run, one {@code
 * job_set_result} row per set, and each set's failures in a row in {@code job_set_state}. Every
 * call is its own autocommitted statement, so a run that dies leaves what it had recorded.
 */
final class JobHistory {

  /** Failures in a row from which a set is flagged, as pg_jobmon alerts by default. */
  static final int ALERT_AFTER = 3;

  private final String schema;

  JobHistory(String schema) {
    this.schema = schema;
  }

  /** Records the start of a run; returns its id. */
  long start(Connection c, String instance) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DaemonSql.insertRun(schema))) {
      ps.setString(1, "running");
      ps.setString(2, instance);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Records each set's outcome and counts its failures in a row; returns them by parent.
   *
   * @param outcome null when the run failed as a whole
   */
  Map<String, Integer> finish(
      Connection c, long runId, String status, MaintenanceOutcome outcome, String message)
      throws SQLException {
    Map<String, Integer> streaks = new HashMap<>();
    if (outcome != null) {
      for (SetOutcome s : outcome.sets()) {
        int streak;
        try (PreparedStatement ps = c.prepareStatement(DaemonSql.updateSetState(schema))) {
          ps.setString(1, s.parentTable());
          ps.setBoolean(2, !s.failed());
          ps.setBoolean(3, !s.failed());
          ps.setBoolean(4, !s.failed());
          ps.setString(5, s.error());
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            streak = rs.getInt(1);
          }
        }
        streaks.put(s.parentTable(), streak);
        try (PreparedStatement ps = c.prepareStatement(DaemonSql.insertSetResult(schema))) {
          ps.setLong(1, runId);
          ps.setString(2, s.parentTable());
          ps.setBoolean(3, !s.failed());
          ps.setInt(4, s.childrenCreated().size());
          ps.setInt(5, s.childrenDropped());
          ps.setInt(6, s.childrenDetached());
          ps.setLong(7, s.rowsMoved());
          ps.setString(8, s.error());
          ps.setInt(9, streak);
          ps.executeUpdate();
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement(DaemonSql.finishRun(schema))) {
      ps.setString(1, status);
      ps.setInt(2, outcome == null ? 0 : outcome.sets().size());
      ps.setInt(3, outcome == null ? 0 : (int) outcome.failures());
      ps.setInt(4, outcome == null ? 0 : outcome.childrenCreated());
      ps.setInt(5, outcome == null ? 0 : outcome.childrenDropped());
      ps.setString(6, message);
      ps.setLong(7, runId);
      ps.executeUpdate();
    }
    return streaks;
  }

  /** Deletes runs older than {@code keep}; returns how many. */
  int prune(Connection c, Duration keep) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DaemonSql.pruneRuns(schema))) {
      ps.setDouble(1, keep.toMillis() / 1000.0);
      return ps.executeUpdate();
    }
  }

  /** Every set's failures in a row, by parent. */
  Map<String, Integer> streaks(Connection c) throws SQLException {
    Map<String, Integer> streaks = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(DaemonSql.setStates(schema));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        streaks.put(rs.getString(1), rs.getInt(2));
      }
    }
    return streaks;
  }
}
