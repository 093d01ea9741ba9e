package org.partman4j;

/**
 * One min/max CHECK constraint added to a child (pg_partman's constraint-exclusion helper), or in a
 * dry run one that would be added.
 *
 * @param table the child, {@code schema.table}
 * @param constraint the constraint's name ({@code partmanconstr_<child>_<column>}, cut to 63 bytes)
 * @param column the column it bounds
 * @param min the smallest value found in the column, as PostgreSQL prints it
 * @param max the largest value found
 * @param valid false when it was added {@code NOT VALID} ({@code constraint_valid = false})
 * @param statement the {@code ALTER TABLE … ADD CONSTRAINT} run
 */
public record AppliedConstraint(
    String table,
    String constraint,
    String column,
    String min,
    String max,
    boolean valid,
    String statement) {}
