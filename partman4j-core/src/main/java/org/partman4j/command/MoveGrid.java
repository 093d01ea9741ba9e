package org.partman4j.command;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.model.TableName;
import org.partman4j.plan.DecodedChild;
import org.partman4j.plan.IdChildPlanner;
import org.partman4j.plan.PlannedChild;
import org.partman4j.plan.TimeChildPlanner;
import org.partman4j.plan.TimeColumn;
import org.partman4j.plan.TimeGridWalk;
import org.partman4j.plan.TimeLayout;
import org.partman4j.plan.TimeSlot;
import org.partman4j.time.PgInterval;
import org.partman4j.time.TimeGrid;
import org.partman4j.time.TimestampText;
import org.partman4j.time.ZonedArithmetic;

/**
 * The set's grid as a data move sees it: which child's range a control value falls in (an existing
 * child, or one to create on the grid of the existing ones, as pg_partman does), how a batch steps
 * through that range, and how values are read from SQL and written back as bound values.
 *
 * @param <V> the domain: {@link Instant} for time, epoch and encoded sets, {@link BigDecimal} for
 *     id sets
 */
abstract class MoveGrid<V extends Comparable<V>> {

  /**
   * One child's range.
   *
   * @param lo first value (inclusive)
   * @param hi end (exclusive)
   * @param child the child's name
   * @param toCreate what to create when the child does not exist yet, else null
   */
  record Window<V>(V lo, V hi, TableName child, PlannedChild toCreate) {}

  /** Wraps the min/max aggregate so that it reads back as this grid's values. */
  abstract UnaryOperator<String> valueOf();

  /** A value as the {@link #valueOf()} SQL printed it. */
  abstract V read(String text);

  /** The value as a bound of the control column's type. */
  abstract String bound(V value);

  /** One batch step up from {@code v}. */
  abstract V up(V v);

  /** One batch step down from {@code v}. */
  abstract V down(V v);

  /** The greatest value below {@code v}: a value of the range that ends at {@code v}. */
  abstract V justBelow(V v);

  /** The child range holding {@code v}. */
  abstract Window<V> windowFor(V v);

  /** The batch's range within {@code w}, starting at the source's first value {@code v}. */
  final List<V> batch(Window<V> w, V v, boolean ascending, boolean whole) {
    if (whole) {
      return List.of(w.lo(), w.hi());
    }
    if (ascending) {
      V end = up(v);
      return List.of(w.lo(), end.compareTo(w.hi()) < 0 ? end : w.hi());
    }
    V start = down(v);
    return List.of(start.compareTo(w.lo()) > 0 ? start : w.lo(), w.hi());
  }

  /** A time, epoch or encoded set. */
  static final class Time extends MoveGrid<Instant> {
    private final TimeLayout layout;
    private final List<DecodedChild> newestFirst;
    private final PgInterval step;
    private final UnaryOperator<String> valueOf;

    /**
     * @param decoderSql the quoted decoder function of an encoded set, else null
     */
    Time(TimeLayout layout, List<DecodedChild> newestFirst, PgInterval step, String decoderSql) {
      this.layout = layout;
      this.newestFirst =
          newestFirst.stream().filter(d -> d.startTime() != null && d.endTime() != null).toList();
      this.step = step;
      TimeColumn column = layout.column();
      if (column instanceof TimeColumn.Encoded) {
        this.valueOf = agg -> Objects.requireNonNull(decoderSql) + "(" + agg + ")";
      } else if (column instanceof TimeColumn.Date) {
        this.valueOf = agg -> agg + "::timestamp";
      } else {
        this.valueOf = agg -> agg;
      }
    }

    @Override
    UnaryOperator<String> valueOf() {
      return valueOf;
    }

    @Override
    Instant read(String text) {
      try {
        TimeColumn column = layout.column();
        if (column instanceof TimeColumn.Epoch e) {
          return e.unit().instantFor(new BigDecimal(text).longValueExact());
        }
        if (column instanceof TimeColumn.Timestamp || column instanceof TimeColumn.Date) {
          return TimestampText.parseTimestampInZone(text, layout.zone());
        }
        return TimestampText.parseTimestamptz(text);
      } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
        throw new PartmanException(
            ErrorCode.INVALID_ARGUMENT,
            "The control column "
                + layout.control()
                + " holds the value '"
                + text
                + "', which no child of "
                + layout.parent()
                + " can hold (infinite or out of range). Move or delete such rows yourself, then"
                + " run again; nothing of them was moved.",
            e);
      }
    }

    @Override
    String bound(Instant value) {
      return layout.column().boundValue(value, layout.zone());
    }

    @Override
    Instant up(Instant v) {
      return ZonedArithmetic.plus(v, step, layout.zone());
    }

    @Override
    Instant down(Instant v) {
      return ZonedArithmetic.minus(v, step, layout.zone());
    }

    @Override
    Instant justBelow(Instant v) {
      return v.minusNanos(1000);
    }

    @Override
    Window<Instant> windowFor(Instant v) {
      Instant start;
      try {
        start =
            newestFirst.isEmpty()
                ? TimeGrid.base(layout.interval(), v, null, layout.zone())
                : TimeGridWalk.childStartFor(
                    v,
                    newestFirst.stream().map(DecodedChild::startTime).toList(),
                    layout.interval(),
                    layout.zone());
      } catch (IllegalArgumentException | DateTimeException e) {
        throw new PartmanException(
            ErrorCode.INVALID_ARGUMENT,
            "The value "
                + bound(v)
                + " cannot be placed on the partition grid of "
                + layout.parent()
                + ": "
                + e.getMessage()
                + ". Move or delete such rows yourself; nothing of them was moved.",
            e);
      }
      for (DecodedChild d : newestFirst) {
        if (d.startTime().equals(start) && v.isBefore(d.endTime())) {
          return new Window<>(start, d.endTime(), d.child().name(), null);
        }
      }
      Instant end = ZonedArithmetic.plus(start, layout.interval(), layout.zone());
      PlannedChild p = TimeChildPlanner.children(layout, List.of(new TimeSlot(start, end))).get(0);
      return new Window<>(start, p.end(), p.child().table(), p);
    }
  }

  /** An id set: integer or numeric control, range or list. */
  static final class Id extends MoveGrid<BigDecimal> {
    private final TableName parent;
    private final String prefix;
    private final BigDecimal interval;
    private final boolean list;
    private final List<DecodedChild> children;
    private final BigDecimal anchor;
    private final BigDecimal step;

    Id(
        TableName parent,
        String prefix,
        long interval,
        boolean list,
        List<DecodedChild> children,
        BigDecimal step) {
      this.parent = parent;
      this.prefix = prefix;
      this.interval = BigDecimal.valueOf(interval);
      this.list = list;
      this.children = new ArrayList<>();
      for (DecodedChild d : children) {
        if (d.startId() != null && !d.isDefault()) {
          this.children.add(d);
        }
      }
      // New children go on the grid the existing ones lie on (an offset grid stays offset).
      this.anchor = this.children.isEmpty() ? BigDecimal.ZERO : this.children.get(0).startId();
      this.step = step;
    }

    @Override
    UnaryOperator<String> valueOf() {
      return agg -> agg;
    }

    @Override
    BigDecimal read(String text) {
      return new BigDecimal(text);
    }

    @Override
    String bound(BigDecimal value) {
      return value.toPlainString();
    }

    @Override
    BigDecimal up(BigDecimal v) {
      return v.add(step);
    }

    @Override
    BigDecimal down(BigDecimal v) {
      return v.subtract(step);
    }

    @Override
    BigDecimal justBelow(BigDecimal v) {
      // Ranges are whole numbers wide, so one below a range's start lies in the range before.
      return v.subtract(BigDecimal.ONE);
    }

    @Override
    Window<BigDecimal> windowFor(BigDecimal v) {
      // Floor, not pg_partman's truncation toward zero: -15 belongs in [-20, -10), not [-10, 0).
      BigDecimal k = v.subtract(anchor).divide(interval, 0, RoundingMode.FLOOR);
      BigDecimal lo = anchor.add(k.multiply(interval));
      for (DecodedChild d : children) {
        if (d.startId().compareTo(lo) == 0) {
          BigDecimal hi = d.endId() != null ? d.endId() : lo.add(list ? BigDecimal.ONE : interval);
          return new Window<>(lo, hi, d.child().name(), null);
        }
      }
      BigInteger start = lo.toBigIntegerExact();
      PlannedChild p =
          IdChildPlanner.children(
                  parent, prefix, interval.toBigIntegerExact(), list, List.of(start))
              .get(0);
      return new Window<>(lo, lo.add(list ? BigDecimal.ONE : interval), p.child().table(), p);
    }
  }
}
