package org.partman4j.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Date and time texts exactly as PostgreSQL prints them with {@code DateStyle = ISO}, and back.
 *
 * <p>This is the form partition bounds come in: {@code pg_get_expr(relpartbound, oid)} shows {@code
 * FOR VALUES FROM ('2026-11-18 00:00:00+00') TO (...)}, with the offset the session zone has at
 * that instant. The forms are:
 *
 * <ul>
 *   <li>{@code timestamptz}: {@code 2026-11-18 00:00:00+00}, {@code 2026-11-18 06:30:00+05:30},
 *       {@code 1800-01-01 00:00:00-04:56:02} (local mean time has seconds), {@code 2026-11-18
 *       00:00:00.25+01} (fraction without trailing zeros), {@code 0044-03-15 12:00:00+00 BC}
 *   <li>{@code timestamp}: the same without the offset
 *   <li>{@code date}: {@code 2026-11-18}, {@code 0044-03-15 BC}
 * </ul>
 *
 * <p>Years have at least four digits. Parsing accepts these forms (with a fraction of one to six
 * digits) and nothing else, so a text from another {@code DateStyle} fails loudly instead of being
 * misread.
 */
public final class TimestampText {

  private TimestampText() {}

  /** {@code t::text} in a session with this {@code TimeZone} and {@code DateStyle = ISO}. */
  public static String formatTimestamptz(Instant t, ZoneId zone) {
    PgTimestamps.requireValid(t);
    LocalDateTime local = PgZoneRules.toLocal(t, zone);
    StringBuilder out = new StringBuilder(40);
    appendDate(out, local.toLocalDate());
    out.append(' ');
    appendTime(out, local);
    appendOffset(out, PgZoneRules.offsetAt(t, zone));
    appendEra(out, local.getYear());
    return out.toString();
  }

  /** A {@code timestamp without time zone} as PostgreSQL prints it. */
  public static String formatTimestamp(LocalDateTime local) {
    Objects.requireNonNull(local, "timestamp");
    if (local.getNano() % 1000 != 0) {
      throw new IllegalArgumentException(
          "timestamp " + local + " has sub-microsecond digits; PostgreSQL keeps microseconds");
    }
    StringBuilder out = new StringBuilder(32);
    appendDate(out, local.toLocalDate());
    out.append(' ');
    appendTime(out, local);
    appendEra(out, local.getYear());
    return out.toString();
  }

  /** A {@code date} as PostgreSQL prints it. */
  public static String formatDate(LocalDate date) {
    Objects.requireNonNull(date, "date");
    StringBuilder out = new StringBuilder(16);
    appendDate(out, date);
    appendEra(out, date.getYear());
    return out.toString();
  }

  /**
   * Reads a {@code timestamptz} text with its offset, e.g. {@code 2026-11-18 00:00:00+00}.
   *
   * @throws IllegalArgumentException when the text is not in that form, or names no valid instant
   */
  public static Instant parseTimestamptz(String text) {
    TimestampTextParser.Parsed p =
        TimestampTextParser.parse(text, TimestampTextParser.Form.TIMESTAMPTZ);
    try {
      return PgTimestamps.requireInRange(p.local().toInstant(p.offset()));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("\"" + text + "\": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a {@code timestamp} text without offset, e.g. {@code 2026-11-18 00:00:00}.
   *
   * @throws IllegalArgumentException when the text is not in that form
   */
  public static LocalDateTime parseTimestamp(String text) {
    return TimestampTextParser.parse(text, TimestampTextParser.Form.TIMESTAMP).local();
  }

  /**
   * Reads a local {@code timestamp} text as {@code text::timestamptz} does in a session with this
   * {@code TimeZone}: a time skipped by a spring-forward change takes the offset before it, a time
   * repeated by a fall-back change takes the offset after it.
   *
   * @throws IllegalArgumentException when the text is not a timestamp without offset
   */
  public static Instant parseTimestampInZone(String text, ZoneId zone) {
    LocalDateTime local = parseTimestamp(text);
    try {
      return PgZoneRules.resolve(local, zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("\"" + text + "\": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a {@code date} text, e.g. {@code 2026-11-18} or {@code 0044-03-15 BC}.
   *
   * @throws IllegalArgumentException when the text is not in that form
   */
  public static LocalDate parseDate(String text) {
    return TimestampTextParser.parse(text, TimestampTextParser.Form.DATE).local().toLocalDate();
  }

  private static void appendDate(StringBuilder out, LocalDate date) {
    int year = date.getYear();
    SuffixFormat.appendPadded(out, year > 0 ? year : 1 - year, 4);
    out.append('-');
    SuffixFormat.appendPadded(out, date.getMonthValue(), 2);
    out.append('-');
    SuffixFormat.appendPadded(out, date.getDayOfMonth(), 2);
  }

  private static void appendTime(StringBuilder out, LocalDateTime local) {
    SuffixFormat.appendPadded(out, local.getHour(), 2);
    out.append(':');
    SuffixFormat.appendPadded(out, local.getMinute(), 2);
    out.append(':');
    SuffixFormat.appendPadded(out, local.getSecond(), 2);
    int micros = local.getNano() / 1000;
    if (micros != 0) {
      StringBuilder fraction = new StringBuilder(7).append('.');
      SuffixFormat.appendPadded(fraction, micros, 6);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      out.append(fraction, 0, end);
    }
  }

  private static void appendOffset(StringBuilder out, ZoneOffset offset) {
    int total = offset.getTotalSeconds();
    out.append(total >= 0 ? '+' : '-');
    int abs = Math.abs(total);
    int hours = abs / 3600;
    int minutes = abs / 60 % 60;
    int seconds = abs % 60;
    SuffixFormat.appendPadded(out, hours, 2);
    if (minutes != 0 || seconds != 0) {
      out.append(':');
      SuffixFormat.appendPadded(out, minutes, 2);
    }
    if (seconds != 0) {
      out.append(':');
      SuffixFormat.appendPadded(out, seconds, 2);
    }
  }

  private static void appendEra(StringBuilder out, int astronomicalYear) {
    if (astronomicalYear <= 0) {
      out.append(" BC");
    }
  }
}
