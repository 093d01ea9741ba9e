package org.partman4j.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * {@code date_trunc(unit, timestamptz)} as PostgreSQL computes it in a session time zone.
 *
 * <p>The instant is shown as local time in the zone and the fields below the unit are zeroed. For a
 * day or longer the new local midnight is turned back into an instant with PostgreSQL's gap/overlap
 * rule ({@link PgZoneRules#resolve}). For an hour or shorter PostgreSQL keeps the offset the input
 * had, even if that offset is not the one in force at the truncated local time: in Lord Howe's
 * fall-back hour (02:00 +11 back to 01:30 +10:30) {@code date_trunc('hour', 01:45+10:30)} is {@code
 * 01:00+10:30}, an instant that shows as 01:30+11.
 *
 * <p>Years are counted astronomically internally (1 BC is year 0), as PostgreSQL does, which gives
 * its decade, century and millennium boundaries for BC dates too.
 */
public final class DateTrunc {

  private DateTrunc() {}

  /**
   * {@code date_trunc(unit, t)} in {@code zone}, with the unit given as PostgreSQL text.
   *
   * @throws IllegalArgumentException when PostgreSQL would not accept the unit
   */
  public static Instant trunc(String unit, Instant t, ZoneId zone) {
    return trunc(TruncUnit.parse(unit), t, zone);
  }

  /**
   * {@code date_trunc(unit, t)} in {@code zone}.
   *
   * @throws java.time.DateTimeException when the result is outside PostgreSQL's range
   */
  public static Instant trunc(TruncUnit unit, Instant t, ZoneId zone) {
    Objects.requireNonNull(unit, "unit");
    PgTimestamps.requireValid(t);
    ZoneOffset offset = PgZoneRules.offsetAt(t, zone);
    LocalDateTime local = PgZoneRules.toLocal(t, zone);
    if (!unit.isDayOrLonger()) {
      return PgTimestamps.requireInRange(truncTime(unit, local).toInstant(offset));
    }
    LocalDate date = truncDate(unit, local.toLocalDate());
    return PgZoneRules.resolve(date.atStartOfDay(), zone);
  }

  private static LocalDateTime truncTime(TruncUnit unit, LocalDateTime local) {
    switch (unit) {
      case MICROSECONDS:
        return local;
      case MILLISECONDS:
        return local.truncatedTo(ChronoUnit.MILLIS);
      case SECOND:
        return local.truncatedTo(ChronoUnit.SECONDS);
      case MINUTE:
        return local.truncatedTo(ChronoUnit.MINUTES);
      case HOUR:
        return local.truncatedTo(ChronoUnit.HOURS);
      default:
        throw new AssertionError(unit);
    }
  }

  private static LocalDate truncDate(TruncUnit unit, LocalDate date) {
    int year = date.getYear();
    switch (unit) {
      case DAY:
        return date;
      case WEEK:
        // Every ISO week starts on the Monday on or before its days.
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH:
        return date.withDayOfMonth(1);
      case QUARTER:
        return LocalDate.of(year, date.getMonthValue() - (date.getMonthValue() - 1) % 3, 1);
      case YEAR:
        return LocalDate.of(year, 1, 1);
      case DECADE:
        return LocalDate.of(decadeStart(year), 1, 1);
      case CENTURY:
        return LocalDate.of(firstYearOfBlock(year, 100), 1, 1);
      case MILLENNIUM:
        return LocalDate.of(firstYearOfBlock(year, 1000), 1, 1);
      default:
        throw new AssertionError(unit);
    }
  }

  /**
   * The first year of a century ({@code size} 100) or millennium (1000), counted astronomically. AD
   * blocks run 1..100, 101..200; BC blocks mirror them around year 1, so 100 BC..1 BC (years
   * -99..0) start at -99.
   */
  static int firstYearOfBlock(int year, int size) {
    if (year > 0) {
      return (year - 1) / size * size + 1;
    }
    return -((size - year) / size) * size + 1;
  }

  /**
   * The first year of a decade. AD decades start at multiples of ten; for year 0 and earlier
   * PostgreSQL goes to the next lower multiple of ten, except that year 0 stays 0 and -10 counts
   * with -1..-9.
   */
  static int decadeStart(int year) {
    if (year > 0) {
      return year / 10 * 10;
    }
    return -((9 - year) / 10) * 10;
  }
}
