package org.partman4j;

/**
 * A set whose default partition holds rows ({@link Partman#checkDefault}).
 *
 * @param parentTable the set
 * @param defaultTable its default partition, {@code schema.table}
 * @param count the number of rows, or 1 meaning "at least one" when not counted exactly
 */
public record DefaultRows(String parentTable, String defaultTable, long count) {}
