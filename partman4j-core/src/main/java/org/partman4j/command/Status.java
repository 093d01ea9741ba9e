package org.partman4j.command;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.SetStatus;
import org.partman4j.StatusReport;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.TableName;
import org.partman4j.plan.DecodedChild;
import org.partman4j.plan.SetKind;
import org.partman4j.sql.StatusSql;

/**
 * Every set at a glance. Reads what maintenance reads, with the same fixed number of statements
 * however many sets there are (config rows, catalog, control columns, then batched one-row probes
 * of the newest children and the defaults), plus {@code now()}, the daemon's failure state when it
 * exists, and, when asked, one statement counting the rows of every default. Changes nothing.
 */
public final class Status {

  private final Sessions sessions;
  private final String schema;

  public Status(Sessions sessions, String schema) {
    this.sessions = sessions;
    this.schema = schema;
  }

  /** The overview; {@code exactDefaultRows} adds a {@code count(*)} of every default. */
  public StatusReport run(boolean exactDefaultRows) {
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema); // as every call does: the store on first use
      MaintenanceReader reader = new MaintenanceReader(schema);
      List<MaintainedSet> all = reader.readAll(session);
      List<MaintainedSet> usable = all.stream().filter(MaintainedSet::usable).toList();
      reader.probe(session, usable);
      Instant now = Autocommit.run(session, "reading the time", Status::now);
      Map<String, Long> counts =
          exactDefaultRows
              ? Autocommit.run(session, "counting default rows", c -> counts(c, usable))
              : Map.of();
      Map<String, Object[]> errors = new HashMap<>();
      boolean history =
          Autocommit.run(session, "reading the job history", c -> jobState(c, errors));
      List<SetStatus> out = new ArrayList<>();
      for (MaintainedSet m : all) {
        out.add(status(m, now, counts.get(m.name()), errors.get(m.name())));
      }
      out.sort(Comparator.comparing(SetStatus::parentTable));
      return new StatusReport(now, history, out);
    }
  }

  private static Instant now(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(StatusSql.NOW)) {
      rs.next();
      return micros(rs.getLong(1));
    }
  }

  private static Instant micros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  private static Map<String, Long> counts(Connection c, List<MaintainedSet> sets)
      throws SQLException {
    List<MaintainedSet> with = sets.stream().filter(m -> m.defaultChild != null).toList();
    Map<String, Long> out = new HashMap<>();
    if (with.isEmpty()) {
      return out;
    }
    List<TableName> tables = with.stream().map(m -> m.defaultChild.child().name()).toList();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(StatusSql.rowCounts(tables))) {
      while (rs.next()) {
        out.put(with.get(rs.getInt(1)).name(), rs.getLong(2));
      }
    }
    return out;
  }

  /** Fills {@code errors} from the daemon's state table; false when the table is not there. */
  private boolean jobState(Connection c, Map<String, Object[]> errors) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(StatusSql.EXISTS)) {
      ps.setString(1, StatusSql.jobStateTable(schema));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return false;
        }
      }
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(StatusSql.jobState(schema))) {
      while (rs.next()) {
        long at = rs.getLong(3);
        errors.put(
            rs.getString(1), new Object[] {rs.getString(2), rs.wasNull() ? null : micros(at)});
      }
    }
    return true;
  }

  private static SetStatus status(MaintainedSet m, Instant now, Long defaultRows, Object[] error) {
    String lastError = error == null ? null : (String) error[0];
    Instant lastErrorAt = error == null ? null : (Instant) error[1];
    boolean timeBased = m.set != null && m.set.bounds().kind() != SetKind.ID;
    DecodedChild newest = m.newestFirst.isEmpty() ? null : m.newestFirst.get(0);
    Instant end = timeBased && newest != null ? newest.endTime() : null;
    BigDecimal endId = !timeBased && newest != null ? newest.endId() : null;
    String value = larger(m, timeBased);
    BigDecimal runwayIds = null;
    if (endId != null && value != null) {
      try {
        runwayIds = endId.subtract(new BigDecimal(value));
      } catch (NumberFormatException e) {
        runwayIds = null; // not a number: no runway in ids to give
      }
    }
    return new SetStatus(
        m.name(),
        timeBased,
        m.newestFirst.size(),
        newest == null ? null : newest.child().name().toString(),
        end,
        endId,
        end == null ? null : Duration.between(now, end),
        runwayIds,
        value,
        m.defaultChild != null,
        m.defaultHasRows,
        defaultRows,
        m.config.retention(),
        m.config.automaticMaintenance(),
        m.config.maintenanceLastRun(),
        lastError,
        lastErrorAt,
        m.error);
  }

  /** The larger of the newest data child's and the default's largest value, for id sets. */
  private static String larger(MaintainedSet m, boolean timeBased) {
    if (m.dataMax == null || m.defaultMax == null || timeBased) {
      return m.dataMax != null ? m.dataMax : m.defaultMax;
    }
    try {
      return new BigDecimal(m.dataMax).compareTo(new BigDecimal(m.defaultMax)) >= 0
          ? m.dataMax
          : m.defaultMax;
    } catch (NumberFormatException e) {
      return m.dataMax;
    }
  }
}
