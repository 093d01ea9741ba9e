package org.partman4j.store;

import java.time.Instant;

/**
 * One row of the store's history table: a script that was applied to the schema.
 *
 * @param version the script's number
 * @param description words from its file name
 * @param script its file name
 * @param checksum the checksum of its text when it was applied
 * @param installedBy the role that applied it
 * @param installedOn when its transaction started
 * @param executionMillis how long the script took
 */
public record AppliedScript(
    int version,
    String description,
    String script,
    String checksum,
    String installedBy,
    Instant installedOn,
    int executionMillis) {}
