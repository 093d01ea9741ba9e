package org.partman4j.command;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.plan.DecodedChild;

/**
 * pg_partman's {@code check_subpartition_limits}: a sub-set (a set whose parent is itself a child
 * of a managed set of the same kind, time or id) may only grow within its range in the upper set.
 * Found from the children all sets' snapshots already hold, without another query.
 */
final class SubSetLimits {

  /**
   * A sub-set's range in its upper set.
   *
   * @param minTime the range's start (time sets), else null
   * @param maxTime the range's exclusive end (time sets), else null
   * @param minId the range's first value (id sets), else null
   * @param maxId the range's last value, inclusive, as pg_partman reports it (id sets), else null
   */
  record Range(Instant minTime, Instant maxTime, BigInteger minId, BigInteger maxId) {}

  private SubSetLimits() {}

  /** The ranges of the sub-sets among {@code sets}, by parent_table. */
  static Map<String, Range> of(List<MaintainedSet> sets) {
    Map<String, MaintainedSet> byName = new HashMap<>();
    for (MaintainedSet m : sets) {
      if (m.usable()) {
        byName.put(m.name(), m);
      }
    }
    Map<String, Range> out = new HashMap<>();
    for (MaintainedSet upper : byName.values()) {
      for (DecodedChild child : upper.newestFirst) {
        MaintainedSet sub = byName.get(child.child().name().toString());
        if (sub == null
            || sub.set.bounds().kind().isTimeBased() != upper.set.bounds().kind().isTimeBased()) {
          continue;
        }
        if (upper.set.bounds().kind().isTimeBased()) {
          out.put(sub.name(), new Range(child.startTime(), child.endTime(), null, null));
        } else {
          out.put(
              sub.name(),
              new Range(
                  null,
                  null,
                  whole(child.startId()),
                  child.endId() == null ? null : whole(child.endId()).subtract(BigInteger.ONE)));
        }
      }
    }
    return out;
  }

  private static BigInteger whole(BigDecimal v) {
    return v == null ? null : v.setScale(0, RoundingMode.DOWN).toBigInteger();
  }
}
