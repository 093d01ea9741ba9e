package org.partman4j.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Normalizations shared by the configuration records. */
final class ConfigValues {

  private ConfigValues() {}

  /** An unmodifiable copy; null stays null (SQL NULL), and null elements are kept as in text[]. */
  static List<String> copyOf(List<String> values) {
    return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
  }

  /**
   * PostgreSQL keeps microseconds; truncating here makes a value read back equal to the one
   * written, instead of rounded by the server.
   */
  static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  static String required(String value, String column) {
    return Objects.requireNonNull(value, () -> column + " is NOT NULL in the store; give a value");
  }
}
