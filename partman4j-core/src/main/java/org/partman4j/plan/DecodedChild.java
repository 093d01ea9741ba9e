package org.partman4j.plan;

import java.math.BigDecimal;
import java.time.Instant;
import org.partman4j.catalog.ChildTable;

/**
 * A child with its bound read into values ({@link BoundValues#decode}).
 *
 * @param child the child as the catalog knows it
 * @param startTime the lower bound, for sets partitioned by time; null for id sets, the default,
 *     and an unbounded lower side
 * @param endTime the upper bound (exclusive), likewise
 * @param startId the lower bound's number, for id and epoch sets (an epoch set's raw integer)
 * @param endId the upper bound's number (exclusive)
 */
public record DecodedChild(
    ChildTable child, Instant startTime, Instant endTime, BigDecimal startId, BigDecimal endId) {

  /** Whether this is the set's default partition. */
  public boolean isDefault() {
    return child.isDefault();
  }
}
