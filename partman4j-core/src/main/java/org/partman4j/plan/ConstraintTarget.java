package org.partman4j.plan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.partman4j.time.PgInterval;
import org.partman4j.time.ZonedArithmetic;

/**
 * Which child pg_partman's constraint-exclusion helper works on when it is not told: the child that
 * starts {@code optimize_constraint + 1} intervals before the start of the newest child holding
 * data. That is the rule of pg_partman 5.2 and later (its epoch-weekly test: optimize 5, data two
 * weeks ahead, constraint on the child four weeks behind now); 5.1 counted {@code
 * optimize_constraint + premake + 1} intervals back from the newest child whatever its data, which
 * put constraints on children still being written when premake was not exactly maintained.
 *
 * <p>The target is found by its start on the set's grid, among the children that exist: when no
 * child starts there (a gap, or fewer children than that), there is no target, and nothing is
 * constrained — pg_partman 5.1 then constrained every child up to the newest (its issue #694).
 */
public final class ConstraintTarget {

  private ConstraintTarget() {}

  /**
   * The target among the children.
   *
   * @param ascending the set's children, oldest first, without the default
   * @param newestWithData the index in {@code ascending} of the newest child holding rows, or -1
   * @param kind the set's kind; time, epoch and encoded sets step in time, id sets in numbers
   * @param partitionInterval the set's {@code partition_interval}
   * @param optimizeConstraint the set's {@code optimize_constraint}
   * @param zone the zone the set computes in
   * @return the index of the target in {@code ascending}, or empty when there is none
   */
  public static Optional<Integer> find(
      List<DecodedChild> ascending,
      int newestWithData,
      SetKind kind,
      String partitionInterval,
      int optimizeConstraint,
      ZoneId zone) {
    if (newestWithData < 0) {
      return Optional.empty();
    }
    long steps = (long) optimizeConstraint + 1;
    DecodedChild newest = ascending.get(newestWithData);
    if (kind == SetKind.ID) {
      if (newest.startId() == null) {
        return Optional.empty();
      }
      BigDecimal target =
          newest
              .startId()
              .subtract(
                  new BigDecimal(
                      new BigInteger(partitionInterval.trim())
                          .multiply(BigInteger.valueOf(steps))));
      for (int i = 0; i < ascending.size(); i++) {
        BigDecimal s = ascending.get(i).startId();
        if (s != null && s.compareTo(target) == 0) {
          return Optional.of(i);
        }
      }
      return Optional.empty();
    }
    if (newest.startTime() == null) {
      return Optional.empty();
    }
    Instant target;
    try {
      target =
          ZonedArithmetic.minus(
              newest.startTime(), PgInterval.parse(partitionInterval).multipliedBy(steps), zone);
    } catch (java.time.DateTimeException | ArithmeticException e) {
      return Optional.empty(); // before the start of time: no such child
    }
    for (int i = 0; i < ascending.size(); i++) {
      if (target.equals(ascending.get(i).startTime())) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
