package org.partman4j.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The {@code to_char} formats pg_partman names time-based child tables with: {@code YYYYMMDD} and
 * {@code YYYYMMDD_HH24MISS} (pg_partman 5), and the legacy 4.x ones. {@link #format} is {@code
 * to_char(ts, pattern)} and {@link #parse} is {@code to_timestamp(text, pattern)}, both in a
 * session time zone.
 *
 * <p>{@code YYYY} prints at least four digits: year 12 is {@code 0012}, year 12345 is {@code
 * 12345}. A BC year prints as its number without an era (1 BC is {@code 0001}), so such names do
 * not read back to the same instant, in PostgreSQL as here.
 */
public enum SuffixFormat {
  YYYYMMDD("YYYYMMDD", Field.YEAR, Field.MONTH, Field.DAY),
  YYYYMMDD_HH24MISS(
      "YYYYMMDD_HH24MISS",
      Field.YEAR,
      Field.MONTH,
      Field.DAY,
      Field.UNDERSCORE,
      Field.HOUR,
      Field.MINUTE,
      Field.SECOND),
  YYYY("YYYY", Field.YEAR),
  YYYY_MM("YYYY_MM", Field.YEAR, Field.UNDERSCORE, Field.MONTH),
  YYYY_MM_DD("YYYY_MM_DD", Field.YEAR, Field.UNDERSCORE, Field.MONTH, Field.UNDERSCORE, Field.DAY),
  YYYY_MM_DD_HH24MI(
      "YYYY_MM_DD_HH24MI",
      Field.YEAR,
      Field.UNDERSCORE,
      Field.MONTH,
      Field.UNDERSCORE,
      Field.DAY,
      Field.UNDERSCORE,
      Field.HOUR,
      Field.MINUTE),
  YYYY_MM_DD_HH24MISS(
      "YYYY_MM_DD_HH24MISS",
      Field.YEAR,
      Field.UNDERSCORE,
      Field.MONTH,
      Field.UNDERSCORE,
      Field.DAY,
      Field.UNDERSCORE,
      Field.HOUR,
      Field.MINUTE,
      Field.SECOND);

  /** One element of a pattern: a number field, or the literal separator. */
  enum Field {
    YEAR,
    MONTH,
    DAY,
    HOUR,
    MINUTE,
    SECOND,
    UNDERSCORE
  }

  private final String pattern;
  private final List<Field> fields;

  SuffixFormat(String pattern, Field... fields) {
    this.pattern = pattern;
    this.fields = List.of(fields);
  }

  /** The {@code to_char} pattern, e.g. {@code "YYYYMMDD_HH24MISS"}. */
  public String pattern() {
    return pattern;
  }

  List<Field> fields() {
    return fields;
  }

  /**
   * The format with this {@code to_char} pattern.
   *
   * @throws IllegalArgumentException when the pattern is not one pg_partman uses, naming those
   */
  public static SuffixFormat ofPattern(String pattern) {
    for (SuffixFormat f : values()) {
      if (f.pattern.equals(pattern)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unsupported partition suffix format \""
            + pattern
            + "\"; supported: "
            + Arrays.stream(values()).map(SuffixFormat::pattern).collect(Collectors.joining(", ")));
  }

  /** {@code to_char(t, pattern)} in {@code zone}. */
  public String format(Instant t, ZoneId zone) {
    PgTimestamps.requireValid(t);
    LocalDateTime local = PgZoneRules.toLocal(t, Objects.requireNonNull(zone, "zone"));
    StringBuilder out = new StringBuilder(24);
    for (Field field : fields) {
      switch (field) {
        case YEAR:
          // A BC year prints as its BC number (year 0 is 1 BC), padded to four digits.
          int year = local.getYear();
          appendPadded(out, year > 0 ? year : 1 - year, 4);
          break;
        case MONTH:
          appendPadded(out, local.getMonthValue(), 2);
          break;
        case DAY:
          appendPadded(out, local.getDayOfMonth(), 2);
          break;
        case HOUR:
          appendPadded(out, local.getHour(), 2);
          break;
        case MINUTE:
          appendPadded(out, local.getMinute(), 2);
          break;
        case SECOND:
          appendPadded(out, local.getSecond(), 2);
          break;
        case UNDERSCORE:
          out.append('_');
          break;
        default:
          throw new AssertionError(field);
      }
    }
    return out.toString();
  }

  /**
   * {@code to_timestamp(text, pattern)} in {@code zone}: the local time the text names, resolved
   * with PostgreSQL's gap/overlap rule.
   *
   * <p>Only text {@link #format} could have produced is accepted: two digits per field, at least
   * four for the year (more only where a separator or the end follows it, as PostgreSQL reads it).
   * PostgreSQL is laxer (it takes {@code 2026_1_1} for {@code YYYY_MM_DD}); a child table name in
   * such a form was not made by pg_partman.
   *
   * @throws IllegalArgumentException when the text does not have this format or names no valid date
   *     or time
   */
  public Instant parse(String text, ZoneId zone) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(zone, "zone");
    SuffixParser parsed = new SuffixParser(this, text);
    try {
      LocalDateTime local =
          LocalDateTime.of(
              parsed.year(),
              parsed.get(Field.MONTH, 1),
              parsed.get(Field.DAY, 1),
              parsed.get(Field.HOUR, 0),
              parsed.get(Field.MINUTE, 0),
              parsed.get(Field.SECOND, 0));
      return PgZoneRules.resolve(local, zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a valid date/time for format " + pattern + ": " + e.getMessage(),
          e);
    }
  }

  static void appendPadded(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    out.append(digits);
  }
}
