package org.partman4j.time;

import static org.partman4j.time.CNumbers.at;
import static org.partman4j.time.CNumbers.isDigit;

/** Number pieces shared by the two interval decoders: fractions and clock fields. */
final class IntervalNumbers {

  private IntervalNumbers() {}

  /**
   * The fraction text starting at the decimal point at {@code from} and running to the end, as
   * PostgreSQL reads it. A bare "." is zero from PostgreSQL 15 on and an error before.
   */
  static double fraction(String text, int from, IntervalRules rules) throws DecodeFailure {
    String digits = text.substring(from + 1);
    if (digits.isEmpty()) {
      if (rules.legacyArithmetic()) {
        throw DecodeFailure.badFormat("a decimal point must be followed by digits");
      }
      return 0;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (!isDigit(digits.charAt(i))) {
        throw DecodeFailure.badFormat("\"" + text + "\" is not a number");
      }
    }
    return Double.parseDouble("0." + digits);
  }

  /** Reads "h:mm", "h:mm:ss[.ffffff]" or "mm:ss.ffffff" (the last when a fraction follows mm). */
  static IntervalSums.ClockTime clock(String text, IntervalRules rules) throws DecodeFailure {
    CNumbers.ScannedLong h =
        rules.legacyArithmetic() ? CNumbers.strtoint(text, 0) : CNumbers.strtoi64(text, 0);
    if (h.outOfRange()) {
      throw DecodeFailure.overflow("the hours of \"" + text + "\" are too many");
    }
    int cp = h.end();
    if (at(text, cp) != ':') {
      throw DecodeFailure.badFormat("\"" + text + "\" is not a time of the form hh:mm:ss");
    }
    CNumbers.ScannedLong m = CNumbers.strtoint(text, cp + 1);
    if (m.outOfRange()) {
      throw DecodeFailure.overflow("the minutes of \"" + text + "\" are too many");
    }
    cp = m.end();
    long hours = h.value();
    long minutes = m.value();
    long seconds = 0;
    long micros = 0;
    if (cp == text.length()) {
      // hh:mm
    } else if (at(text, cp) == '.') {
      micros = fractionalSecond(text, cp, rules);
      if (hours != (int) hours) {
        throw DecodeFailure.overflow("\"" + text + "\" has too many minutes");
      }
      seconds = minutes;
      minutes = hours;
      hours = 0;
    } else if (at(text, cp) == ':') {
      CNumbers.ScannedLong s = CNumbers.strtoint(text, cp + 1);
      if (s.outOfRange()) {
        throw DecodeFailure.overflow("the seconds of \"" + text + "\" are too many");
      }
      cp = s.end();
      seconds = s.value();
      if (cp == text.length()) {
        // hh:mm:ss
      } else if (at(text, cp) == '.') {
        micros = fractionalSecond(text, cp, rules);
      } else {
        throw DecodeFailure.badFormat("\"" + text + "\" is not a time of the form hh:mm:ss");
      }
    } else {
      throw DecodeFailure.badFormat("\"" + text + "\" is not a time of the form hh:mm:ss");
    }
    if (hours < 0
        || minutes < 0
        || minutes > 59
        || seconds < 0
        || seconds > 60
        || micros < 0
        || micros > 1_000_000) {
      throw DecodeFailure.overflow(
          "in \"" + text + "\" minutes must be 0 to 59 and seconds 0 to 60");
    }
    return new IntervalSums.ClockTime(hours, (int) minutes, (int) seconds, (int) micros);
  }

  private static long fractionalSecond(String text, int from, IntervalRules rules)
      throws DecodeFailure {
    return (long) Math.rint(fraction(text, from, rules) * 1_000_000);
  }
}
