package org.partman4j.time;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The units {@code date_trunc} accepts for a {@code timestamptz}, with the spellings PostgreSQL
 * recognises for each (its table of interval unit keywords).
 *
 * <p>PostgreSQL lower-cases the unit and compares at most its first ten characters with each
 * keyword, so {@code 'Milliseconds'}, {@code 'millisecond'} and even {@code 'millisecondsX'} all
 * mean milliseconds; {@link #parse} does the same.
 */
public enum TruncUnit {
  MICROSECONDS("microseconds", "microsecon", "us", "usec", "usecond", "useconds", "usecs"),
  MILLISECONDS("milliseconds", "millisecon", "ms", "msec", "msecond", "mseconds", "msecs"),
  SECOND("second", "s", "sec", "second", "seconds", "secs"),
  MINUTE("minute", "m", "min", "mins", "minute", "minutes"),
  HOUR("hour", "h", "hour", "hours", "hr", "hrs"),
  DAY("day", "d", "day", "days"),
  /** The ISO week, starting on Monday. */
  WEEK("week", "w", "week", "weeks"),
  MONTH("month", "mon", "mons", "month", "months"),
  QUARTER("quarter", "qtr", "quarter"),
  YEAR("year", "y", "year", "years", "yr", "yrs"),
  /** Years ending in 0 start a decade (2020, 2030). */
  DECADE("decade", "dec", "decade", "decades", "decs"),
  /** Centuries start in years ending in 01 (1901, 2001). */
  CENTURY("century", "c", "cent", "centuries", "century"),
  /** Millennia start in years ending in 001 (1001, 2001). */
  MILLENNIUM("millennium", "mil", "millennia", "millennium", "mils");

  /** PostgreSQL compares unit names on this many leading characters. */
  private static final int KEYWORD_LENGTH = 10;

  private final String sqlName;
  private final List<String> keywords;

  TruncUnit(String sqlName, String... keywords) {
    this.sqlName = sqlName;
    this.keywords = List.of(keywords);
  }

  /** The name to pass to PostgreSQL's {@code date_trunc}, e.g. {@code "month"}. */
  public String sqlName() {
    return sqlName;
  }

  /** The lower-case keywords PostgreSQL recognises for this unit (10 characters at most). */
  List<String> keywords() {
    return keywords;
  }

  /**
   * {@code true} for the units at or above a day, after which PostgreSQL re-resolves the offset.
   */
  boolean isDayOrLonger() {
    return compareTo(DAY) >= 0;
  }

  /**
   * The unit {@code date_trunc(unit, timestamptz)} would use for this text.
   *
   * @throws IllegalArgumentException when PostgreSQL would reject the text, naming the valid units
   */
  public static TruncUnit parse(String unit) {
    if (unit == null) {
      throw new IllegalArgumentException("date_trunc unit is null; valid units: " + validUnits());
    }
    String key = asciiLowerCase(unit);
    if (key.length() > KEYWORD_LENGTH) {
      key = key.substring(0, KEYWORD_LENGTH);
    }
    for (TruncUnit u : values()) {
      if (u.keywords.contains(key)) {
        return u;
      }
    }
    throw new IllegalArgumentException(
        "date_trunc unit \""
            + unit
            + "\" is not valid for timestamptz; use one of "
            + validUnits());
  }

  private static String validUnits() {
    return Arrays.stream(values()).map(TruncUnit::sqlName).collect(Collectors.joining(", "));
  }

  // PostgreSQL folds only ASCII letters here (in UTF-8 databases); Locale-aware lower-casing would
  // also fold letters PostgreSQL leaves alone, e.g. the Kelvin sign to 'k'.
  private static String asciiLowerCase(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return b.toString();
  }
}
