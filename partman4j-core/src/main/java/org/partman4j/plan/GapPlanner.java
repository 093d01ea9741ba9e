package org.partman4j.plan;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.partman4j.time.PgInterval;
import org.partman4j.time.ZonedArithmetic;

/**
 * The children pg_partman's {@code partition_gap_fill} makes: walking the existing children oldest
 * first, the start after each is the child's start plus the interval; every such start before the
 * next existing child is missing, and so is the start after it, until the next child is reached.
 * Nothing is planned before the oldest child or after the newest.
 */
public final class GapPlanner {

  /** More missing children than this is taken for a broken set rather than a gap to fill. */
  public static final int MAX_MISSING = 100_000;

  private GapPlanner() {}

  /**
   * The missing starts of a time-based set, ascending.
   *
   * @param ascending the starts of the existing children, oldest first
   * @throws IllegalArgumentException when more than {@link #MAX_MISSING} would be made
   */
  public static List<Instant> missingTimes(
      List<Instant> ascending, PgInterval interval, ZoneId zone) {
    if (interval.compareTo(PgInterval.ZERO) <= 0) {
      throw new IllegalArgumentException("the partition interval " + interval + " is not positive");
    }
    List<Instant> out = new ArrayList<>();
    for (int i = 0; i + 1 < ascending.size(); i++) {
      Instant next = ascending.get(i + 1);
      try {
        Instant expected = ZonedArithmetic.plus(ascending.get(i), interval, zone);
        while (expected.isBefore(next)) {
          add(out, expected);
          expected = ZonedArithmetic.plus(expected, interval, zone);
        }
      } catch (DateTimeException | ArithmeticException e) {
        // past the end of time: nothing more to fill after this child
      }
    }
    return out;
  }

  /**
   * The missing starts of an id set, ascending.
   *
   * @param ascending the starts of the existing children, oldest first
   * @param interval the set's interval (1 for a list set)
   * @throws IllegalArgumentException when more than {@link #MAX_MISSING} would be made
   */
  public static List<BigInteger> missingIds(List<BigInteger> ascending, BigInteger interval) {
    if (interval.signum() <= 0) {
      throw new IllegalArgumentException("the partition interval " + interval + " is not positive");
    }
    List<BigInteger> out = new ArrayList<>();
    for (int i = 0; i + 1 < ascending.size(); i++) {
      BigInteger next = ascending.get(i + 1);
      for (BigInteger v = ascending.get(i).add(interval);
          v.compareTo(next) < 0;
          v = v.add(interval)) {
        add(out, v);
      }
    }
    return out;
  }

  private static <T> void add(List<T> out, T value) {
    if (out.size() >= MAX_MISSING) {
      throw new IllegalArgumentException(
          "more than "
              + MAX_MISSING
              + " children are missing between the set's existing children; that is not a gap"
              + " but a set whose children do not lie on one grid");
    }
    out.add(value);
  }
}
