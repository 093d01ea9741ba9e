package org.partman4j.time;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The range and resolution of PostgreSQL's {@code timestamptz}, and conversions between {@link
 * Instant} and microseconds since the Unix epoch.
 *
 * <p>PostgreSQL stores microseconds, from 4714-11-24 00:00:00 UTC BC up to (excluding) 294277-01-01
 * 00:00:00 UTC. Every public function of this package rejects instants outside that range or finer
 * than a microsecond, so that a value the database could not hold never yields a partition bound.
 */
public final class PgTimestamps {

  /** The earliest {@code timestamptz} PostgreSQL accepts: 4714-11-24 00:00:00+00 BC. */
  public static final Instant MIN =
      LocalDate.of(-4713, 11, 24).atStartOfDay().toInstant(ZoneOffset.UTC);

  /** The first instant past PostgreSQL's range: 294277-01-01 00:00:00+00 (exclusive bound). */
  public static final Instant END =
      LocalDate.of(294277, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final BigInteger BIG_MICROS_PER_SECOND = BigInteger.valueOf(MICROS_PER_SECOND);
  private static final BigInteger BIG_LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private PgTimestamps() {}

  /**
   * Checks that an instant is one PostgreSQL can store.
   *
   * @throws NullPointerException when {@code t} is null
   * @throws IllegalArgumentException when {@code t} has a fraction finer than a microsecond
   * @throws DateTimeException when {@code t} is outside PostgreSQL's range
   */
  public static Instant requireValid(Instant t) {
    Objects.requireNonNull(t, "timestamp");
    if (t.getNano() % 1000 != 0) {
      throw new IllegalArgumentException(
          "timestamp "
              + t
              + " has sub-microsecond digits; PostgreSQL keeps microseconds: truncate it first"
              + " (Instant.truncatedTo(ChronoUnit.MICROS))");
    }
    return requireInRange(t);
  }

  /**
   * {@code t} unchanged when PostgreSQL's range holds it, else a "timestamp out of range" error.
   */
  static Instant requireInRange(Instant t) {
    if (t.isBefore(MIN) || !t.isBefore(END)) {
      throw outOfRange(t.toString());
    }
    return t;
  }

  static DateTimeException outOfRange(String what) {
    return new DateTimeException(
        "timestamp out of range: "
            + what
            + " (PostgreSQL accepts 4714-11-24 00:00:00+00 BC to 294276-12-31 23:59:59.999999+00)");
  }

  /**
   * {@code EXTRACT(epoch FROM t)} as PostgreSQL 14 and later compute it: seconds since 1970 as a
   * numeric with six decimals.
   *
   * <p>Past 294247-01-10, where microseconds since 1970 no longer fit a bigint, PostgreSQL takes a
   * numeric division that keeps only four decimals (then shown with six): {@code EXTRACT(epoch FROM
   * '294268-07-05 09:50:22.000128+00')} is {@code 9224050038622.000100}. That rounding is
   * reproduced, because pg_partman rounds this value again to a whole second.
   */
  public static BigDecimal epochSeconds(Instant t) {
    requireValid(t);
    BigInteger micros =
        BigInteger.valueOf(t.getEpochSecond())
            .multiply(BIG_MICROS_PER_SECOND)
            .add(BigInteger.valueOf(t.getNano() / 1000));
    if (micros.compareTo(BIG_LONG_MAX) < 0) {
      return new BigDecimal(micros, 6);
    }
    return PgNumeric.divide(new BigDecimal(micros), new BigDecimal(BIG_MICROS_PER_SECOND))
        .setScale(6, RoundingMode.HALF_UP);
  }

  /**
   * Microseconds since 1970-01-01 00:00:00 UTC.
   *
   * @throws ArithmeticException after 294247-01-10, where the count leaves a long (PostgreSQL
   *     counts from 2000 and so reaches 294276)
   */
  public static long toEpochMicros(Instant t) {
    return Math.addExact(
        Math.multiplyExact(t.getEpochSecond(), MICROS_PER_SECOND), t.getNano() / 1000);
  }

  /** The instant {@code micros} microseconds after 1970-01-01 00:00:00 UTC. */
  public static Instant ofEpochMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
  }
}
