package org.partman4j.bench;

import java.nio.file.Path;
import java.util.Set;

/**
 * What to run and at which size.
 *
 * @param repeat how many times each measurement is taken (the report shows median, min, max), or
 *     null for each scenario's own count
 * @param quick small sizes, for the harness's own test and a first look
 * @param only scenario ids to run; empty for all
 * @param json where the JSON results go
 * @param url a JDBC URL of a server to use instead of the embedded one, or null
 */
record BenchSettings(Integer repeat, boolean quick, Set<String> only, Path json, String url) {

  /** Picks the full size or the quick one. */
  int size(int full, int quick) {
    return this.quick ? quick : full;
  }

  /** How many times to repeat: {@code --repeat} when given, else the scenario's own count. */
  int repeat(int scenarioDefault) {
    return repeat != null ? repeat : quick ? 2 : scenarioDefault;
  }

  boolean selected(String id) {
    return only.isEmpty() || only.contains(id);
  }
}
