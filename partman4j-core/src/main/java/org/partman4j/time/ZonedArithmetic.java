package org.partman4j.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * {@code timestamptz + interval} and {@code timestamptz - interval} as PostgreSQL computes them in
 * a session time zone.
 *
 * <p>The three parts of the interval are applied one after the other, because they mean different
 * things: months move the local calendar date (the day clamped to the end of a shorter month), days
 * move the local date keeping the local time of day, and the time part is a fixed number of
 * microseconds. After the months step and after the days step the local time is turned back into an
 * instant with PostgreSQL's gap/overlap rule ({@link PgZoneRules#resolve}). So in New York {@code
 * '2026-03-07 12:00-05' + '1 day'} is {@code 2026-03-08 12:00-04} (23 hours later) while {@code +
 * '24 hours'} is {@code 13:00-04}.
 */
public final class ZonedArithmetic {

  private ZonedArithmetic() {}

  /**
   * {@code t + interval} in {@code zone}.
   *
   * @throws DateTimeException when an intermediate or the final value leaves PostgreSQL's range,
   *     where PostgreSQL reports "timestamp out of range"
   */
  public static Instant plus(Instant t, PgInterval interval, ZoneId zone) {
    PgTimestamps.requireValid(t);
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(zone, "zone");
    Instant result = t;
    try {
      if (interval.months() != 0) {
        LocalDateTime local = PgZoneRules.toLocal(result, zone);
        // plusMonths clamps the day to the target month's length, as PostgreSQL does.
        result = PgZoneRules.resolve(local.plusMonths(interval.months()), zone);
      }
      if (interval.days() != 0) {
        LocalDateTime local = PgZoneRules.toLocal(result, zone);
        result = PgZoneRules.resolve(local.plusDays(interval.days()), zone);
      }
      return PgTimestamps.requireInRange(result.plus(interval.micros(), ChronoUnit.MICROS));
    } catch (ArithmeticException e) {
      throw PgTimestamps.outOfRange(t + " + " + interval);
    } catch (DateTimeException e) {
      // LocalDateTime's own year limit is far wider than PostgreSQL's, so any failure here is
      // PostgreSQL's "out of range" too.
      throw PgTimestamps.outOfRange(t + " + " + interval);
    }
  }

  /**
   * {@code t - interval} in {@code zone}: PostgreSQL adds the negated interval.
   *
   * @throws ArithmeticException when a field of the interval cannot be negated (the minimum int or
   *     long), where PostgreSQL reports "interval out of range"
   * @throws DateTimeException when the result leaves PostgreSQL's range
   */
  public static Instant minus(Instant t, PgInterval interval, ZoneId zone) {
    return plus(t, Objects.requireNonNull(interval, "interval").negated(), zone);
  }
}
