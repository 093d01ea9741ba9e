package org.partman4j.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as partman's options and daemon configuration write them: a whole number with one of
 * PostgreSQL's units us, ms, s, min, h, d ({@code 500ms}, {@code 10s}, {@code 2min}, {@code 1h},
 * {@code 30d}), a bare number of milliseconds, or ISO-8601 ({@code PT10S}).
 */
public final class Durations {

  private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*(us|ms|s|min|h|d)?");

  private Durations() {}

  /**
   * The duration the text means.
   *
   * @throws IllegalArgumentException when it is not one (the message says what to write)
   */
  public static Duration parse(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      Matcher m = TEXT.matcher(v);
      if (!m.matches()) {
        throw bad(value);
      }
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "ms" : m.group(2);
      return switch (unit) {
        case "us" -> Duration.ofNanos(Math.multiplyExact(n, 1000L));
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "min" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      throw bad(value);
    }
  }

  private static IllegalArgumentException bad(String value) {
    return new IllegalArgumentException(
        "'"
            + value
            + "' is not a duration; write a number with a unit (500ms, 10s, 2min, 1h, 30d) or"
            + " 0 for none");
  }
}
