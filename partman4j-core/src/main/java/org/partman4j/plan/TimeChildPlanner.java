package org.partman4j.plan;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.partman4j.catalog.PartitionBound;
import org.partman4j.model.TableName;
import org.partman4j.naming.PartitionNames;
import org.partman4j.time.PgInterval;
import org.partman4j.time.TimeGrid;
import org.partman4j.time.TruncUnit;
import org.partman4j.time.ZonedArithmetic;

/**
 * Plans the children of a time set (a time, epoch or encoded control column): which ranges, under
 * which names, with which bounds. Pure: the caller supplies the clock and the zone.
 *
 * <p>Two departures from pg_partman, both where it leaves holes (reference §5.2, §18.1):
 *
 * <ul>
 *   <li>{@code create_parent}'s grid is {@code base + interval × k}, and pg_partman ends each child
 *       at {@code start + interval}. For month intervals anchored after day 28 those differ ({@code
 *       08-31 + 1 month = 09-30}, but the third start is {@code 08-31 + 3 months = 11-30} … and
 *       {@code 10-31} is skipped), leaving a day uncovered. Here each child ends where the next
 *       grid point starts, so the grid has no holes; where pg_partman's children are contiguous the
 *       two agree.
 *   <li>On a DST fall-back day, two sub-day grid points can format to the same child name (01:00
 *       EDT and 01:00 EST both give {@code _p20261101_010000}). pg_partman creates the first and
 *       skips the second by name, leaving an hour uncovered. Here the first child is extended to
 *       the end of the second: one child, the same name, no hole.
 * </ul>
 */
public final class TimeChildPlanner {

  private TimeChildPlanner() {}

  /**
   * {@code create_parent}'s children: the grid starting at {@code start} truncated (to {@code
   * dateTrunc}, else to the unit the interval implies), stepping by the interval while a step
   * starts before {@code now + interval × premake}.
   *
   * @param start {@code p_start_partition}, or {@code now - interval × premake} when none was given
   * @param dateTrunc {@code p_date_trunc_interval}, or null
   * @param now the transaction time pg_partman calls {@code CURRENT_TIMESTAMP}
   */
  public static List<TimeSlot> createParentSlots(
      PgInterval interval,
      Instant start,
      TruncUnit dateTrunc,
      Instant now,
      int premake,
      ZoneId zone) {
    Instant base = TimeGrid.base(interval, start, dateTrunc, zone);
    Instant limit = ZonedArithmetic.plus(now, interval.multipliedBy(premake), zone);
    List<TimeSlot> slots = new ArrayList<>();
    Instant from = base;
    for (long k = 1; ; k++) {
      Instant to;
      try {
        to = ZonedArithmetic.plus(base, interval.multipliedBy(k), zone);
      } catch (DateTimeException | ArithmeticException e) {
        break; // pg_partman skips steps past PostgreSQL's timestamp range with a warning
      }
      slots.add(new TimeSlot(from, to));
      if (!to.isBefore(limit)) {
        break;
      }
      from = to;
    }
    return slots;
  }

  /**
   * The default start of {@code create_parent}: {@code now - interval × premake}.
   *
   * @throws DateTimeException when that leaves PostgreSQL's timestamp range
   */
  public static Instant defaultStart(PgInterval interval, Instant now, int premake, ZoneId zone) {
    return ZonedArithmetic.minus(now, interval.multipliedBy(premake), zone);
  }

  /**
   * {@code create_partition_time}'s children for explicit start values: each is {@code [v, v +
   * interval)}. Values whose end leaves PostgreSQL's range are skipped, as pg_partman skips them.
   */
  public static List<TimeSlot> slotsStartingAt(
      List<Instant> starts, PgInterval interval, ZoneId zone) {
    List<TimeSlot> slots = new ArrayList<>();
    for (Instant s : starts) {
      try {
        slots.add(new TimeSlot(s, ZonedArithmetic.plus(s, interval, zone)));
      } catch (DateTimeException | ArithmeticException e) {
        // skipped, as pg_partman does ("outside PostgreSQL's supported time range")
      }
    }
    return slots;
  }

  /**
   * Names and bounds for slots: children in ascending order, one per distinct name. Slots that
   * format to the same name and touch are merged into one child (the DST fall-back case).
   *
   * @throws IllegalArgumentException when two slots that do not touch get the same name (a suffix
   *     format too coarse for the interval, such as a legacy {@code YYYY} with monthly children),
   *     or a slot is empty in the column's own type (a sub-day interval on a {@code date} column)
   */
  public static List<PlannedChild> children(TimeLayout layout, List<TimeSlot> slots) {
    TreeMap<Instant, TimeSlot> byStart = new TreeMap<>();
    for (TimeSlot s : slots) {
      byStart.merge(s.start(), s, (a, b) -> a.end().isAfter(b.end()) ? a : b);
    }
    List<String> names = new ArrayList<>();
    List<TimeSlot> merged = new ArrayList<>();
    for (TimeSlot slot : byStart.values()) {
      String name = name(layout, slot.start());
      int lastIndex = names.size() - 1;
      if (lastIndex >= 0 && name.equals(names.get(lastIndex))) {
        TimeSlot last = merged.get(lastIndex);
        if (!last.end().equals(slot.start())) {
          throw new IllegalArgumentException(
              "the children starting at "
                  + layout.column().boundValue(last.start(), layout.zone())
                  + " and "
                  + layout.column().boundValue(slot.start(), layout.zone())
                  + " would both be named "
                  + name
                  + "; the set's datetime_string '"
                  + layout.suffix().pattern()
                  + "' is too coarse for its interval "
                  + layout.interval()
                  + " — set datetime_string to YYYYMMDD or YYYYMMDD_HH24MISS");
        }
        merged.set(lastIndex, new TimeSlot(last.start(), slot.end()));
        continue;
      }
      names.add(name);
      merged.add(slot);
    }
    List<PlannedChild> out = new ArrayList<>();
    for (int k = 0; k < names.size(); k++) {
      out.add(planned(layout, names.get(k), merged.get(k)));
    }
    return out;
  }

  /** The child name for a child starting at {@code start}. */
  public static String name(TimeLayout layout, Instant start) {
    String suffix = layout.suffix().format(start, layout.zone());
    return PartitionNames.child(layout.parent().table(), layout.childPrefix(), suffix);
  }

  private static PlannedChild planned(TimeLayout layout, String name, TimeSlot slot) {
    String lower = layout.column().boundValue(slot.start(), layout.zone());
    String upper = layout.column().boundValue(slot.end(), layout.zone());
    if (lower.equals(upper)) {
      throw new IllegalArgumentException(
          "the child "
              + name
              + " would be empty: its range ["
              + slot.start()
              + ", "
              + slot.end()
              + ") is a single value of the control column's type; use an interval of at least"
              + " one day for a date column");
    }
    TableName table = new TableName(layout.parent().schema(), name);
    EpochCheck check = null;
    if (layout.column() instanceof TimeColumn.Epoch epoch) {
      check =
          new EpochCheck(
              layout.control(),
              epoch.unit(),
              new TimeColumn.Timestamptz().boundValue(slot.start(), layout.zone()),
              new TimeColumn.Timestamptz().boundValue(slot.end(), layout.zone()));
    }
    return new PlannedChild(
        new NewChild(table, new PartitionBound.Range(lower, upper), check),
        slot.start(),
        slot.end(),
        null);
  }
}
