package org.partman4j.time;

/**
 * The number scanning of C's {@code strtol} and {@code strtod} as glibc does it, because
 * PostgreSQL's interval input leans on their exact behaviour: where a number ends, what "no digits"
 * returns, and when {@code errno} reports a range error.
 */
final class CNumbers {

  private CNumbers() {}

  /**
   * An integer scanned from a string.
   *
   * @param value the value (clamped on overflow, as strtol does)
   * @param end index just past the number; the start index when there were no digits
   * @param outOfRange whether the value did not fit the requested range
   */
  record ScannedLong(long value, int end, boolean outOfRange) {}

  /**
   * A floating-point number scanned from a string.
   *
   * @param value the value
   * @param end index just past the number; the start index when nothing was converted
   * @param rangeError whether strtod would set {@code ERANGE} (overflow or underflow)
   */
  record ScannedDouble(double value, int end, boolean rangeError) {}

  /** C's {@code isspace} in the C locale. */
  static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * C's {@code ispunct} in the C locale: printable ASCII that is neither alphanumeric nor space.
   */
  static boolean isPunct(char c) {
    return c > ' ' && c < 0x7f && !isDigit(c) && !isAlpha(c);
  }

  static char at(String s, int i) {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  /** {@code strtol(s + start, &end, 10)}, reporting a value outside [min, max] as out of range. */
  static ScannedLong strtol(String s, int start, long min, long max) {
    int i = start;
    while (isSpace(at(s, i))) {
      i++;
    }
    boolean negative = false;
    if (at(s, i) == '+' || at(s, i) == '-') {
      negative = at(s, i) == '-';
      i++;
    }
    int digitsStart = i;
    long value = 0;
    boolean overflow = false;
    while (isDigit(at(s, i))) {
      int digit = at(s, i) - '0';
      if (!overflow) {
        // Accumulate negatively so that Long.MIN_VALUE stays representable.
        if (value < (Long.MIN_VALUE + digit) / 10) {
          overflow = true;
        } else {
          value = value * 10 - digit;
        }
      }
      i++;
    }
    if (i == digitsStart) {
      return new ScannedLong(0, start, false);
    }
    if (!negative) {
      if (value == Long.MIN_VALUE) {
        overflow = true;
      } else {
        value = -value;
      }
    }
    if (overflow) {
      return new ScannedLong(negative ? Long.MIN_VALUE : Long.MAX_VALUE, i, true);
    }
    return new ScannedLong(value, i, value < min || value > max);
  }

  /** {@code strtol} into a 64-bit value, as PostgreSQL's {@code strtoi64}. */
  static ScannedLong strtoi64(String s, int start) {
    return strtol(s, start, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** {@code strtol} checked against the 32-bit range, as PostgreSQL's {@code strtoint}. */
  static ScannedLong strtoint(String s, int start) {
    return strtol(s, start, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** glibc's {@code strtod(s + start, &end)}: decimal, hexadecimal, inf and nan forms. */
  static ScannedDouble strtod(String s, int start) {
    int i = start;
    while (isSpace(at(s, i))) {
      i++;
    }
    boolean negative = false;
    if (at(s, i) == '+' || at(s, i) == '-') {
      negative = at(s, i) == '-';
      i++;
    }
    if (startsWithIgnoreCase(s, i, "inf")) {
      int end = startsWithIgnoreCase(s, i, "infinity") ? i + 8 : i + 3;
      return new ScannedDouble(
          negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, end, false);
    }
    if (startsWithIgnoreCase(s, i, "nan")) {
      int end = i + 3;
      if (at(s, end) == '(') {
        int j = end + 1;
        while (isDigit(at(s, j)) || isAlpha(at(s, j)) || at(s, j) == '_') {
          j++;
        }
        if (at(s, j) == ')') {
          end = j + 1;
        }
      }
      return new ScannedDouble(Double.NaN, end, false);
    }
    if (at(s, i) == '0' && (at(s, i + 1) == 'x' || at(s, i + 1) == 'X')) {
      ScannedDouble hex = scanHex(s, i + 2, negative);
      if (hex != null) {
        return hex;
      }
    }
    return scanDecimal(s, start, i, negative);
  }

  private static ScannedDouble scanDecimal(String s, int start, int i, boolean negative) {
    int mantissaStart = i;
    boolean anyDigit = false;
    boolean nonZero = false;
    while (isDigit(at(s, i))) {
      anyDigit = true;
      nonZero |= at(s, i) != '0';
      i++;
    }
    if (at(s, i) == '.') {
      int j = i + 1;
      while (isDigit(at(s, j))) {
        anyDigit = true;
        nonZero |= at(s, j) != '0';
        j++;
      }
      if (anyDigit) {
        i = j;
      }
    }
    if (!anyDigit) {
      return new ScannedDouble(0, start, false);
    }
    int mantissaEnd = i;
    if (at(s, i) == 'e' || at(s, i) == 'E') {
      int j = i + 1;
      if (at(s, j) == '+' || at(s, j) == '-') {
        j++;
      }
      if (isDigit(at(s, j))) {
        while (isDigit(at(s, j))) {
          j++;
        }
        i = j;
      }
    }
    double magnitude = parseDecimal(s.substring(mantissaStart, mantissaEnd), s, mantissaEnd, i);
    return finish(negative ? -magnitude : magnitude, i, nonZero);
  }

  private static double parseDecimal(String mantissa, String s, int expStart, int end) {
    if (expStart == end) {
      return Double.parseDouble(mantissa);
    }
    // Clamp absurd exponents so that the text stays parseable; the outcome (0 or infinity) is
    // the same.
    int j = expStart + 1;
    boolean negExp = at(s, j) == '-';
    if (at(s, j) == '+' || at(s, j) == '-') {
      j++;
    }
    String digits = s.substring(j, end).replaceFirst("^0+(?=.)", "");
    String exponent = digits.length() > 6 ? "999999" : digits;
    return Double.parseDouble(mantissa + "e" + (negExp ? "-" : "") + exponent);
  }

  private static ScannedDouble scanHex(String s, int i, boolean negative) {
    int digitsStart = i;
    boolean anyDigit = false;
    boolean nonZero = false;
    while (Character.digit(at(s, i), 16) >= 0 && at(s, i) < 0x80) {
      anyDigit = true;
      nonZero |= at(s, i) != '0';
      i++;
    }
    if (at(s, i) == '.') {
      int j = i + 1;
      while (Character.digit(at(s, j), 16) >= 0 && at(s, j) < 0x80) {
        anyDigit = true;
        nonZero |= at(s, j) != '0';
        j++;
      }
      if (anyDigit) {
        i = j;
      }
    }
    if (!anyDigit) {
      return null; // "0x" without hex digits: strtod reads just the "0"
    }
    String mantissa = s.substring(digitsStart, i);
    String exponent = "0";
    if (at(s, i) == 'p' || at(s, i) == 'P') {
      int j = i + 1;
      int signAt = j;
      if (at(s, j) == '+' || at(s, j) == '-') {
        j++;
      }
      if (isDigit(at(s, j))) {
        int expDigits = j;
        while (isDigit(at(s, j))) {
          j++;
        }
        String digits = s.substring(expDigits, j).replaceFirst("^0+(?=.)", "");
        exponent = (at(s, signAt) == '-' ? "-" : "") + (digits.length() > 6 ? "999999" : digits);
        i = j;
      }
    }
    double magnitude = Double.parseDouble("0x" + mantissa + "p" + exponent);
    return finish(negative ? -magnitude : magnitude, i, nonZero);
  }

  private static ScannedDouble finish(double value, int end, boolean nonZeroMantissa) {
    boolean overflow = Double.isInfinite(value);
    boolean underflow = nonZeroMantissa && Math.abs(value) < Double.MIN_NORMAL;
    return new ScannedDouble(value, end, overflow || underflow);
  }

  /** ASCII-only case folding, as the C locale does; {@code word} is lower case. */
  private static boolean startsWithIgnoreCase(String s, int at, String word) {
    for (int k = 0; k < word.length(); k++) {
      char c = at(s, at + k);
      char lower = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
      if (lower != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
