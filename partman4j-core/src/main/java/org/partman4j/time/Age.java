package org.partman4j.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * {@code age(timestamptz, timestamptz)} as PostgreSQL computes it in a session time zone.
 *
 * <p>Both instants are shown as local time in the zone and subtracted field by field (years,
 * months, days, hours, minutes, seconds, microseconds); negative fields then borrow from the next
 * larger one. A borrowed day is worth the length of the later-dated argument's month when {@code t1
 * >= t2}, of {@code t1}'s month otherwise. Differences between the two instants' UTC offsets are
 * ignored: across a DST change {@code age} measures wall-clock time. The result has months, days
 * and a time part below 24 hours, all with the same sign.
 */
public final class Age {

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
  private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

  private Age() {}

  /**
   * {@code age(t1, t2)} in {@code zone}: how far {@code t1} is after {@code t2}, in calendar terms.
   *
   * @throws ArithmeticException when the month count overflows an int, where PostgreSQL reports
   *     "interval out of range" (only for instants far outside any partitioning use)
   */
  public static PgInterval age(Instant t1, Instant t2, ZoneId zone) {
    PgTimestamps.requireValid(t1);
    PgTimestamps.requireValid(t2);
    LocalDateTime a = PgZoneRules.toLocal(t1, zone);
    LocalDateTime b = PgZoneRules.toLocal(t2, zone);
    // PostgreSQL subtracts the smaller from the larger instant and negates at the end, so the
    // borrowing below always works on a non-negative difference.
    boolean negative = t1.isBefore(t2);
    int sign = negative ? -1 : 1;
    long micros = sign * (long) (a.getNano() / 1000 - b.getNano() / 1000);
    long sec = sign * (long) (a.getSecond() - b.getSecond());
    long min = sign * (long) (a.getMinute() - b.getMinute());
    long hour = sign * (long) (a.getHour() - b.getHour());
    long day = sign * (long) (a.getDayOfMonth() - b.getDayOfMonth());
    long month = sign * (long) (a.getMonthValue() - b.getMonthValue());
    long year = sign * ((long) a.getYear() - b.getYear());

    if (micros < 0) {
      micros += MICROS_PER_SECOND;
      sec--;
    }
    if (sec < 0) {
      sec += 60;
      min--;
    }
    if (min < 0) {
      min += 60;
      hour--;
    }
    if (hour < 0) {
      hour += 24;
      day--;
    }
    // The day borrow may need two months when a short month meets a large deficit (Feb 28 days
    // against -30), so loop as PostgreSQL does, always with the same month's length.
    LocalDateTime borrowFrom = negative ? a : b;
    int borrowDays = YearMonth.from(borrowFrom).lengthOfMonth();
    while (day < 0) {
      day += borrowDays;
      month--;
    }
    while (month < 0) {
      month += 12;
      year--;
    }

    int months = Math.toIntExact(sign * (year * 12 + month));
    int days = Math.toIntExact(sign * day);
    long time =
        sign
            * (hour * MICROS_PER_HOUR + min * MICROS_PER_MINUTE + sec * MICROS_PER_SECOND + micros);
    return new PgInterval(months, days, time);
  }
}
