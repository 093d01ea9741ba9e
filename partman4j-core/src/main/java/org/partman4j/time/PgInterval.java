package org.partman4j.time;

/**
 * An interval as PostgreSQL stores it: months, days and microseconds, each kept apart because they
 * are not convertible into one another (a month has no fixed number of days, a day no fixed number
 * of microseconds across a DST change).
 *
 * @param months whole months (years are 12 months)
 * @param days whole days
 * @param micros the time part, in microseconds
 */
public record PgInterval(int months, int days, long micros) {

  public static final PgInterval ZERO = new PgInterval(0, 0, 0);

  public static PgInterval ofMonths(int months) {
    return new PgInterval(months, 0, 0);
  }

  public static PgInterval ofDays(int days) {
    return new PgInterval(0, days, 0);
  }

  public static PgInterval ofMicros(long micros) {
    return new PgInterval(0, 0, micros);
  }
}
