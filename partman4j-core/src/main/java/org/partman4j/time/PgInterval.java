package org.partman4j.time;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An interval as PostgreSQL stores it: months, days and microseconds, each kept apart because they
 * are not convertible into one another (a month has no fixed number of days, a day no fixed number
 * of microseconds across a DST change).
 *
 * <p>The record's {@code equals} compares the three fields, as PostgreSQL's {@code IS NOT DISTINCT}
 * on the stored form would. {@link #compareTo} orders as PostgreSQL's {@code <}, {@code =} do,
 * where a month counts as 30 days and a day as 24 hours, so {@code '1 mon'} and {@code '30 days'}
 * compare equal without being {@code equals}.
 *
 * @param months whole months (a year is 12 months)
 * @param days whole days
 * @param micros the time part, in microseconds
 */
public record PgInterval(int months, int days, long micros) implements Comparable<PgInterval> {

  public static final PgInterval ZERO = new PgInterval(0, 0, 0);

  static final long MICROS_PER_SECOND = 1_000_000L;
  static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
  private static final BigInteger BIG_MICROS_PER_DAY = BigInteger.valueOf(MICROS_PER_DAY);

  public static PgInterval ofMonths(int months) {
    return new PgInterval(months, 0, 0);
  }

  public static PgInterval ofDays(int days) {
    return new PgInterval(0, days, 0);
  }

  public static PgInterval ofMicros(long micros) {
    return new PgInterval(0, 0, micros);
  }

  /**
   * The value PostgreSQL orders intervals by: {@code (months * 30 + days) * 86400e6 + micros}. It
   * needs more than 64 bits, as it does in PostgreSQL.
   */
  BigInteger comparisonSpan() {
    long totalDays = months * 30L + days;
    return BigInteger.valueOf(totalDays)
        .multiply(BIG_MICROS_PER_DAY)
        .add(BigInteger.valueOf(micros));
  }

  /** Orders as PostgreSQL's interval comparison operators do (30-day months, 24-hour days). */
  @Override
  public int compareTo(PgInterval other) {
    return comparisonSpan().compareTo(other.comparisonSpan());
  }

  /** {@code true} when PostgreSQL's {@code =} holds, e.g. {@code '1 mon' = '30 days'}. */
  public boolean pgEquals(PgInterval other) {
    return compareTo(other) == 0;
  }

  /**
   * {@code EXTRACT(epoch FROM interval)} as PostgreSQL 14 and later compute it: a year counts
   * 365.25 days, a remaining month 30 days, a day 86,400 seconds; the result has scale 6, as
   * PostgreSQL's numeric result does.
   */
  public BigDecimal epochSeconds() {
    // Work in quarter-days so that 365.25 stays an integer, as PostgreSQL does.
    long quarterDays = 1461L * (months / 12) + 120L * (months % 12) + 4L * days;
    BigInteger secsFromDaysMonths =
        BigInteger.valueOf(quarterDays).multiply(BigInteger.valueOf(21_600));
    BigInteger totalMicros =
        secsFromDaysMonths
            .multiply(BigInteger.valueOf(MICROS_PER_SECOND))
            .add(BigInteger.valueOf(micros));
    return new BigDecimal(totalMicros, 6);
  }

  /** Component-wise sum, as PostgreSQL's {@code interval + interval}. */
  public PgInterval plus(PgInterval other) {
    return new PgInterval(
        Math.addExact(months, other.months),
        Math.addExact(days, other.days),
        Math.addExact(micros, other.micros));
  }

  /** Component-wise negation, as PostgreSQL's unary minus. */
  public PgInterval negated() {
    return new PgInterval(
        Math.negateExact(months), Math.negateExact(days), Math.negateExact(micros));
  }

  /**
   * {@code interval * k} for a whole factor: each field multiplied, as PostgreSQL does when the
   * factor has no fraction ({@code '1 mon' * 3 = '3 mons'}).
   *
   * @throws ArithmeticException when a field overflows, where PostgreSQL reports "interval out of
   *     range"
   */
  public PgInterval multipliedBy(long k) {
    return new PgInterval(
        Math.toIntExact(Math.multiplyExact((long) months, k)),
        Math.toIntExact(Math.multiplyExact((long) days, k)),
        Math.multiplyExact(micros, k));
  }

  /** {@code true} when all three fields are zero. */
  public boolean isZero() {
    return months == 0 && days == 0 && micros == 0;
  }
}
