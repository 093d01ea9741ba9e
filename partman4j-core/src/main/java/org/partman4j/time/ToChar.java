package org.partman4j.time;

import java.time.Instant;
import java.time.ZoneId;

/**
 * {@code to_char} and {@code to_timestamp} for the patterns pg_partman names child tables with (see
 * {@link SuffixFormat}), taking the pattern as the text pg_partman stores.
 */
public final class ToChar {

  private ToChar() {}

  /**
   * {@code to_char(t, pattern)} in {@code zone}.
   *
   * @throws IllegalArgumentException when the pattern is not a supported suffix format
   */
  public static String toChar(Instant t, String pattern, ZoneId zone) {
    return SuffixFormat.ofPattern(pattern).format(t, zone);
  }

  /**
   * {@code to_timestamp(text, pattern)} in {@code zone}.
   *
   * @throws IllegalArgumentException when the pattern is not a supported suffix format, or the text
   *     does not have that format
   */
  public static Instant toTimestamp(String text, String pattern, ZoneId zone) {
    return SuffixFormat.ofPattern(pattern).parse(text, zone);
  }
}
