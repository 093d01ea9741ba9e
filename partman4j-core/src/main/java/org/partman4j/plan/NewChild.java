package org.partman4j.plan;

import java.util.Objects;
import org.partman4j.catalog.PartitionBound;
import org.partman4j.model.TableName;

/**
 * A child partition the planner wants made: its name, the bound it is attached with, and for epoch
 * sets the extra CHECK constraint pg_partman adds beside the integer bound.
 *
 * @param table the child's schema (always the parent's) and name
 * @param bound the bound's values as PostgreSQL reads them in a {@code FOR VALUES} clause, unquoted
 *     (e.g. {@code 2026-11-18 00:00:00+00}, {@code 1795219200}, {@code 30}); a {@link
 *     PartitionBound.Range}, a one-value {@link PartitionBound.ListValues} or {@link
 *     PartitionBound.Default}
 * @param epochCheck the timestamp-range CHECK of an epoch set's child, or null
 */
public record NewChild(TableName table, PartitionBound bound, EpochCheck epochCheck) {

  public NewChild {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(bound, "bound");
    if (bound instanceof PartitionBound.Unsupported) {
      throw new IllegalArgumentException("a new child needs a range, list or default bound");
    }
  }

  /** Whether this is the set's default partition. */
  public boolean isDefault() {
    return bound instanceof PartitionBound.Default;
  }
}
