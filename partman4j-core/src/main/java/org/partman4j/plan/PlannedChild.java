package org.partman4j.plan;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A child the planner decided on: what to create, and the value it starts at — an instant for time
 * sets, an integer for id sets.
 *
 * @param child name and bound to create
 * @param start the range start of a time child, else null
 * @param end the range end of a time child (exclusive), else null
 * @param startId the first value of an id child, else null
 */
public record PlannedChild(NewChild child, Instant start, Instant end, BigInteger startId) {

  public PlannedChild {
    Objects.requireNonNull(child, "child");
  }

  /** The child's table name. */
  public String name() {
    return child.table().table();
  }
}
