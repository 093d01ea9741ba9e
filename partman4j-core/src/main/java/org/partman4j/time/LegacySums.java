package org.partman4j.time;

/**
 * Interval arithmetic as PostgreSQL 14 does it: separate 32-bit year, month, day, hour, minute and
 * second counters plus a 32-bit microsecond fraction, fractions rounded with {@code rint} (half to
 * even), fractional years truncated to months.
 *
 * <p>PostgreSQL 14 lets those 32-bit counters wrap around silently. Where that would happen this
 * class refuses with {@link DecodeFailure.Code#WRAPS_ON_SERVER} instead of reproducing the garbage.
 */
final class LegacySums implements IntervalSums {

  private int year;
  private int mon;
  private int mday;
  private int hour;
  private int min;
  private int sec;
  private int fsec;
  private boolean wrapped;

  @Override
  public void microseconds(long whole, double fraction) {
    fsec = toInt(fsec + Math.rint(whole + fraction));
  }

  @Override
  public void milliseconds(long whole, double fraction) {
    int value = toInt(whole);
    sec = add(sec, value / 1000);
    value -= (value / 1000) * 1000;
    fsec = toInt(fsec + Math.rint((value + fraction) * 1000));
  }

  @Override
  public void seconds(long whole, double fraction) {
    sec = add(sec, whole);
    fsec = toInt(fsec + Math.rint(fraction * 1_000_000));
  }

  @Override
  public void minutes(long whole, double fraction) {
    min = add(min, whole);
    fractionOfSeconds(fraction, 60);
  }

  @Override
  public void hours(long whole, double fraction) {
    hour = add(hour, whole);
    fractionOfSeconds(fraction, 3600);
  }

  @Override
  public void days(long whole, double fraction) {
    mday = add(mday, whole);
    fractionOfSeconds(fraction, 86_400);
  }

  @Override
  public void weeks(long whole, double fraction) {
    mday = add(mday, mulWrapping(whole, 7));
    fractionOfDays(fraction, 7);
  }

  @Override
  public void months(long whole, double fraction) {
    mon = add(mon, whole);
    fractionOfDays(fraction, 30);
  }

  @Override
  public void years(long whole, double fraction, int scale) {
    year = add(year, mulWrapping(whole, scale));
    if (fraction != 0) {
      // PostgreSQL 14 truncates the month count after adding, it does not round.
      double months = scale == 1 ? fraction * 12 : fraction * 12 * scale;
      mon = toInt(mon + months);
    }
  }

  @Override
  public void clock(ClockTime time, boolean negative) {
    hour = toInt(time.hours());
    min = time.minutes();
    sec = time.seconds();
    fsec = time.micros();
    if (negative) {
      hour = -hour;
      min = -min;
      sec = -sec;
      fsec = -fsec;
    }
  }

  @Override
  public void basicTimeFraction(double fraction) {
    fractionOfSeconds(fraction, 1);
  }

  @Override
  public void normalizeFraction() {
    if (fsec != 0) {
      int whole = fsec / 1_000_000;
      fsec -= whole * 1_000_000;
      sec = add(sec, whole);
    }
  }

  @Override
  public void negate() {
    year = negateInt(year);
    mon = negateInt(mon);
    mday = negateInt(mday);
    hour = negateInt(hour);
    min = negateInt(min);
    sec = negateInt(sec);
    fsec = negateInt(fsec);
  }

  @Override
  public PgInterval toInterval() throws DecodeFailure {
    if (wrapped && !fitsMonths()) {
      // The server fails here too, with its own message.
      throw new DecodeFailure(
          DecodeFailure.Code.RESULT_OUT_OF_RANGE, "it has more months than PostgreSQL can store");
    }
    if (wrapped) {
      throw new DecodeFailure(
          DecodeFailure.Code.WRAPS_ON_SERVER,
          "a part of it is too large (PostgreSQL 14 would silently store a wrong value)");
    }
    double totalMonths = (double) year * 12 + mon;
    if (totalMonths > Integer.MAX_VALUE || totalMonths < Integer.MIN_VALUE) {
      throw new DecodeFailure(
          DecodeFailure.Code.RESULT_OUT_OF_RANGE, "it has more months than PostgreSQL can store");
    }
    long time = ((hour * 60L + min) * 60L + sec) * 1_000_000L + fsec;
    return new PgInterval((int) totalMonths, mday, time);
  }

  private boolean fitsMonths() {
    double totalMonths = (double) year * 12 + mon;
    return totalMonths <= Integer.MAX_VALUE && totalMonths >= Integer.MIN_VALUE;
  }

  private void fractionOfSeconds(double fraction, int scale) {
    if (fraction == 0) {
      return;
    }
    double scaled = fraction * scale;
    int wholeSeconds = toInt(scaled);
    sec = add(sec, wholeSeconds);
    fsec = toInt(fsec + Math.rint((scaled - wholeSeconds) * 1_000_000));
  }

  private void fractionOfDays(double fraction, int scale) {
    if (fraction == 0) {
      return;
    }
    double scaled = fraction * scale;
    int extraDays = toInt(scaled);
    mday = add(mday, extraDays);
    fractionOfSeconds(scaled - extraDays, 86_400);
  }

  private int add(int a, long b) {
    long sum = a + b;
    wrapped |= sum != (int) sum;
    return (int) sum;
  }

  private int mulWrapping(long whole, int factor) {
    long product = whole * factor;
    wrapped |= product != (int) product;
    return (int) product;
  }

  private int negateInt(int a) {
    wrapped |= a == Integer.MIN_VALUE;
    return -a;
  }

  /** C's conversion of a double to int: x86 yields INT_MIN when the value does not fit. */
  private int toInt(double value) {
    if (Double.isNaN(value) || value >= 2147483648.0 || value <= -2147483649.0) {
      wrapped = true;
      return Integer.MIN_VALUE;
    }
    return (int) value;
  }
}
