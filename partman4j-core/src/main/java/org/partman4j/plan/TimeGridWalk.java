package org.partman4j.plan;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.partman4j.time.PgInterval;
import org.partman4j.time.PgTimestamps;
import org.partman4j.time.ZonedArithmetic;

/**
 * Finds the start of the child a time value belongs in, on the grid the set's existing children lie
 * on: pg_partman's {@code show_partition_name} for time sets.
 *
 * <p>The children are visited from the newest down. The value's child is the first one whose {@code
 * [start, start + interval)} holds it; when the value lies past a child's end (after the newest
 * child, or in a gap between two), the window is stepped forward from that child one interval at a
 * time; when it lies before the oldest child, stepped back from the oldest. Each step adds (or
 * subtracts) the interval to the start and to the end separately, in the set's zone, as pg_partman
 * does, so month intervals and DST days land where pg_partman's would.
 */
public final class TimeGridWalk {

  /**
   * The most single steps taken before giving up. Intervals of a fixed length (no months or days)
   * need none, since their steps are computed at once; a daily set reaches ±2,700 years.
   */
  static final int MAX_STEPS = 1_000_000;

  private TimeGridWalk() {}

  /**
   * The start of the child that holds {@code value}.
   *
   * @param value the instant to place
   * @param childStartsNewestFirst the lower bounds of the set's children, newest first
   * @param interval the set's partition interval (positive)
   * @param zone the zone the set computes in
   * @throws IllegalArgumentException when there are no children, or the value is more than {@link
   *     #MAX_STEPS} intervals away from them
   * @throws java.time.DateTimeException when stepping leaves PostgreSQL's range of timestamps
   */
  public static Instant childStartFor(
      Instant value, List<Instant> childStartsNewestFirst, PgInterval interval, ZoneId zone) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(zone, "zone");
    if (childStartsNewestFirst.isEmpty()) {
      throw new IllegalArgumentException("the set has no children to align the value with");
    }
    if (interval.compareTo(PgInterval.ZERO) <= 0) {
      throw new IllegalArgumentException("the partition interval " + interval + " is not positive");
    }
    Instant start = null;
    Instant end = null;
    boolean later = false;
    for (Instant childStart : childStartsNewestFirst) {
      start = childStart;
      end = ZonedArithmetic.plus(start, interval, zone);
      if (!value.isBefore(end)) {
        later = true;
        break;
      }
      if (!value.isBefore(start)) {
        return start;
      }
    }
    if (interval.months() == 0 && interval.days() == 0) {
      return fixedStep(value, start, interval.micros());
    }
    for (int i = 0; i < MAX_STEPS; i++) {
      if (later) {
        start = ZonedArithmetic.plus(start, interval, zone);
        end = ZonedArithmetic.plus(end, interval, zone);
      } else {
        start = ZonedArithmetic.minus(start, interval, zone);
        end = ZonedArithmetic.minus(end, interval, zone);
      }
      if (!value.isBefore(start) && value.isBefore(end)) {
        return start;
      }
    }
    throw new IllegalArgumentException(
        "the value "
            + value
            + " is more than "
            + MAX_STEPS
            + " intervals of "
            + interval
            + " away from the set's children");
  }

  /** With a fixed-length interval every step moves by the same microseconds: jump at once. */
  private static Instant fixedStep(Instant value, Instant from, long intervalMicros) {
    BigInteger step = BigInteger.valueOf(intervalMicros);
    BigInteger k = floorDiv(micros(value).subtract(micros(from)), step);
    BigInteger[] secondsAndMicros = floorDivMod(micros(from).add(k.multiply(step)), MILLION);
    return PgTimestamps.requireValid(
        Instant.ofEpochSecond(
            secondsAndMicros[0].longValueExact(), secondsAndMicros[1].longValueExact() * 1000));
  }

  private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);

  private static BigInteger floorDiv(BigInteger a, BigInteger b) {
    return floorDivMod(a, b)[0];
  }

  private static BigInteger[] floorDivMod(BigInteger a, BigInteger b) {
    BigInteger[] qr = a.divideAndRemainder(b);
    if (qr[1].signum() < 0) {
      qr[0] = qr[0].subtract(BigInteger.ONE);
      qr[1] = qr[1].add(b);
    }
    return qr;
  }

  private static BigInteger micros(Instant t) {
    return BigInteger.valueOf(t.getEpochSecond())
        .multiply(MILLION)
        .add(BigInteger.valueOf(t.getNano() / 1000));
  }
}
