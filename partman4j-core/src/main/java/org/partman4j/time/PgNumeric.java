package org.partman4j.time;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The parts of PostgreSQL's {@code numeric} arithmetic that partition counting depends on.
 *
 * <p>{@code numeric / numeric} is not exact: PostgreSQL rounds the quotient (half away from zero)
 * to a scale it chooses from the operands, enough for at least 16 significant digits and never less
 * than either operand's scale. A later {@code round()} then rounds that already rounded value, so
 * 2.4999999999999999 can become 3; mimicking the intermediate scale is what makes the counts equal.
 */
final class PgNumeric {

  /** PostgreSQL stores numerics in base-10000 digits of four decimal digits each. */
  private static final int DEC_DIGITS = 4;

  /** At least this many significant digits in a quotient. */
  private static final int MIN_SIG_DIGITS = 16;

  private static final int MAX_DISPLAY_SCALE = 1000;

  private PgNumeric() {}

  /**
   * {@code a / b} as PostgreSQL's numeric division computes it, with {@code a} and {@code b}
   * carrying PostgreSQL's display scale as their {@link BigDecimal#scale()}.
   *
   * @throws ArithmeticException on division by zero, as PostgreSQL errors
   */
  static BigDecimal divide(BigDecimal a, BigDecimal b) {
    if (b.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    return a.divide(b, quotientScale(a, b), RoundingMode.HALF_UP);
  }

  /** {@code round(x)}: to an integer, half away from zero. */
  static BigDecimal round(BigDecimal x) {
    return x.setScale(0, RoundingMode.HALF_UP);
  }

  /** The scale PostgreSQL gives {@code a / b}. */
  static int quotientScale(BigDecimal a, BigDecimal b) {
    Leading la = Leading.of(a);
    Leading lb = Leading.of(b);
    // Estimated weight of the quotient; equal leading digits count as "a smaller than b".
    int qweight = la.weight - lb.weight;
    if (la.digit <= lb.digit) {
      qweight--;
    }
    int scale = MIN_SIG_DIGITS - qweight * DEC_DIGITS;
    scale = Math.max(scale, Math.max(a.scale(), 0));
    scale = Math.max(scale, Math.max(b.scale(), 0));
    return Math.min(scale, MAX_DISPLAY_SCALE);
  }

  /**
   * The most significant base-10000 digit of a value and its weight (the power of 10000 it stands
   * for); zero has weight 0 and digit 0.
   */
  private record Leading(int weight, int digit) {
    static Leading of(BigDecimal v) {
      if (v.signum() == 0) {
        return new Leading(0, 0);
      }
      BigDecimal abs = v.abs();
      // Power of ten of the leading decimal digit, e.g. 4 for 12345.6 and -1 for 0.5.
      int exponent = abs.precision() - abs.scale() - 1;
      int weight = Math.floorDiv(exponent, DEC_DIGITS);
      int digit = abs.movePointLeft(weight * DEC_DIGITS).setScale(0, RoundingMode.DOWN).intValue();
      return new Leading(weight, digit);
    }
  }
}
