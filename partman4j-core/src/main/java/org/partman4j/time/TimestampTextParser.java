package org.partman4j.time;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** Reads one ISO date/time text as PostgreSQL prints it; see {@link TimestampText}. */
final class TimestampTextParser {

  /** Which of the three printed forms to expect. */
  enum Form {
    DATE,
    TIMESTAMP,
    TIMESTAMPTZ
  }

  /** The local date and time read, and the offset for {@link Form#TIMESTAMPTZ} (else null). */
  record Parsed(LocalDateTime local, ZoneOffset offset) {}

  /** More year digits than PostgreSQL's range needs (294276); keeps the value inside an int. */
  private static final int MAX_YEAR_DIGITS = 6;

  private final String text;
  private int pos;

  private TimestampTextParser(String text) {
    this.text = Objects.requireNonNull(text, "text");
  }

  static Parsed parse(String text, Form form) {
    return new TimestampTextParser(text).read(form);
  }

  private Parsed read(Form form) {
    int printedYear = year();
    expect('-');
    int month = digits(2);
    expect('-');
    int day = digits(2);
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nanos = 0;
    ZoneOffset offset = null;
    if (form != Form.DATE) {
      expect(' ');
      hour = digits(2);
      expect(':');
      minute = digits(2);
      expect(':');
      second = digits(2);
      nanos = fraction();
      if (form == Form.TIMESTAMPTZ) {
        offset = offset();
      }
    }
    boolean bc = text.startsWith(" BC", pos);
    if (bc) {
      pos += 3;
    }
    if (pos != text.length()) {
      throw bad("nothing after position " + pos);
    }
    // The era decides the astronomical year, and so whether February 29 exists: 1 BC is leap.
    int year = bc ? 1 - printedYear : printedYear;
    try {
      return new Parsed(LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("\"" + text + "\": " + e.getMessage(), e);
    }
  }

  private int year() {
    int start = pos;
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos - start < 4 || pos - start > MAX_YEAR_DIGITS) {
      throw bad("a year of 4 to " + MAX_YEAR_DIGITS + " digits at the start");
    }
    int year = Integer.parseInt(text.substring(start, pos));
    if (year == 0) {
      throw bad("a year other than 0000 (1 BC is 0001 BC)");
    }
    return year;
  }

  private int fraction() {
    if (pos >= text.length() || text.charAt(pos) != '.') {
      return 0;
    }
    pos++;
    int start = pos;
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
    int n = pos - start;
    if (n < 1 || n > 6) {
      throw bad("1 to 6 fraction digits after '.'");
    }
    int nanos = Integer.parseInt(text.substring(start, pos));
    for (int i = n; i < 9; i++) {
      nanos *= 10;
    }
    return nanos;
  }

  /** {@code +HH}, {@code +HH:MM} or {@code +HH:MM:SS} (or {@code -}). */
  private ZoneOffset offset() {
    if (pos >= text.length() || (text.charAt(pos) != '+' && text.charAt(pos) != '-')) {
      throw bad("a UTC offset such as +00 or -04:56:02 after the time");
    }
    int sign = text.charAt(pos) == '-' ? -1 : 1;
    pos++;
    int hours = digits(2);
    int minutes = 0;
    int seconds = 0;
    if (pos < text.length() && text.charAt(pos) == ':') {
      pos++;
      minutes = digits(2);
      if (pos < text.length() && text.charAt(pos) == ':') {
        pos++;
        seconds = digits(2);
      }
    }
    if (minutes > 59 || seconds > 59) {
      throw bad("minutes and seconds of the offset below 60");
    }
    try {
      return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60 + seconds));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("\"" + text + "\": " + e.getMessage(), e);
    }
  }

  private int digits(int count) {
    if (pos + count > text.length()) {
      throw bad(count + " digits at position " + (pos + 1));
    }
    for (int i = pos; i < pos + count; i++) {
      if (!isDigit(text.charAt(i))) {
        throw bad(count + " digits at position " + (pos + 1));
      }
    }
    int value = Integer.parseInt(text.substring(pos, pos + count));
    pos += count;
    return value;
  }

  private void expect(char c) {
    if (pos >= text.length() || text.charAt(pos) != c) {
      throw bad("'" + c + "' at position " + (pos + 1));
    }
    pos++;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private IllegalArgumentException bad(String expected) {
    return new IllegalArgumentException(
        "\""
            + text
            + "\" is not a PostgreSQL ISO date/time (DateStyle ISO, e.g. 2026-11-18 00:00:00+00):"
            + " expected "
            + expected);
  }
}
