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

  /**
   * The server major whose input rules {@link #parse(String)} follows. PostgreSQL 17's rules are
   * those of 18 too.
   */
  public static final int DEFAULT_SERVER_MAJOR = 17;

  static final long MICROS_PER_SECOND = 1_000_000L;
  static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
  private static final BigInteger BIG_MICROS_PER_DAY = BigInteger.valueOf(MICROS_PER_DAY);

  /**
   * Reads interval text as PostgreSQL 17 and later do ({@code '1 day'}, {@code '3 months'}, {@code
   * '01:30:00'}, {@code 'P1D'}, {@code '1-2'}, {@code '@ 1 hour ago'}...). Use {@link
   * #parse(String, int)} when the server may be older.
   *
   * @throws InvalidIntervalException when PostgreSQL would reject the text, or it is infinite
   */
  public static PgInterval parse(String text) {
    return parse(text, DEFAULT_SERVER_MAJOR);
  }

  /**
   * Reads interval text exactly as a server of the given major version would ({@code text ::
   * interval} with {@code IntervalStyle} other than {@code sql_standard}), so that the value
   * matches what that server stores. The majors read some texts differently:
   *
   * <ul>
   *   <li>14 and older: 32-bit counters, so numbers must fit 32 bits; fractions round half to even
   *       and fractional years truncate ({@code '1.99 years'} is 1 year 11 months). Texts whose
   *       counters would wrap around on the server are refused with {@link
   *       InvalidIntervalException.Reason#WRAPS_ON_SERVER} rather than given its wrong value.
   *   <li>15 and 16: 64-bit microseconds with overflow checks; a fraction of a microsecond rounds
   *       away from zero only past the half ({@code '1.99 years'} is 2 years).
   *   <li>14 to 16: a unit without a number is ignored ({@code '1 day hour'} is one day) and {@code
   *       ago} may stand anywhere.
   *   <li>17 and later: as 15, but a unit needs a number and {@code ago} must come last; {@code
   *       'infinity'} exists (refused here: partition intervals must be finite); the words {@code
   *       at}, {@code on} (ignored) and {@code mm} (minutes) are understood.
   * </ul>
   *
   * @param serverMajor the server's major version, e.g. 14 or 17
   * @throws InvalidIntervalException when that server would reject the text, or it is infinite
   */
  public static PgInterval parse(String text, int serverMajor) {
    return IntervalParser.parse(text, serverMajor);
  }

  /** An interval of whole months (a year is 12). */
  public static PgInterval ofMonths(int months) {
    return new PgInterval(months, 0, 0);
  }

  /** An interval of whole days. */
  public static PgInterval ofDays(int days) {
    return new PgInterval(0, days, 0);
  }

  /** An interval of microseconds only. */
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
   * <p>The product is exact. PostgreSQL multiplies through {@code float8}, so its time part agrees
   * only while the product stays below 2^53 microseconds (about 285 years).
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

  /**
   * The text PostgreSQL gives for this interval with {@code IntervalStyle = postgres} (its
   * default), e.g. {@code "1 year 2 mons"}, {@code "7 days"}, {@code "-1 days +02:00:00"}, {@code
   * "00:00:00.5"}: what pg_partman stores in {@code part_config.partition_interval}.
   *
   * <p>Two values print differently on the server: from PostgreSQL 17 on, all fields at their
   * maximum (or all at their minimum) is how the server stores {@code infinity} ({@code
   * -infinity}), which {@link #parse} never returns.
   */
  @Override
  public String toString() {
    return IntervalFormatter.format(this);
  }
}
