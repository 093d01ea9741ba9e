package org.partman4j.time;

/**
 * Interval arithmetic as PostgreSQL 15 and later do it: 64-bit microseconds, 32-bit days, months
 * and years, every step checked for overflow, fractions of a microsecond rounded half away from
 * zero only when strictly past the half.
 */
final class ModernSums implements IntervalSums {

  private static final long USECS_PER_SEC = 1_000_000L;
  private static final long USECS_PER_MINUTE = 60 * USECS_PER_SEC;
  private static final long USECS_PER_HOUR = 60 * USECS_PER_MINUTE;
  private static final long USECS_PER_DAY = 24 * USECS_PER_HOUR;

  private long usec;
  private int mday;
  private int mon;
  private int year;

  @Override
  public void microseconds(long whole, double fraction) throws DecodeFailure {
    addMicros(whole, fraction, 1);
  }

  @Override
  public void milliseconds(long whole, double fraction) throws DecodeFailure {
    addMicros(whole, fraction, 1000);
  }

  @Override
  public void seconds(long whole, double fraction) throws DecodeFailure {
    addMicros(whole, fraction, USECS_PER_SEC);
  }

  @Override
  public void minutes(long whole, double fraction) throws DecodeFailure {
    addMicros(whole, fraction, USECS_PER_MINUTE);
  }

  @Override
  public void hours(long whole, double fraction) throws DecodeFailure {
    addMicros(whole, fraction, USECS_PER_HOUR);
  }

  @Override
  public void days(long whole, double fraction) throws DecodeFailure {
    addDays(whole, 1);
    fractionOfMicros(fraction, USECS_PER_DAY);
  }

  @Override
  public void weeks(long whole, double fraction) throws DecodeFailure {
    addDays(whole, 7);
    fractionOfDays(fraction, 7);
  }

  @Override
  public void months(long whole, double fraction) throws DecodeFailure {
    mon = addInt(mon, toInt(whole));
    fractionOfDays(fraction, 30);
  }

  @Override
  public void years(long whole, double fraction, int scale) throws DecodeFailure {
    year = addInt(year, mulInt(toInt(whole), scale));
    // Fractional years become whole months, rounded half to even.
    mon = addInt(mon, (int) Math.rint(fraction * scale * 12));
  }

  @Override
  public void clock(ClockTime time, boolean negative) throws DecodeFailure {
    usec = time.micros();
    usec = mulAdd(time.hours(), USECS_PER_HOUR, usec);
    usec = mulAdd(time.minutes(), USECS_PER_MINUTE, usec);
    usec = mulAdd(time.seconds(), USECS_PER_SEC, usec);
    if (negative) {
      usec = -usec;
    }
  }

  @Override
  public void basicTimeFraction(double fraction) throws DecodeFailure {
    // PostgreSQL scales this fraction by one microsecond, not one second; keep its result.
    fractionOfMicros(fraction, 1);
  }

  @Override
  public void normalizeFraction() {
    // Nothing to do: microseconds are kept as one 64-bit count.
  }

  @Override
  public void negate() throws DecodeFailure {
    if (usec == Long.MIN_VALUE
        || mday == Integer.MIN_VALUE
        || mon == Integer.MIN_VALUE
        || year == Integer.MIN_VALUE) {
      throw DecodeFailure.overflow("it cannot be negated");
    }
    usec = -usec;
    mday = -mday;
    mon = -mon;
    year = -year;
  }

  @Override
  public PgInterval toInterval() throws DecodeFailure {
    long totalMonths = (long) year * 12 + mon;
    if (totalMonths != (int) totalMonths) {
      throw new DecodeFailure(
          DecodeFailure.Code.RESULT_OUT_OF_RANGE, "it has more months than PostgreSQL can store");
    }
    return new PgInterval((int) totalMonths, mday, usec);
  }

  private void addMicros(long whole, double fraction, long scale) throws DecodeFailure {
    usec = mulAdd(whole, scale, usec);
    fractionOfMicros(fraction, scale);
  }

  private void fractionOfMicros(double fraction, long scale) throws DecodeFailure {
    if (fraction == 0) {
      return;
    }
    double scaled = fraction * scale;
    long whole = (long) scaled;
    double rest = scaled - whole;
    if (rest > 0.5) {
      whole++;
    } else if (rest < -0.5) {
      whole--;
    }
    usec = addLong(usec, whole);
  }

  private void fractionOfDays(double fraction, int scale) throws DecodeFailure {
    if (fraction == 0) {
      return;
    }
    double scaled = fraction * scale;
    int extraDays = (int) scaled;
    mday = addInt(mday, extraDays);
    fractionOfMicros(scaled - extraDays, USECS_PER_DAY);
  }

  private void addDays(long whole, int scale) throws DecodeFailure {
    mday = addInt(mday, mulInt(toInt(whole), scale));
  }

  private static long mulAdd(long value, long multiplier, long sum) throws DecodeFailure {
    try {
      return Math.addExact(sum, Math.multiplyExact(value, multiplier));
    } catch (ArithmeticException e) {
      throw tooLarge();
    }
  }

  private static long addLong(long a, long b) throws DecodeFailure {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw tooLarge();
    }
  }

  private static int toInt(long value) throws DecodeFailure {
    if (value != (int) value) {
      throw tooLarge();
    }
    return (int) value;
  }

  private static int addInt(int a, int b) throws DecodeFailure {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw tooLarge();
    }
  }

  private static int mulInt(int a, int b) throws DecodeFailure {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw tooLarge();
    }
  }

  private static DecodeFailure tooLarge() {
    return DecodeFailure.overflow("a part of it is too large");
  }
}
