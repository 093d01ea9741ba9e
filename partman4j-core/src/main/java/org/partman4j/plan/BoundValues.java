package org.partman4j.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.partman4j.catalog.ChildTable;
import org.partman4j.catalog.PartitionBound;
import org.partman4j.model.ControlType;
import org.partman4j.time.EpochUnit;
import org.partman4j.time.PgTimestamps;
import org.partman4j.time.TimestampText;

/**
 * Reads the literal values of a set's partition bounds (as {@link PartitionBound} holds them,
 * unquoted) into what they mean: an instant for sets partitioned by time, a number for id sets.
 *
 * <ul>
 *   <li>{@code timestamptz}: the text carries its offset ({@code 2026-11-18 00:00:00+01}).
 *   <li>{@code timestamp}: a local time, read in the set's zone as {@code ::timestamptz} would read
 *       it (PostgreSQL's gap/overlap rule); {@code date}: midnight of that day in the set's zone.
 *   <li>epoch: the integer divided by the unit's factor, exactly (to the microsecond), so {@code
 *       1500} milliseconds is 1.5 s. pg_partman's own bounds are whole seconds, where every reading
 *       agrees.
 *   <li>encoded ({@code text}/{@code uuid}): what the set's {@code time_decoder} returned for the
 *       text, which the caller asks the database for in one batch ({@link #withDecoded}).
 *   <li>id: the number, whatever its width or sign ({@code 12}, {@code -5}, {@code 3000000000},
 *       {@code 10.5}).
 * </ul>
 *
 * <p>{@code infinity} and {@code -infinity} time bounds read as null, like {@code MINVALUE} and
 * {@code MAXVALUE}: no limit on that side.
 */
public final class BoundValues {

  private static final BigDecimal MICROS_PER_SECOND = BigDecimal.valueOf(1_000_000L);

  private final SetKind kind;
  private final String exactType;
  private final EpochUnit epoch;
  private final ZoneId zone;
  private final Map<String, Instant> decoded;

  private BoundValues(
      SetKind kind, String exactType, EpochUnit epoch, ZoneId zone, Map<String, Instant> decoded) {
    this.kind = kind;
    this.exactType = exactType;
    this.epoch = epoch;
    this.zone = zone;
    this.decoded = decoded;
  }

  /**
   * The reader of one set's bounds.
   *
   * @param type the control column's type
   * @param epoch the set's epoch setting
   * @param zone the zone the set computes in (its {@code partition_timezone}, else the session's):
   *     local {@code timestamp} and {@code date} bounds are read there
   * @throws IllegalArgumentException when the type and epoch make no partition set ({@link
   *     SetKind#of})
   */
  public static BoundValues of(ControlType type, EpochUnit epoch, ZoneId zone) {
    SetKind kind = SetKind.of(type, epoch);
    return new BoundValues(
        kind, type.exactType(), epoch, Objects.requireNonNull(zone, "zone"), Map.of());
  }

  /**
   * This reader with the decoder's results for an {@link SetKind#ENCODED encoded} set: for each
   * bound text, the instant {@code time_decoder(text)} returned.
   */
  public BoundValues withDecoded(Map<String, Instant> decodedByText) {
    return new BoundValues(kind, exactType, epoch, zone, Map.copyOf(decodedByText));
  }

  /** The kind of set this reader was made for. */
  public SetKind kind() {
    return kind;
  }

  /**
   * The instant a bound text names, in a set partitioned by time; null for {@code infinity} and
   * {@code -infinity}.
   *
   * @throws IllegalArgumentException when the text is not a value of the set's type, or an encoded
   *     text was not decoded
   * @throws IllegalStateException for an {@link SetKind#ID} set, whose bounds are not times
   */
  public Instant instant(String text) {
    Objects.requireNonNull(text, "text");
    switch (kind) {
      case TIME:
        return timeValue(text);
      case EPOCH:
        return epochInstant(number(text));
      case ENCODED:
        Instant t = decoded.get(text);
        if (t == null && !decoded.containsKey(text)) {
          throw new IllegalArgumentException(
              "bound '" + text + "' was not given to the time decoder");
        }
        return t;
      default:
        throw new IllegalStateException("an id set's bounds are numbers, not times");
    }
  }

  /**
   * The number a bound text names, in an {@link SetKind#ID id} or {@link SetKind#EPOCH epoch} set.
   *
   * @throws IllegalArgumentException when the text is not a number
   * @throws IllegalStateException for other sets
   */
  public BigDecimal number(String text) {
    Objects.requireNonNull(text, "text");
    if (kind != SetKind.ID && kind != SetKind.EPOCH) {
      throw new IllegalStateException("a " + kind + " set's bounds are not numbers");
    }
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bound '" + text + "' is not a number", e);
    }
  }

  /**
   * Decodes a child's bound. A range gives its lower and upper values (null for {@code MINVALUE},
   * {@code MAXVALUE} and infinities); a list gives its smallest value as the start and, for id
   * sets, its largest plus one as the end, so that a one-value child of a LIST set with interval 1
   * covers {@code [v, v+1)}; the default gives nothing.
   *
   * @throws IllegalArgumentException when the bound cannot be read (a hash or multi-column bound, a
   *     value not of the set's type)
   */
  public DecodedChild decode(ChildTable child) {
    PartitionBound bound = child.bound();
    try {
      if (bound instanceof PartitionBound.Default) {
        return new DecodedChild(child, null, null, null, null);
      }
      if (bound instanceof PartitionBound.Range r) {
        return fromValues(child, r.lower(), r.upper());
      }
      if (bound instanceof PartitionBound.ListValues l) {
        List<String> values = new ArrayList<>();
        for (String v : l.values()) {
          if (v != null) {
            values.add(v);
          }
        }
        if (values.isEmpty()) {
          return new DecodedChild(child, null, null, null, null);
        }
        return fromList(child, values);
      }
    } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "the bound of "
              + child.name()
              + " ("
              + child.boundExpression()
              + ") cannot be read as "
              + describe()
              + ": "
              + e.getMessage(),
          e);
    }
    throw new IllegalArgumentException(
        "the bound of "
            + child.name()
            + " ("
            + child.boundExpression()
            + ") is not a one-column range or list bound");
  }

  private DecodedChild fromValues(ChildTable child, String lower, String upper) {
    if (kind == SetKind.ID) {
      return new DecodedChild(
          child,
          null,
          null,
          lower == null ? null : number(lower),
          upper == null ? null : number(upper));
    }
    Instant start = lower == null ? null : instant(lower);
    Instant end = upper == null ? null : instant(upper);
    BigDecimal startId = kind == SetKind.EPOCH && lower != null ? number(lower) : null;
    BigDecimal endId = kind == SetKind.EPOCH && upper != null ? number(upper) : null;
    return new DecodedChild(child, start, end, startId, endId);
  }

  private DecodedChild fromList(ChildTable child, List<String> values) {
    if (kind == SetKind.ID) {
      List<BigDecimal> numbers = values.stream().map(this::number).toList();
      BigDecimal min = numbers.stream().min(Comparator.naturalOrder()).orElseThrow();
      BigDecimal max = numbers.stream().max(Comparator.naturalOrder()).orElseThrow();
      return new DecodedChild(child, null, null, min, max.add(BigDecimal.ONE));
    }
    Instant min = null;
    String minText = null;
    for (String v : values) {
      Instant t = instant(v);
      if (t != null && (min == null || t.isBefore(min))) {
        min = t;
        minText = v;
      }
    }
    BigDecimal startId = kind == SetKind.EPOCH && minText != null ? number(minText) : null;
    return new DecodedChild(child, min, null, startId, null);
  }

  private Instant timeValue(String text) {
    String t = text.trim();
    if (t.equals("infinity") || t.equals("-infinity")) {
      return null;
    }
    switch (exactType) {
      case "timestamptz":
        return TimestampText.parseTimestamptz(t);
      case "timestamp":
        return TimestampText.parseTimestampInZone(t, zone);
      case "date":
        LocalDate day = TimestampText.parseDate(t);
        return TimestampText.parseTimestampInZone(
            TimestampText.formatTimestamp(day.atStartOfDay()), zone);
      default:
        throw new IllegalStateException("not a time type: " + exactType);
    }
  }

  private Instant epochInstant(BigDecimal value) {
    BigDecimal micros =
        value
            .multiply(MICROS_PER_SECOND)
            .divide(BigDecimal.valueOf(factor()), 0, RoundingMode.HALF_EVEN);
    Instant t = PgTimestamps.ofEpochMicros(micros.longValueExact());
    return PgTimestamps.requireValid(t);
  }

  private long factor() {
    return switch (epoch) {
      case SECONDS -> 1L;
      case MILLISECONDS -> 1_000L;
      case MICROSECONDS -> 1_000_000L;
      case NANOSECONDS -> 1_000_000_000L;
      case NONE -> throw new IllegalStateException("epoch none has no factor");
    };
  }

  private String describe() {
    return switch (kind) {
      case TIME -> exactType;
      case EPOCH -> exactType + " counting " + epoch.configText() + " since 1970";
      case ENCODED -> exactType + " decoded by the set's time_decoder";
      case ID -> exactType;
    };
  }
}
