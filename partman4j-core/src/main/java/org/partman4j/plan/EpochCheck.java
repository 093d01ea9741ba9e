package org.partman4j.plan;

import java.util.Objects;
import org.partman4j.time.EpochUnit;

/**
 * The CHECK constraint pg_partman adds to each child of an epoch set, named {@code
 * <child>_partition_check}: {@code <expr> >= '<lower>' AND <expr> < '<upper>'} where {@code <expr>}
 * reads the integer column as a timestamptz ({@code to_timestamp("col")} for seconds, {@code
 * to_timestamp(("col" / 1000)::float)} for milliseconds, and so on).
 *
 * @param column the control column's catalog name
 * @param unit the set's epoch unit, never {@link EpochUnit#NONE}
 * @param lower the child's start as timestamptz text in the session zone ({@code 2026-09-21
 *     00:00:00+00})
 * @param upper the child's end, the same way
 */
public record EpochCheck(String column, EpochUnit unit, String lower, String upper) {

  public EpochCheck {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
    if (unit == null || unit == EpochUnit.NONE) {
      throw new IllegalArgumentException("an epoch check needs an epoch unit other than none");
    }
  }
}
