package org.partman4j.plan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.partman4j.time.PgInterval;
import org.partman4j.time.ZonedArithmetic;

/**
 * Which children retention retires, and how (pg_partman's {@code drop_partition_time} and {@code
 * drop_partition_id} rules): oldest first, never the set's last child.
 *
 * <ul>
 *   <li>time (epoch and encoded sets too): a child goes when its exclusive upper bound is strictly
 *       before {@code reference - retention}, computed in the set's zone as PostgreSQL computes
 *       {@code timestamptz - interval};
 *   <li>id: a child goes when its exclusive upper bound ({@code start + interval}) is at most
 *       {@code max - retention}, where {@code max} is the largest control value in the set's
 *       children (truncated toward zero); with no rows, nothing goes.
 * </ul>
 *
 * Children without an upper bound ({@code MAXVALUE}, a time LIST child) never qualify.
 */
public final class RetentionPlanner {

  private RetentionPlanner() {}

  /** What happens to a retired child. */
  public enum Action {
    /** Detached (concurrently where allowed) and dropped. */
    DROP,
    /** Detached and kept under its name ({@code retention_keep_table}). */
    DETACH,
    /** Detached and moved to the retention schema ({@code retention_schema}). */
    MOVE
  }

  /**
   * The plan: the children to retire, oldest first, and the qualifying child kept because it is the
   * last one (or null).
   */
  public record Plan(List<DecodedChild> retire, Action action, DecodedChild keptLast) {
    public Plan {
      retire = List.copyOf(retire);
      Objects.requireNonNull(action, "action");
    }
  }

  /** A retention schema wins over {@code keep_table}, as in pg_partman. */
  public static Action action(boolean keepTable, String retentionSchema) {
    if (retentionSchema != null) {
      return Action.MOVE;
    }
    return keepTable ? Action.DETACH : Action.DROP;
  }

  /**
   * {@code reference - retention} in {@code zone}.
   *
   * @throws java.time.DateTimeException when the result leaves PostgreSQL's range
   */
  public static Instant cutoff(Instant reference, PgInterval retention, ZoneId zone) {
    return ZonedArithmetic.minus(reference, retention, zone);
  }

  /** The time rule. {@code children} may hold the default, which never qualifies. */
  public static Plan byTime(List<DecodedChild> children, SetKind kind, Instant cutoff, Action a) {
    Objects.requireNonNull(cutoff, "cutoff");
    List<DecodedChild> ordered = ChildOrder.order(children, kind, true, false);
    List<DecodedChild> out = new ArrayList<>();
    for (DecodedChild d : ordered) {
      if (d.endTime() != null && d.endTime().isBefore(cutoff)) {
        out.add(d);
      }
    }
    return keepLast(ordered, out, a);
  }

  /**
   * The id rule.
   *
   * @param max the largest control value in the set's children (not the default), or null when they
   *     hold no rows
   */
  public static Plan byId(
      List<DecodedChild> children, BigDecimal max, BigInteger retention, Action a) {
    Objects.requireNonNull(retention, "retention");
    List<DecodedChild> ordered = ChildOrder.order(children, SetKind.ID, true, false);
    List<DecodedChild> out = new ArrayList<>();
    if (max != null) {
      BigDecimal limit = max.setScale(0, RoundingMode.DOWN).subtract(new BigDecimal(retention));
      for (DecodedChild d : ordered) {
        if (d.endId() != null && d.endId().compareTo(limit) <= 0) {
          out.add(d);
        }
      }
    }
    return keepLast(ordered, out, a);
  }

  private static Plan keepLast(List<DecodedChild> all, List<DecodedChild> retire, Action a) {
    if (!retire.isEmpty() && retire.size() == all.size()) {
      DecodedChild last = retire.remove(retire.size() - 1);
      return new Plan(retire, a, last);
    }
    return new Plan(retire, a, null);
  }
}
