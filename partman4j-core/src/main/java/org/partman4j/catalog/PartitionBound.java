package org.partman4j.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * A child's partition bound as PostgreSQL prints it with {@code pg_get_expr(relpartbound, oid)},
 * split into its literal values (still as text; the set's control type gives them meaning).
 *
 * <p>Range bounds of one column: {@code FOR VALUES FROM ('2026-11-18 00:00:00+00') TO ('2026-11-19
 * 00:00:00+00')}; list bounds: {@code FOR VALUES IN (5)} or {@code IN ('5', '6')}; {@code DEFAULT}.
 * {@code MINVALUE}/{@code MAXVALUE} are kept as {@code null} with a flag.
 */
public sealed interface PartitionBound {

  /** The default partition. */
  record Default() implements PartitionBound {}

  /**
   * {@code FOR VALUES FROM (lower) TO (upper)} on one column; a null value stands for MINVALUE
   * (lower) or MAXVALUE (upper).
   */
  record Range(String lower, String upper) implements PartitionBound {}

  /** {@code FOR VALUES IN (…)}; a null entry is the NULL value. */
  record ListValues(List<String> values) implements PartitionBound {
    public ListValues {
      values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  /** A bound this tool does not manage (multi-column range, hash). */
  record Unsupported(String expression) implements PartitionBound {}

  /** Parses the text of {@code pg_get_expr(relpartbound, oid)}. */
  static PartitionBound parse(String expr) {
    if (expr == null) {
      return new Unsupported("(no bound)");
    }
    String e = expr.trim();
    if (e.equals("DEFAULT")) {
      return new Default();
    }
    if (e.startsWith("FOR VALUES FROM (")) {
      BoundLexer lx = new BoundLexer(e, "FOR VALUES FROM (".length());
      List<String> lower = lx.valuesUntilClose();
      if (!lx.expect(" TO (")) {
        return new Unsupported(e);
      }
      List<String> upper = lx.valuesUntilClose();
      if (lower.size() != 1 || upper.size() != 1 || !lx.atEnd()) {
        return new Unsupported(e);
      }
      return new Range(lower.get(0), upper.get(0));
    }
    if (e.startsWith("FOR VALUES IN (")) {
      BoundLexer lx = new BoundLexer(e, "FOR VALUES IN (".length());
      List<String> values = lx.valuesUntilClose();
      return lx.atEnd() ? new ListValues(values) : new Unsupported(e);
    }
    return new Unsupported(e);
  }
}
