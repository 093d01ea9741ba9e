package org.partman4j.command;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.partman4j.catalog.ChildTable;
import org.partman4j.ddl.ChildCreator;
import org.partman4j.ddl.ChildProperties;
import org.partman4j.ddl.ChildPropertiesReader;
import org.partman4j.ddl.ChildResult;
import org.partman4j.exec.PgTimeZones;
import org.partman4j.exec.Session;
import org.partman4j.model.SetConfig;
import org.partman4j.model.TableName;
import org.partman4j.plan.NewChild;
import org.partman4j.plan.PlannedChild;
import org.partman4j.plan.SetKind;
import org.partman4j.plan.TimeColumn;
import org.partman4j.plan.TimeLayout;
import org.partman4j.sql.Sql;
import org.partman4j.time.EpochUnit;
import org.partman4j.time.PgInterval;
import org.partman4j.time.PgTimestamps;
import org.partman4j.time.SuffixFormat;
import org.partman4j.time.Uuid7;

/**
 * What every operation that makes children of an existing set needs from its configuration: the
 * time layout (interval, zone, name format, how the column holds time) or the id interval, and the
 * reading of user-given start values. Shared by createParent, createPartition and maintenance.
 */
final class SetChildPlanning {

  private SetChildPlanning() {}

  /** How a time-based set's control column holds time. */
  static TimeColumn timeColumn(
      Connection c, String typeName, EpochUnit epoch, String encoder, ZoneId zone) {
    if (epoch != EpochUnit.NONE) {
      return new TimeColumn.Epoch(epoch);
    }
    return switch (typeName) {
      case "timestamptz" -> new TimeColumn.Timestamptz();
      case "timestamp" -> new TimeColumn.Timestamp();
      case "date" -> new TimeColumn.Date();
      default -> encodedColumn(c, encoder, zone);
    };
  }

  /** The time layout of a registered time-based set. */
  static TimeLayout timeLayout(Connection c, SetSnapshot set) {
    SetConfig config = set.config();
    PgInterval interval = PgInterval.parse(config.partitionInterval());
    SuffixFormat suffix = SuffixFormat.ofPattern(config.datetimeString());
    return new TimeLayout(
        set.name(),
        config.control(),
        interval,
        set.zone(),
        suffix,
        config.childTablePrefix(),
        timeColumn(
            c,
            set.controlType().exactType(),
            EpochUnit.parse(config.epoch()),
            config.timeEncoder(),
            set.zone()));
  }

  /**
   * What new children of {@code parent} inherit (from it and its template), read in one transaction
   * of the session.
   */
  static ChildProperties childProperties(Session session, TableName parent, SetConfig config) {
    TableName template =
        config.templateTable() == null ? null : TableName.parse(config.templateTable());
    return session.inTransaction(
        "reading what the children of " + parent + " inherit",
        c ->
            new ChildPropertiesReader()
                .read(
                    c,
                    parent,
                    template,
                    config.inheritPrivileges() != null && config.inheritPrivileges()));
  }

  /** Whether the set's children cover time ranges. */
  static boolean isTimeBased(SetSnapshot set) {
    return set.bounds().kind() != SetKind.ID;
  }

  /** The names of the children attached to the set's parent. */
  static Set<String> attachedNames(SetSnapshot set) {
    Set<String> names = new HashSet<>();
    for (ChildTable child : set.parent().children()) {
      names.add(child.name().table());
    }
    return names;
  }

  /** The planned children whose names are not yet attached to the parent. */
  static List<PlannedChild> missing(SetSnapshot set, List<PlannedChild> planned) {
    Set<String> attached = attachedNames(set);
    List<PlannedChild> out = new ArrayList<>();
    for (PlannedChild p : planned) {
      if (!attached.contains(p.name())) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * The statements {@code creator} would run to make {@code toCreate}, in order, changing nothing
   * (existing children are left out, a name taken by another table is thrown as in a real run).
   */
  static List<String> dryRunStatements(
      ChildCreator creator, Session session, ChildProperties p, List<PlannedChild> toCreate) {
    List<NewChild> children = new ArrayList<>();
    toCreate.forEach(c -> children.add(c.child()));
    List<String> statements = new ArrayList<>();
    for (ChildResult r : creator.dryRun(session, p, children)) {
      statements.addAll(r.statements());
    }
    return statements;
  }

  private static TimeColumn encodedColumn(Connection c, String encoder, ZoneId zone) {
    if (Uuid7.isBuiltIn(encoder)) {
      return new TimeColumn.Encoded(encoder, Uuid7::encode);
    }
    return new TimeColumn.Encoded(encoder, t -> encodeInDatabase(c, encoder, t, zone));
  }

  private static String encodeInDatabase(Connection c, String encoder, Instant t, ZoneId zone) {
    TableName fn = TableName.parse(encoder);
    String sql = "SELECT " + Sql.qualified(fn.schema(), fn.table()) + "(?::timestamptz)::text";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, new TimeColumn.Timestamptz().boundValue(t, zone));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        String v = rs.getString(1);
        if (v == null) {
          throw new IllegalArgumentException("the time encoder " + encoder + " returned NULL");
        }
        return v;
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException(
          "the time encoder " + encoder + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a timestamp text as PostgreSQL does ({@code text::timestamptz}, any of its input forms),
   * in {@code zone} when the text has no offset. Sets the zone for the caller's transaction only.
   *
   * @throws SQLException with a 22xxx SQLState when PostgreSQL cannot read it
   */
  static Instant timestamptz(Connection c, String text, ZoneId zone) throws SQLException {
    try (PreparedStatement zoneStatement =
            c.prepareStatement("SELECT set_config('TimeZone', ?, true)");
        PreparedStatement ps =
            c.prepareStatement("SELECT (extract(epoch FROM ?::timestamptz) * 1000000)::bigint")) {
      zoneStatement.setString(1, PgTimeZones.toPostgres(zone));
      zoneStatement.executeQuery().close();
      ps.setString(1, text);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return PgTimestamps.ofEpochMicros(rs.getLong(1));
      }
    }
  }

  /** A whole number within bigint, or null when the text is not one. */
  static BigInteger bigint(String text) {
    try {
      BigInteger v = new BigInteger(text.trim());
      return v.bitLength() > 63 ? null : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
