package org.partman4j.model;

/**
 * The grid of an id (integer) partition set: children start at multiples of the interval, as
 * pg_partman computes them with SQL's {@code %}, which truncates toward zero.
 *
 * <p>So for negative values the start is the multiple <em>toward zero</em>: with interval 10 the
 * value -15 maps to -10, whose child {@code [-10, 0)} does not contain it (the row lands in the
 * default). pg_partman behaves so and its users' sets are laid out accordingly; we match it.
 */
public final class IdGrid {

  private IdGrid() {}

  /**
   * {@code value - (value % interval)}, pg_partman's child start for a value.
   *
   * @throws IllegalArgumentException when the interval is not positive
   */
  public static long startFor(long value, long interval) {
    requirePositive(interval);
    return value - (value % interval);
  }

  /**
   * The start of the child that really contains {@code value} on the grid of multiples of {@code
   * interval} (floor, unlike {@link #startFor}); for non-negative values the two agree.
   */
  public static long containingStart(long value, long interval) {
    requirePositive(interval);
    return Math.floorDiv(value, interval) * interval;
  }

  /**
   * Premade children counted as pg_partman counts them for id sets: {@code (lastStart - current) /
   * interval}, integer division truncating toward zero.
   */
  public static long premadeCount(long lastChildStart, long currentStart, long interval) {
    requirePositive(interval);
    return Math.subtractExact(lastChildStart, currentStart) / interval;
  }

  private static void requirePositive(long interval) {
    if (interval <= 0) {
      throw new IllegalArgumentException(
          "an id partition interval must be a positive whole number, got " + interval);
    }
  }
}
