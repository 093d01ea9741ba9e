package org.partman4j;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Partman#install()} did.
 *
 * @param schema the store's schema
 * @param versionBefore the store's version before, 0 when it was not installed
 * @param versionAfter the store's version now
 * @param scriptsApplied the file names of the scripts applied, in order; empty when the store was
 *     already current
 */
public record InstallResult(
    String schema, int versionBefore, int versionAfter, List<String> scriptsApplied) {

  public InstallResult {
    Objects.requireNonNull(schema, "schema");
    scriptsApplied = List.copyOf(scriptsApplied);
  }

  /** Whether anything was installed or upgraded. */
  public boolean changed() {
    return !scriptsApplied.isEmpty();
  }
}
