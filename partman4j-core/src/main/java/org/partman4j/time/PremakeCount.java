package org.partman4j.time;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

/**
 * How many child tables pg_partman counts between two partition starts, as its maintenance does:
 * {@code round(EXTRACT(epoch FROM age(a, b)) / EXTRACT(epoch FROM interval))}.
 *
 * <p>Both epochs are {@code numeric} with six decimals (PostgreSQL 14 and later), {@code age}
 * counts calendar months as 30 days and years as 365.25 days once turned into seconds, and the
 * division rounds to PostgreSQL's chosen scale before {@code round} rounds again; all of that is
 * reproduced here, so the count is the one pg_partman would compute, including its off-by-one
 * results for month intervals across short months.
 */
public final class PremakeCount {

  private PremakeCount() {}

  /**
   * {@code round(EXTRACT(epoch FROM age(a, b)) / EXTRACT(epoch FROM interval))} with {@code age}
   * taken in {@code zone}.
   *
   * @throws ArithmeticException when the interval's epoch is zero ("division by zero" in
   *     PostgreSQL) or the count does not fit a long
   */
  public static long count(Instant a, Instant b, PgInterval interval, ZoneId zone) {
    return PgNumeric.round(quotient(a, b, interval, zone)).longValueExact();
  }

  /**
   * {@code EXTRACT(epoch FROM age(a, b)) / EXTRACT(epoch FROM interval)} before rounding, with the
   * scale PostgreSQL gives it.
   */
  static BigDecimal quotient(Instant a, Instant b, PgInterval interval, ZoneId zone) {
    BigDecimal span = Age.age(a, b, zone).epochSeconds();
    BigDecimal step = interval.epochSeconds();
    return PgNumeric.divide(span, step);
  }
}
