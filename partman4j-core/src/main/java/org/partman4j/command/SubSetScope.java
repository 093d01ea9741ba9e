package org.partman4j.command;

import java.math.BigInteger;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.partman4j.model.SetConfig;
import org.partman4j.model.SubSetConfig;
import org.partman4j.plan.PlannedChild;

/**
 * What makes the registration of a sub-set differ from a plain createParent: the range of its
 * parent in the upper set, which its children must stay inside (pg_partman's {@code
 * check_subpartition_limits}, known only when both levels are time or both are id), and the
 * part_config_sub values written into its config row.
 *
 * @param minTime start of the range (time levels), else null
 * @param maxTime exclusive end of the range (time levels), else null
 * @param minId first value of the range (id levels), else null
 * @param maxId exclusive end of the range (id levels), else null
 * @param adjust the part_config_sub values put into the new config row
 * @param inheritedSub a sibling sub-set's own part_config_sub row, copied for this sub-set
 *     (pg_partman's sibling inheritance, §6.4, which makes a third level grow), or null
 */
record SubSetScope(
    Instant minTime,
    Instant maxTime,
    BigInteger minId,
    BigInteger maxId,
    UnaryOperator<SetConfig> adjust,
    SubSetConfig inheritedSub) {

  /** Whether the sub-set's children are limited to a range. */
  boolean limited() {
    return minTime != null || minId != null;
  }

  /** Whether a planned child starts inside the range (always, when there is none). */
  boolean inside(PlannedChild child) {
    if (minTime != null && child.start() != null) {
      return !child.start().isBefore(minTime)
          && (maxTime == null || child.start().isBefore(maxTime));
    }
    if (minId != null && child.startId() != null) {
      return child.startId().compareTo(minId) >= 0
          && (maxId == null || child.startId().compareTo(maxId) < 0);
    }
    return true;
  }

  /** The range's start as a start partition text, for the one-child fallback. */
  String startText() {
    return minTime != null ? minTime.toString() : minId.toString();
  }
}
