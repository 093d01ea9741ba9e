package org.partman4j.time;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the cases a property compared with PostgreSQL, per zone, and collects mismatches. The
 * counts are logged and appended to {@code target/time-property-counts.txt} so that a run's
 * coverage can be reported.
 */
final class Tally {

  private static final Logger LOG = LoggerFactory.getLogger(Tally.class);
  private static final int MISMATCHES_SHOWN = 25;

  private final String function;
  private final Map<String, Long> casesPerZone = new LinkedHashMap<>();
  private final List<String> mismatches = new ArrayList<>();
  private long mismatchCount;
  private long mismatchesThisTry;

  Tally(String function) {
    this.function = function;
    for (ZoneId zone : TimeCases.ZONES) {
      casesPerZone.put(zone.getId(), 0L);
    }
  }

  /** Records one compared case; a mismatch is described lazily. */
  void check(ZoneId zone, boolean same, Supplier<String> mismatch) {
    casesPerZone.merge(zone.getId(), 1L, Long::sum);
    if (!same) {
      mismatchCount++;
      mismatchesThisTry++;
      if (mismatches.size() < MISMATCHES_SHOWN) {
        mismatches.add("[" + zone + "] " + mismatch.get());
      }
    }
  }

  /** Fails with the first mismatches of this try, then forgets them. */
  void assertNoMismatch() {
    if (!mismatches.isEmpty()) {
      String shown = String.join("\n  ", mismatches);
      long total = mismatchesThisTry;
      mismatches.clear();
      mismatchesThisTry = 0;
      throw new AssertionError(
          function + ": " + total + " mismatches with PostgreSQL, first ones:\n  " + shown);
    }
  }

  long total() {
    return casesPerZone.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Logs the counts and appends them to the counts file. */
  void report(int pgMajor) {
    String zones =
        casesPerZone.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
    String line =
        String.format(
            "%s PG%d: %d cases (%s), %d mismatches",
            function, pgMajor, total(), zones, mismatchCount);
    LOG.info(line);
    try {
      Files.writeString(
          Path.of("target", "time-property-counts.txt"),
          line + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
