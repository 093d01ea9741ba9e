package org.partman4j.command;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.partman4j.exec.Session;
import org.partman4j.model.SetConfig;
import org.partman4j.plan.DecodedChild;
import org.partman4j.plan.IdChildPlanner;
import org.partman4j.plan.PlannedChild;
import org.partman4j.plan.PremakePlanner;
import org.partman4j.plan.SetKind;
import org.partman4j.plan.TimeChildPlanner;
import org.partman4j.plan.TimeLayout;
import org.partman4j.time.InvalidIntervalException;
import org.partman4j.time.PgInterval;
import org.partman4j.time.TimestampText;
import org.partman4j.time.Uuid7;
import org.partman4j.time.ZonedArithmetic;

/**
 * Turns what {@link MaintenanceReader} found about one set into the children to create: reads the
 * probed values, asks {@link PremakePlanner}, lays the children out with the set's planners, and
 * leaves out the ones that exist and the ones retention would remove at once.
 */
final class MaintenanceStep {

  private MaintenanceStep() {}

  /** The decision for one set, with the children to create when it is a plan. */
  record Decision(PremakePlanner.Outcome outcome, List<PlannedChild> children) {}

  static Decision decide(Session session, MaintainedSet m, SubSetLimits.Range limit, Instant now) {
    SetSnapshot set = m.set;
    SetConfig config = m.config;
    List<PlannedChild> planned;
    PremakePlanner.Premake premake;
    if (SetChildPlanning.isTimeBased(set)) {
      TimeLayout layout = SetChildPlanning.timeLayout(session.connection(), set);
      ZoneId zone = set.zone();
      List<Instant> starts =
          m.newestFirst.stream().map(DecodedChild::startTime).filter(Objects::nonNull).toList();
      premake =
          PremakePlanner.time(
              new PremakePlanner.TimeState(
                  starts,
                  m.dataChild == null ? null : m.dataChild.startTime(),
                  time(set, m.dataMax),
                  time(set, m.defaultMax),
                  config.infiniteTimePartitions(),
                  now,
                  config.premake(),
                  limit == null ? null : limit.minTime(),
                  limit == null ? null : limit.maxTime()),
              layout.interval(),
              zone);
      planned =
          TimeChildPlanner.children(
              layout,
              TimeChildPlanner.slotsStartingAt(premake.timeStarts(), layout.interval(), zone));
      Instant floor = timeRetentionFloor(config, now, zone);
      if (floor != null) {
        planned = planned.stream().filter(p -> !p.end().isBefore(floor)).toList();
      }
    } else {
      BigInteger n = new BigInteger(config.partitionInterval().strip());
      BigInteger dataMax = id(m.dataMax);
      premake =
          PremakePlanner.id(
              new PremakePlanner.IdState(
                  whole(m.newestFirst.get(0).startId()),
                  dataMax,
                  id(m.defaultMax),
                  config.premake(),
                  limit == null ? null : limit.minId(),
                  limit == null ? null : limit.maxId()),
              n);
      planned =
          IdChildPlanner.children(
              set.name(),
              config.childTablePrefix(),
              n,
              "list".equals(config.partitionType()),
              premake.idStarts());
      BigInteger floor = idRetentionFloor(config, dataMax);
      if (floor != null) {
        planned = planned.stream().filter(p -> p.startId().add(n).compareTo(floor) > 0).toList();
      }
    }
    return new Decision(premake.outcome(), SetChildPlanning.missing(set, new ArrayList<>(planned)));
  }

  /** A probed value of a time set as an instant; an encoded set's value is already decoded. */
  private static Instant time(SetSnapshot set, String text) {
    if (text == null) {
      return null;
    }
    if (set.bounds().kind() != SetKind.ENCODED) {
      return set.bounds().instant(text);
    }
    // pg_partman's UUIDv7 decoder runs here; any other decoder already ran in the probe.
    return Uuid7.isBuiltIn(set.config().timeDecoder())
        ? Uuid7.decode(text)
        : TimestampText.parseTimestamptz(text);
  }

  private static BigInteger id(String text) {
    return text == null ? null : whole(new BigDecimal(text.strip()));
  }

  private static BigInteger whole(BigDecimal v) {
    return v.setScale(0, RoundingMode.DOWN).toBigInteger();
  }

  /**
   * pg_partman 5.2 never makes a child that retention would drop at once: one that ends before
   * {@code now - retention}. Null when the set keeps everything or its retention is unreadable
   * (retention itself reports that).
   */
  private static Instant timeRetentionFloor(SetConfig config, Instant now, ZoneId zone) {
    if (config.retention() == null) {
      return null;
    }
    try {
      return ZonedArithmetic.minus(now, PgInterval.parse(config.retention()), zone);
    } catch (InvalidIntervalException | java.time.DateTimeException e) {
      return null;
    }
  }

  /** For id sets: children whose end is at or below {@code max - retention} are not made. */
  private static BigInteger idRetentionFloor(SetConfig config, BigInteger dataMax) {
    if (config.retention() == null || dataMax == null) {
      return null;
    }
    try {
      return dataMax.subtract(whole(new BigDecimal(config.retention().strip())));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
