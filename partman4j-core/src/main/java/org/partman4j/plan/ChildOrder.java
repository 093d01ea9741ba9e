package org.partman4j.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order {@code show_partitions} lists a set's children in: by the real lower bound of each
 * child, whatever the control type, with the default partition first when it is wanted.
 *
 * <p>pg_partman 5.1 read a LIST child's value with a pattern that matched one character only, so
 * children with values of two or more characters (10 and up, negatives, any bigint) got no sort key
 * and came last; the newest release reads the whole value but still casts text, and reads only the
 * first value of a multi-value list. Here every child is ordered by the value it really holds: a
 * range by its lower bound, a list by its smallest value. An unbounded lower side ({@code
 * MINVALUE}, {@code -infinity}) sorts first in ascending order; children with equal starts are
 * ordered by name, so the order is always the same.
 */
public final class ChildOrder {

  private ChildOrder() {}

  /**
   * Orders decoded children.
   *
   * @param children the set's children, the default among them or not
   * @param ascending true for {@code ASC}, false for {@code DESC}
   * @param includeDefault whether the default partition is listed (always first, as pg_partman
   *     lists it, whatever the order)
   */
  public static List<DecodedChild> order(
      List<DecodedChild> children, SetKind kind, boolean ascending, boolean includeDefault) {
    Comparator<DecodedChild> byStart =
        kind == SetKind.ID || kind == SetKind.EPOCH
            ? Comparator.comparing(
                DecodedChild::startId, Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder()))
            : Comparator.comparing(
                DecodedChild::startTime, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));
    Comparator<DecodedChild> order =
        byStart.thenComparing(d -> d.child().name().table(), Comparator.naturalOrder());
    if (!ascending) {
      order = order.reversed();
    }
    List<DecodedChild> out = new ArrayList<>();
    if (includeDefault) {
      children.stream().filter(DecodedChild::isDefault).forEach(out::add);
    }
    children.stream().filter(d -> !d.isDefault()).sorted(order).forEach(out::add);
    return out;
  }
}
