package org.partman4j.plan;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.partman4j.time.PgInterval;
import org.partman4j.time.PremakeCount;
import org.partman4j.time.ZonedArithmetic;

/**
 * Maintenance's premake decision for one set (pg_partman's {@code run_maintenance}, reference
 * §9.3): where "current" is, and which child starts to add after the newest child until {@code
 * premake} children lie ahead of it, counted as pg_partman counts them. Pure: the caller reads the
 * data and the clock.
 *
 * <p>Two deliberate differences, both about sub-sets (a set whose parent is itself a child of a set
 * of the same kind): no child is planned that starts at or past the end of the upper child's range
 * (pg_partman may plan one more, which can never hold a row), and a time sub-set counts as full
 * once its newest child reaches that end (pg_partman compares with a child that is never made, so
 * its time sub-sets never become full).
 */
public final class PremakePlanner {

  /** No more than this many children are planned for one set in one run. */
  public static final int MAX_CHILDREN = 100_000;

  private PremakePlanner() {}

  /** What maintenance does about a set's future children. */
  public enum Outcome {
    /** No data anywhere (and not {@code infinite_time_partitions}): nothing to make. */
    EMPTY,
    /** A sub-set whose upper range is covered: mark it {@code sub_partition_set_full}. */
    FULL,
    /** The starts listed (possibly none) are the children to add. */
    PLAN
  }

  /**
   * The decision.
   *
   * @param outcome what to do
   * @param timeStarts the starts of the time children to add, oldest first
   * @param idStarts the starts of the id children to add, oldest first
   */
  public record Premake(Outcome outcome, List<Instant> timeStarts, List<BigInteger> idStarts) {
    public Premake {
      timeStarts = List.copyOf(timeStarts);
      idStarts = List.copyOf(idStarts);
    }

    static Premake of(Outcome outcome) {
      return new Premake(outcome, List.of(), List.of());
    }
  }

  /**
   * What a time set (time, epoch or encoded control) looks like now.
   *
   * @param startsNewestFirst the starts of its children (not the default), newest first; not empty
   * @param dataChildStart the start of the newest child holding a row, or null
   * @param dataMax the largest control value in that child (as a time), or null
   * @param defaultMax the largest value in the default, or null (none, or ignored)
   * @param infinite {@code infinite_time_partitions}
   * @param now the run's "now" ({@code CURRENT_TIMESTAMP})
   * @param premake {@code premake}
   * @param limitMin for a sub-set, the start of its range in the upper set, else null
   * @param limitMax for a sub-set, the (exclusive) end of that range, else null
   */
  public record TimeState(
      List<Instant> startsNewestFirst,
      Instant dataChildStart,
      Instant dataMax,
      Instant defaultMax,
      boolean infinite,
      Instant now,
      int premake,
      Instant limitMin,
      Instant limitMax) {
    public TimeState {
      startsNewestFirst = List.copyOf(startsNewestFirst);
      if (startsNewestFirst.isEmpty()) {
        throw new IllegalArgumentException("a set without children has no grid to extend");
      }
      Objects.requireNonNull(now, "now");
    }
  }

  /** The decision for a time set. */
  public static Premake time(TimeState s, PgInterval interval, ZoneId zone) {
    Instant lastStart = s.startsNewestFirst().get(0);
    Instant current = null;
    if (s.dataMax() != null) {
      current = s.infinite() && s.dataMax().isBefore(s.now()) ? s.now() : s.dataChildStart();
    } else if (s.infinite()) {
      current = s.now();
    }
    if (s.defaultMax() != null && (current == null || s.defaultMax().isAfter(current))) {
      current = TimeGridWalk.childStartFor(s.defaultMax(), s.startsNewestFirst(), interval, zone);
    }
    if (current == null) {
      return Premake.of(Outcome.EMPTY);
    }
    if (s.limitMax() != null
        && !ZonedArithmetic.plus(lastStart, interval, zone).isBefore(s.limitMax())) {
      return Premake.of(Outcome.FULL);
    }
    List<Instant> starts = new ArrayList<>();
    Instant next = lastStart;
    long premade = PremakeCount.count(lastStart, current, interval, zone);
    while (premade < s.premake() && starts.size() < MAX_CHILDREN) {
      if (s.limitMin() != null && next.isBefore(s.limitMin())) {
        break;
      }
      try {
        next = ZonedArithmetic.plus(next, interval, zone);
      } catch (DateTimeException | ArithmeticException e) {
        break; // past PostgreSQL's timestamps, as pg_partman stops with a warning
      }
      if (s.limitMax() != null && !next.isBefore(s.limitMax())) {
        break;
      }
      starts.add(next);
      premade = PremakeCount.count(next, current, interval, zone);
    }
    return new Premake(Outcome.PLAN, starts, List.of());
  }

  /**
   * What an id set looks like now.
   *
   * @param lastStart the start of its newest child
   * @param dataMax the largest control value in the newest non-empty child, truncated, or null
   * @param defaultMax the largest value in the default, truncated, or null (none, or ignored)
   * @param premake {@code premake}
   * @param limitMin for a sub-set, the first value of its range in the upper set, else null
   * @param limitMax for a sub-set, the last value (inclusive) of that range, else null
   */
  public record IdState(
      BigInteger lastStart,
      BigInteger dataMax,
      BigInteger defaultMax,
      int premake,
      BigInteger limitMin,
      BigInteger limitMax) {
    public IdState {
      Objects.requireNonNull(lastStart, "lastStart");
    }
  }

  /** The decision for an id set with interval {@code n}. */
  public static Premake id(IdState s, BigInteger n) {
    BigInteger current = s.dataMax() == null ? null : childStart(s.dataMax(), n);
    if (s.defaultMax() != null && (current == null || s.defaultMax().compareTo(current) > 0)) {
      current = childStart(s.defaultMax(), n);
    }
    if (current == null) {
      return Premake.of(Outcome.EMPTY);
    }
    if (s.limitMax() != null && childStart(s.limitMax(), n).equals(s.lastStart())) {
      return Premake.of(Outcome.FULL);
    }
    List<BigInteger> starts = new ArrayList<>();
    BigInteger next = s.lastStart();
    // SQL's integer division truncates toward zero, as BigInteger's does.
    long premade = next.subtract(current).divide(n).longValue();
    while (premade < s.premake() && starts.size() < MAX_CHILDREN) {
      if (s.limitMin() != null && next.compareTo(s.limitMin()) < 0) {
        break;
      }
      next = next.add(n);
      if (s.limitMax() != null && next.compareTo(s.limitMax()) > 0) {
        break;
      }
      starts.add(next);
      premade = next.subtract(current).divide(n).longValue();
    }
    return new Premake(Outcome.PLAN, List.of(), starts);
  }

  /** {@code v - v % n}, truncating toward zero as pg_partman's SQL does. */
  static BigInteger childStart(BigInteger v, BigInteger n) {
    return v.subtract(v.remainder(n));
  }
}
