package org.partman4j.time;

/**
 * Where the decoders add up an interval's parts. PostgreSQL 15 rewrote this arithmetic (64-bit
 * microseconds, overflow checks, a different rounding of fractions); the two implementations keep
 * each generation's exact results.
 */
interface IntervalSums {

  /** A clock reading from "hh:mm:ss.ffffff" text, before any sign is applied. */
  record ClockTime(long hours, int minutes, int seconds, int micros) {}

  void microseconds(long whole, double fraction) throws DecodeFailure;

  void milliseconds(long whole, double fraction) throws DecodeFailure;

  void seconds(long whole, double fraction) throws DecodeFailure;

  void minutes(long whole, double fraction) throws DecodeFailure;

  void hours(long whole, double fraction) throws DecodeFailure;

  void days(long whole, double fraction) throws DecodeFailure;

  void weeks(long whole, double fraction) throws DecodeFailure;

  void months(long whole, double fraction) throws DecodeFailure;

  /** Years times {@code scale} (1, 10, 100 or 1000), the fraction going to months. */
  void years(long whole, double fraction, int scale) throws DecodeFailure;

  /**
   * A clock field. Both generations <em>replace</em> the time accumulated so far rather than add to
   * it (which is why {@code '01:00:00 1.5 days'} loses the half day).
   */
  void clock(ClockTime time, boolean negative) throws DecodeFailure;

  /** The fraction of ISO 8601's basic "hhmmss.f" form, which the two generations scale apart. */
  void basicTimeFraction(double fraction) throws DecodeFailure;

  /** Brings fractional seconds back below one second (PostgreSQL 14's field decoder only). */
  void normalizeFraction() throws DecodeFailure;

  /** Negates everything, for "ago". */
  void negate() throws DecodeFailure;

  /** The stored value. */
  PgInterval toInterval() throws DecodeFailure;
}
