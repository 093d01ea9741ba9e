package org.partman4j.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * The time range of one child of a time set: {@code [start, end)} as instants. How it is written as
 * a bound depends on the control column (timestamptz, timestamp, date, epoch integer, encoded).
 */
public record TimeSlot(Instant start, Instant end) {

  public TimeSlot {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("a time slot must end after it starts: " + this);
    }
  }
}
