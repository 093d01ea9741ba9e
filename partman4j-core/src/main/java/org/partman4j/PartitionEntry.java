package org.partman4j;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One child of a partition set (or its default partition), as {@link Partman#showPartitions} lists
 * it: where it is and the values its bound really holds, read from the catalog.
 *
 * <p>Sets partitioned by time (a {@code timestamptz}, {@code timestamp} or {@code date} column, an
 * epoch integer, or an encoded {@code text}/{@code uuid}) have {@code startTime}/{@code endTime};
 * id sets have {@code startId}/{@code endId}; epoch sets have both, the ids being the raw integers.
 * Ends are exclusive. A LIST child's start is its smallest value and its end its largest plus one,
 * so a child {@code FOR VALUES IN (12)} covers {@code [12, 13)}. Values are null for the default
 * partition and for an unbounded side ({@code MINVALUE}, {@code MAXVALUE}, infinity).
 *
 * @param schema the child's schema
 * @param table the child's name
 * @param isDefault whether this is the set's default partition
 * @param bound the bound as PostgreSQL prints it ({@code pg_get_expr(relpartbound)}), e.g. {@code
 *     FOR VALUES FROM ('2026-11-18 00:00:00+00') TO ('2026-11-19 00:00:00+00')} or {@code DEFAULT}
 * @param startTime the lower bound as an instant
 * @param endTime the upper bound as an instant (exclusive)
 * @param startId the lower bound as a number
 * @param endId the upper bound as a number (exclusive)
 */
public record PartitionEntry(
    String schema,
    String table,
    boolean isDefault,
    String bound,
    Instant startTime,
    Instant endTime,
    BigDecimal startId,
    BigDecimal endId) {

  public PartitionEntry {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(table, "table");
  }

  /** {@code schema.table}, unquoted, as pg_partman writes table names. */
  public String qualifiedName() {
    return schema + "." + table;
  }
}
