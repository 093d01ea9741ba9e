package org.partman4j.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Random inputs for the PostgreSQL property tests, weighted toward the places where time arithmetic
 * goes wrong: within three hours of a zone transition (taken from the zone's rules), at month ends
 * (days 28 to 31, February 29), and on round values (midnight, whole hours).
 *
 * <p>Most instants fall in 1900-2150. A few are drawn from years -3999 to 9000 (local mean time
 * before 1900, BC years, extrapolated rules), far enough from PostgreSQL's limits that adding the
 * generated intervals stays in range. The JDK's and the server's tz data agree on the tested zones
 * over PostgreSQL's whole range ({@code TzdataAgreementProperties}).
 */
final class TimeCases {

  static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("UTC"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("Asia/Kolkata"));

  /**
   * A zone whose DST starts at 00:00 (gap 00:00-01:00) and ends at 01:00 (overlap 00:00-01:00), so
   * that truncating to a day or longer lands in gaps and overlaps; the five zones above change at
   * 01:00-03:00 local time, where no truncation lands.
   */
  static final ZoneId MIDNIGHT_DST = ZoneId.of("America/Havana");

  static final int FIRST_YEAR = 1900;
  static final int LAST_YEAR = 2150;

  /**
   * Astronomical year -3999 is 4000 BC: the millennium of anything earlier starts in 5000 BC,
   * before PostgreSQL's range, and {@code date_trunc} would fail there (in Java and SQL alike).
   */
  static final int WIDE_FIRST_YEAR = -3999;

  static final int WIDE_LAST_YEAR = 9000;

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_HOUR = 3600 * MICROS_PER_SECOND;
  private static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;
  private static final Map<ZoneId, List<Instant>> TRANSITIONS = new ConcurrentHashMap<>();

  private TimeCases() {}

  /** Every transition of the zone in 1900-2150, from its java.time rules. */
  static List<Instant> transitions(ZoneId zone) {
    return TRANSITIONS.computeIfAbsent(
        zone,
        z -> {
          List<Instant> out = new ArrayList<>();
          Instant t = yearStart(FIRST_YEAR);
          Instant end = yearStart(LAST_YEAR + 1);
          ZoneOffsetTransition tr;
          while ((tr = z.getRules().nextTransition(t)) != null && tr.getInstant().isBefore(end)) {
            out.add(tr.getInstant());
            t = tr.getInstant();
          }
          return List.copyOf(out);
        });
  }

  /** An instant: near a transition, at a month end, anywhere in 1900-2150, or far away. */
  static Instant instant(Random r, ZoneId zone) {
    int pick = r.nextInt(100);
    List<Instant> transitions = transitions(zone);
    if (pick < 35 && !transitions.isEmpty()) {
      return nearTransition(r, transitions.get(r.nextInt(transitions.size())));
    }
    if (pick < 60) {
      return monthEnd(r, zone);
    }
    if (pick < 93) {
      return roundish(r, uniform(r, FIRST_YEAR, LAST_YEAR));
    }
    return roundish(r, uniform(r, WIDE_FIRST_YEAR, WIDE_LAST_YEAR));
  }

  /** An instant within three hours of {@code transition}, often on a round offset from it. */
  static Instant nearTransition(Random r, Instant transition) {
    long delta;
    switch (r.nextInt(4)) {
      case 0:
        delta = (r.nextInt(25) - 12) * 15 * 60 * MICROS_PER_SECOND; // quarter hours
        break;
      case 1:
        delta = (r.nextInt(5) - 2) * MICROS_PER_SECOND;
        break;
      case 2:
        delta = (long) ((r.nextDouble() * 2 - 1) * 3 * MICROS_PER_HOUR);
        break;
      default:
        delta = r.nextInt(3) - 1;
        break;
    }
    return PgTimestamps.ofEpochMicros(PgTimestamps.toEpochMicros(transition) + delta);
  }

  /**
   * An instant from which adding {@code months} and then {@code days} in the zone lands within 90
   * minutes of a transition's local time, so that the sum must be resolved in or next to a gap or
   * an overlap. Without transitions, any instant.
   */
  static Instant landingNearTransition(Random r, ZoneId zone, int months, int days) {
    List<Instant> transitions = transitions(zone);
    if (transitions.isEmpty()) {
      return instant(r, zone);
    }
    Instant t = transitions.get(r.nextInt(transitions.size()));
    LocalDateTime target =
        LocalDateTime.ofInstant(t, zone.getRules().getOffset(t.minusSeconds(1)))
            .plusMinutes(r.nextBoolean() ? 15L * (r.nextInt(13) - 6) : r.nextInt(181) - 90)
            .plusSeconds(r.nextInt(4) == 0 ? r.nextInt(60) : 0);
    return target.minusDays(days).minusMonths(months).atZone(zone).toInstant();
  }

  /** A local time on day 28 to 31 of a month (or Feb 29), in the zone. */
  static Instant monthEnd(Random r, ZoneId zone) {
    int year = FIRST_YEAR + r.nextInt(LAST_YEAR - FIRST_YEAR + 1);
    int month = 1 + r.nextInt(12);
    YearMonth ym = YearMonth.of(year, month);
    int day = Math.min(28 + r.nextInt(4), ym.lengthOfMonth());
    LocalDateTime local = LocalDate.of(year, month, day).atTime(localTime(r));
    return local.atZone(zone).toInstant();
  }

  /** A date near the end of a month, for date-only cases. */
  static LocalDate monthEndDate(Random r, int firstYear, int lastYear) {
    int year = firstYear + r.nextInt(lastYear - firstYear + 1);
    YearMonth ym = YearMonth.of(year, 1 + r.nextInt(12));
    return ym.atDay(Math.min(28 + r.nextInt(4), ym.lengthOfMonth()));
  }

  static LocalTime localTime(Random r) {
    switch (r.nextInt(6)) {
      case 0:
        return LocalTime.MIDNIGHT;
      case 1:
        return LocalTime.of(23, 59, 59, 999_999_000);
      case 2:
        return LocalTime.of(1 + r.nextInt(3), 30 * r.nextInt(2));
      case 3:
        return LocalTime.of(r.nextInt(24), 0);
      default:
        return LocalTime.ofNanoOfDay(Math.floorMod(r.nextLong(), MICROS_PER_DAY) * 1000);
    }
  }

  /** Uniform over the years, to the microsecond. */
  static Instant uniform(Random r, int firstYear, int lastYear) {
    long lo = yearStart(firstYear).getEpochSecond();
    long hi = yearStart(lastYear + 1).getEpochSecond();
    long second = lo + (long) (r.nextDouble() * (hi - lo));
    return Instant.ofEpochSecond(Math.min(second, hi - 1), r.nextInt(1_000_000) * 1000L);
  }

  /** Sometimes rounds an instant to a whole second, minute, hour or UTC day. */
  static Instant roundish(Random r, Instant t) {
    long micros = PgTimestamps.toEpochMicros(t);
    long unit;
    switch (r.nextInt(6)) {
      case 0:
        unit = MICROS_PER_SECOND;
        break;
      case 1:
        unit = 60 * MICROS_PER_SECOND;
        break;
      case 2:
        unit = MICROS_PER_HOUR;
        break;
      case 3:
        unit = MICROS_PER_DAY;
        break;
      default:
        return t;
    }
    return PgTimestamps.ofEpochMicros(Math.floorDiv(micros, unit) * unit);
  }

  /** An interval: a typical partition interval, a small mixed one, or a large one. */
  static PgInterval interval(Random r) {
    switch (r.nextInt(3)) {
      case 0:
        return partitionInterval(r);
      case 1:
        return new PgInterval(
            r.nextBoolean() ? 0 : r.nextInt(49) - 24,
            r.nextBoolean() ? 0 : r.nextInt(121) - 60,
            smallMicros(r));
      default:
        return new PgInterval(
            r.nextInt(2401) - 1200,
            r.nextInt(40001) - 20000,
            (long) ((r.nextDouble() * 2 - 1) * 400 * MICROS_PER_DAY));
    }
  }

  private static long smallMicros(Random r) {
    switch (r.nextInt(4)) {
      case 0:
        return 0;
      case 1:
        return (r.nextInt(97) - 48) * MICROS_PER_HOUR;
      case 2:
        return (r.nextInt(2881) - 1440) * 60 * MICROS_PER_SECOND;
      default:
        return (long) ((r.nextDouble() * 2 - 1) * 10 * MICROS_PER_DAY);
    }
  }

  private static final PgInterval[] PARTITION_INTERVALS = {
    PgInterval.ofDays(1),
    PgInterval.ofDays(7),
    PgInterval.ofMonths(1),
    PgInterval.ofMonths(3),
    PgInterval.ofMonths(12),
    PgInterval.ofMonths(120),
    PgInterval.ofMicros(MICROS_PER_HOUR),
    PgInterval.ofMicros(15 * 60 * MICROS_PER_SECOND),
    PgInterval.ofMicros(30 * 60 * MICROS_PER_SECOND),
    PgInterval.ofMicros(MICROS_PER_DAY),
    PgInterval.ofMicros(MICROS_PER_SECOND),
    PgInterval.ofDays(-1),
    PgInterval.ofMonths(-1),
  };

  /** A typical partition interval ('1 day', '1 mon', '1 hour', ...), sometimes negated. */
  static PgInterval partitionInterval(Random r) {
    PgInterval i = PARTITION_INTERVALS[r.nextInt(PARTITION_INTERVALS.length)];
    return r.nextInt(4) == 0 ? i.multipliedBy(1 + r.nextInt(5)) : i;
  }

  static Instant yearStart(int year) {
    return LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
