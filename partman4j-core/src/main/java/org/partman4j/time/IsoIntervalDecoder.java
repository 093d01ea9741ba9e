package org.partman4j.time;

import static org.partman4j.time.CNumbers.at;
import static org.partman4j.time.CNumbers.isDigit;

/**
 * Decodes ISO 8601 durations as PostgreSQL does: the designator form ({@code P1Y2M3DT4H5M6.5S},
 * {@code P1W}) and the alternative forms ({@code P0001-02-03T04:05:06}, {@code P00010203T040506}).
 * The server only tries this when its own syntax fails, on the raw text: upper-case designators, no
 * surrounding spaces.
 */
final class IsoIntervalDecoder {

  /** PostgreSQL 15+ refuse ISO numbers beyond this, so that their integer part stays exact. */
  private static final double MODERN_LIMIT = 1.0e15;

  private final String text;
  private final IntervalRules rules;
  private final IntervalSums sums;
  private int pos;

  private IsoIntervalDecoder(String text, IntervalRules rules, IntervalSums sums) {
    this.text = text;
    this.rules = rules;
    this.sums = sums;
  }

  /** A number split into its integer part (towards zero) and the rest. */
  private record IsoNumber(long whole, double fraction) {}

  static void decode(String text, IntervalRules rules, IntervalSums sums) throws DecodeFailure {
    new IsoIntervalDecoder(text, rules, sums).run();
  }

  private void run() throws DecodeFailure {
    if (text.length() < 2 || text.charAt(0) != 'P') {
      throw DecodeFailure.badFormat("it is not an ISO 8601 duration");
    }
    pos = 1;
    boolean datePart = true;
    boolean haveField = false;
    while (pos < text.length()) {
      if (text.charAt(pos) == 'T') {
        datePart = false;
        haveField = false;
        pos++;
        continue;
      }
      int fieldStart = pos;
      IsoNumber n = number();
      char unit = at(text, pos);
      pos++;
      if (datePart) {
        switch (unit) {
          case 'Y':
            sums.years(n.whole(), n.fraction(), 1);
            break;
          case 'M':
            sums.months(n.whole(), n.fraction());
            break;
          case 'W':
            sums.weeks(n.whole(), n.fraction());
            break;
          case 'D':
            sums.days(n.whole(), n.fraction());
            break;
          case 'T':
          case '\0':
            if (integerWidth(fieldStart) == 8 && !haveField) {
              // Basic alternative form: YYYYMMDD
              sums.years(n.whole() / 10000, 0, 1);
              sums.months((n.whole() / 100) % 100, 0);
              sums.days(n.whole() % 100, n.fraction());
              if (unit == '\0') {
                return;
              }
              datePart = false;
              haveField = false;
              continue;
            }
            if (extendedDate(n, unit, haveField)) {
              return;
            }
            datePart = false;
            haveField = false;
            continue;
          case '-':
            if (extendedDate(n, unit, haveField)) {
              return;
            }
            datePart = false;
            haveField = false;
            continue;
          default:
            throw badDesignator(unit, "Y, M, W or D");
        }
      } else {
        switch (unit) {
          case 'H':
            sums.hours(n.whole(), n.fraction());
            break;
          case 'M':
            sums.minutes(n.whole(), n.fraction());
            break;
          case 'S':
            sums.seconds(n.whole(), n.fraction());
            break;
          case '\0':
            if (integerWidth(fieldStart) == 6 && !haveField) {
              // Basic alternative form: hhmmss
              sums.hours(n.whole() / 10000, 0);
              sums.minutes((n.whole() / 100) % 100, 0);
              sums.seconds(n.whole() % 100, 0);
              sums.basicTimeFraction(n.fraction());
              return;
            }
            extendedTime(n, unit, haveField);
            return;
          case ':':
            extendedTime(n, unit, haveField);
            return;
          default:
            throw badDesignator(unit, "H, M or S");
        }
      }
      haveField = true;
    }
  }

  /**
   * The extended alternative date "YYYY-MM-DD", whose year was just read. Returns true when the
   * text ends here, false when a time part ("T...") follows (left unread for the main loop).
   */
  private boolean extendedDate(IsoNumber years, char unit, boolean haveField) throws DecodeFailure {
    if (haveField) {
      throw DecodeFailure.badFormat("the alternative ISO 8601 form cannot follow designators");
    }
    sums.years(years.whole(), years.fraction(), 1);
    if (unit == '\0') {
      return true;
    }
    if (unit == 'T') {
      return false;
    }
    IsoNumber months = number();
    sums.months(months.whole(), months.fraction());
    if (pos >= text.length()) {
      return true;
    }
    if (text.charAt(pos) == 'T') {
      return false;
    }
    if (text.charAt(pos) != '-') {
      throw DecodeFailure.badFormat("the alternative ISO 8601 date must be YYYY-MM-DD");
    }
    pos++;
    IsoNumber days = number();
    sums.days(days.whole(), days.fraction());
    if (pos >= text.length()) {
      return true;
    }
    if (text.charAt(pos) == 'T') {
      return false;
    }
    throw DecodeFailure.badFormat("the alternative ISO 8601 date must be YYYY-MM-DD");
  }

  /** The extended alternative time "hh:mm:ss", whose hours were just read; it ends the text. */
  private void extendedTime(IsoNumber hours, char unit, boolean haveField) throws DecodeFailure {
    if (haveField) {
      throw DecodeFailure.badFormat("the alternative ISO 8601 form cannot follow designators");
    }
    sums.hours(hours.whole(), hours.fraction());
    if (unit == '\0') {
      return;
    }
    IsoNumber minutes = number();
    sums.minutes(minutes.whole(), minutes.fraction());
    if (pos >= text.length()) {
      return;
    }
    if (text.charAt(pos) != ':') {
      throw DecodeFailure.badFormat("the alternative ISO 8601 time must be hh:mm:ss");
    }
    pos++;
    IsoNumber seconds = number();
    sums.seconds(seconds.whole(), seconds.fraction());
    if (pos < text.length()) {
      throw DecodeFailure.badFormat("the alternative ISO 8601 time must be hh:mm:ss");
    }
  }

  private IsoNumber number() throws DecodeFailure {
    char c = at(text, pos);
    if (!(isDigit(c) || c == '-' || c == '.')) {
      throw DecodeFailure.badFormat("a number is missing in the ISO 8601 duration");
    }
    CNumbers.ScannedDouble d = CNumbers.strtod(text, pos);
    if (d.end() == pos || d.rangeError()) {
      throw DecodeFailure.badFormat("a number is missing in the ISO 8601 duration");
    }
    pos = d.end();
    double v = d.value();
    if (rules.legacyArithmetic()) {
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw DecodeFailure.overflow("a number in it is too large");
      }
      if (Double.isNaN(v)) {
        // PostgreSQL 14 lets NaN through as INT_MIN plus a NaN fraction; the sums flag it.
        return new IsoNumber(Integer.MIN_VALUE, Double.NaN);
      }
    } else if (Double.isNaN(v) || v < -MODERN_LIMIT || v > MODERN_LIMIT) {
      throw DecodeFailure.overflow("a number in it is too large");
    }
    long whole = v >= 0 ? (long) Math.floor(v) : -(long) Math.floor(-v);
    return new IsoNumber(whole, v - whole);
  }

  private int integerWidth(int fieldStart) {
    int i = fieldStart;
    if (at(text, i) == '-') {
      i++;
    }
    int start = i;
    while (isDigit(at(text, i))) {
      i++;
    }
    return i - start;
  }

  private static DecodeFailure badDesignator(char unit, String expected) {
    String found = unit == '\0' ? "the end" : "\"" + unit + "\"";
    return DecodeFailure.badFormat(
        "in ISO 8601 a number must be followed by " + expected + ", not " + found);
  }
}
