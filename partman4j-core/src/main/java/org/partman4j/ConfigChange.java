package org.partman4j;

import java.util.Objects;

/**
 * One column of a set's {@code part_config} row changed (or, in a dry run, the change that would be
 * made), as {@link Partman#configSet} and {@link Partman#configSetDryRun} report it.
 *
 * @param parentTable the set's parent, {@code schema.table}
 * @param column the column's name
 * @param before its value before, as {@link Partman#configGet} gives values
 * @param after its value after, in the same form (the stored form: an interval as PostgreSQL prints
 *     it, {@code 7 days} for {@code 1 week})
 * @param statement the UPDATE, values written as literals
 * @param applied whether the row was changed (false for a dry run)
 */
public record ConfigChange(
    String parentTable,
    String column,
    Object before,
    Object after,
    String statement,
    boolean applied) {

  public ConfigChange {
    Objects.requireNonNull(parentTable, "parentTable");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(statement, "statement");
  }
}
