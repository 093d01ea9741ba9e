package org.partman4j.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.partman4j.PartitionLocation;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.SetConfig;
import org.partman4j.model.TableName;
import org.partman4j.plan.ChildOrder;
import org.partman4j.plan.ChildRanges;
import org.partman4j.plan.DecodedChild;
import org.partman4j.plan.TimeGridWalk;
import org.partman4j.time.InvalidIntervalException;
import org.partman4j.time.PgInterval;
import org.partman4j.time.TimestampText;

/**
 * The {@code show_partition_name} operation: which child a value belongs in, on the grid of the
 * set's existing children (time sets) or of multiples of the interval (id sets).
 *
 * <p>The value is read by PostgreSQL ({@code ::timestamptz} in the set's zone, or {@code
 * ::bigint}), so it accepts whatever pg_partman accepts: {@code '2026-11-18'}, {@code '2026-11-18
 * 13:45:00+01'}, {@code 'now'}. For an epoch set, give the time, not the integer.
 */
public final class ShowPartitionName {

  private final Sessions sessions;
  private final String schema;

  /** The operation on sets configured in {@code schema}. */
  public ShowPartitionName(Sessions sessions, String schema) {
    this.sessions = sessions;
    this.schema = schema;
  }

  /** Where {@code value} goes in the set {@code parentTable}. */
  public PartitionLocation run(String parentTable, String value) {
    TableName name = InspectionErrors.parseTable("parent table", parentTable);
    if (value == null) {
      throw InspectionErrors.invalid(
          "No value was given; give the time (or id) to find the partition of.");
    }
    SetReader reader = new SetReader(schema);
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return session.inTransaction(
          "finding the partition of '" + value + "' in " + name,
          c -> {
            InspectionSql.readOnly(c);
            SetSnapshot set = reader.read(c, name, session.zone());
            String childTable;
            Instant suffixTimestamp = null;
            Long suffixId = null;
            if (set.bounds().kind().isTimeBased()) {
              suffixTimestamp = timeChildStart(c, reader, set, value);
              childTable = timeChildName(set, suffixTimestamp);
            } else {
              suffixId = idChildStart(c, set, value);
              childTable =
                  ChildRanges.idChildName(name.table(), set.config().childTablePrefix(), suffixId);
            }
            boolean exists = InspectionSql.tableExists(c, name.schema(), childTable);
            return new PartitionLocation(
                name.schema(), childTable, suffixTimestamp, suffixId, exists);
          });
    }
  }

  private static Instant timeChildStart(
      Connection c, SetReader reader, SetSnapshot set, String value) throws SQLException {
    SetConfig config = set.config();
    PgInterval interval = timeInterval(set);
    List<Instant> starts =
        ChildOrder.order(
                reader.decode(c, set, set.parent().nonDefaultChildren()),
                set.bounds().kind(),
                false,
                false)
            .stream()
            .map(DecodedChild::startTime)
            .filter(Objects::nonNull)
            .toList();
    if (starts.isEmpty()) {
      throw InspectionErrors.unusable(
          "Set "
              + set.name()
              + " has no children, so there is no grid of partitions to place a value on (the"
              + " grid is anchored at the set's first child). Create the set's children first:"
              + " create the set with createParent, or run maintenance.");
    }
    Instant at = parseTime(c, config, value);
    try {
      return TimeGridWalk.childStartFor(at, starts, interval, set.zone());
    } catch (IllegalArgumentException | DateTimeException e) {
      throw InspectionErrors.invalid(
          "The value '"
              + value
              + "' cannot be placed on the partition grid of "
              + set.name()
              + ": "
              + e.getMessage()
              + ". Give a time nearer the set's children.");
    }
  }

  private static Instant parseTime(Connection c, SetConfig config, String value)
      throws SQLException {
    if (config.partitionTimezone() != null) {
      try {
        InspectionSql.localTimeZone(c, config.partitionTimezone());
      } catch (SQLException e) {
        throw InspectionErrors.unusable(
            "PostgreSQL does not accept the partition_timezone '"
                + config.partitionTimezone()
                + "' of set "
                + config.parentTable()
                + ": "
                + InspectionErrors.serverMessage(e)
                + ". Correct part_config.partition_timezone.",
            e);
      }
    }
    String text;
    try {
      text = InspectionSql.asTimestamptz(c, value);
    } catch (SQLException e) {
      throw InspectionErrors.badValue(
          value,
          "a timestamp (for an epoch set, the time, not the integer; e.g. '2026-11-18"
              + " 13:45:00+00')",
          e);
    }
    try {
      return TimestampText.parseTimestamptz(text);
    } catch (IllegalArgumentException e) {
      throw InspectionErrors.invalid(
          "The value '"
              + value
              + "' is the timestamp '"
              + text
              + "', which has no partition: give a finite time.");
    }
  }

  private static long idChildStart(Connection c, SetSnapshot set, String value)
      throws SQLException {
    long interval = idInterval(set);
    long v;
    try {
      v = InspectionSql.asBigint(c, value);
    } catch (SQLException e) {
      throw InspectionErrors.badValue(value, "a whole number in the bigint range", e);
    }
    return ChildRanges.idChildStart(v, interval);
  }

  private static String timeChildName(SetSnapshot set, Instant start) {
    String datetimeString = set.config().datetimeString();
    if (datetimeString == null) {
      throw InspectionErrors.unusable(
          "Set "
              + set.name()
              + " is partitioned by time but has no datetime_string in part_config, so its child"
              + " names are unknown. Set it to 'YYYYMMDD' (intervals of a day or more) or"
              + " 'YYYYMMDD_HH24MISS'.");
    }
    try {
      return ChildRanges.timeChildName(
          set.name().table(), set.config().childTablePrefix(), datetimeString, start, set.zone());
    } catch (IllegalArgumentException e) {
      throw InspectionErrors.unusable(
          "Set " + set.name() + " cannot name its children: " + e.getMessage() + ".", e);
    }
  }

  static PgInterval timeInterval(SetSnapshot set) {
    try {
      return PgInterval.parse(set.config().partitionInterval());
    } catch (InvalidIntervalException e) {
      throw InspectionErrors.unusable(
          "Set "
              + set.name()
              + " has the partition_interval '"
              + set.config().partitionInterval()
              + "', which is not an interval: "
              + e.getMessage()
              + ". Correct part_config.",
          e);
    }
  }

  static long idInterval(SetSnapshot set) {
    try {
      return ChildRanges.idInterval(set.config().partitionInterval());
    } catch (IllegalArgumentException e) {
      throw InspectionErrors.unusable(
          "Set " + set.name() + " cannot be read: " + e.getMessage() + ". Correct part_config.", e);
    }
  }
}
