package org.partman4j.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.partman4j.PartitionInfo;
import org.partman4j.model.IdGrid;
import org.partman4j.naming.PartitionNames;
import org.partman4j.time.PgInterval;
import org.partman4j.time.SuffixFormat;
import org.partman4j.time.TimeGrid;
import org.partman4j.time.ZonedArithmetic;

/**
 * The arithmetic of pg_partman's {@code show_partition_info} and {@code show_partition_name}: a
 * child's range from its start, and a child's name from its start.
 */
public final class ChildRanges {

  private ChildRanges() {}

  /**
   * {@code show_partition_info} of a child of a set partitioned by time: end = start + interval in
   * the set's zone; suffix = the start truncated as {@code calculate_time_partition_info} would
   * truncate it for this interval (no {@code date_trunc_interval}), formatted {@code YYYYMMDD} or
   * {@code YYYYMMDD_HH24MISS} by the interval.
   */
  public static PartitionInfo timeInfo(Instant start, PgInterval interval, ZoneId zone) {
    Objects.requireNonNull(start, "start");
    Instant end = ZonedArithmetic.plus(start, interval, zone);
    Instant base = TimeGrid.base(interval, start, null, zone);
    String suffix = TimeGrid.suffixFormat(interval).format(base, zone);
    return new PartitionInfo(start, end, null, null, suffix);
  }

  /**
   * {@code show_partition_info} of a child of an id set: the start truncated toward zero to a
   * bigint, and the <em>inclusive</em> end {@code start + interval - 1}.
   *
   * @throws ArithmeticException when the start or end leaves the bigint range, where pg_partman
   *     reports "bigint out of range"
   */
  public static PartitionInfo idInfo(BigDecimal start, long interval) {
    long first = start.setScale(0, RoundingMode.DOWN).longValueExact();
    long last = Math.subtractExact(Math.addExact(first, interval), 1);
    return new PartitionInfo(null, null, first, last, null);
  }

  /**
   * The start of an id set's child for a value: {@code value - value % interval}, truncating toward
   * zero as pg_partman's SQL does ({@code -15} gives {@code -10} with interval 10). pg_partman
   * 5.3's {@code p_offset_id} is not stored in part_config and {@code show_partition_name} ignores
   * it; so does this.
   */
  public static long idChildStart(long value, long interval) {
    return IdGrid.startFor(value, interval);
  }

  /**
   * A time child's name: the parent's name, the set's prefix, and {@code to_char(start,
   * datetime_string)} in the set's zone, cut to 63 bytes.
   *
   * @throws IllegalArgumentException when the datetime string is not one pg_partman uses
   */
  public static String timeChildName(
      String parentTable, String childPrefix, String datetimeString, Instant start, ZoneId zone) {
    String suffix = SuffixFormat.ofPattern(datetimeString).format(start, zone);
    return PartitionNames.child(parentTable, childPrefix, suffix);
  }

  /** An id child's name: parent, prefix and the start's digits (with its sign), cut to 63 bytes. */
  public static String idChildName(String parentTable, String childPrefix, long start) {
    return PartitionNames.child(parentTable, childPrefix, Long.toString(start));
  }

  /**
   * An id set's interval, stored as text in {@code partition_interval}: read as PostgreSQL's {@code
   * ::bigint} reads it (surrounding spaces allowed).
   *
   * @throws IllegalArgumentException when it is not a positive whole number
   */
  public static long idInterval(String text) {
    long n;
    try {
      n = Long.parseLong(Objects.requireNonNull(text, "interval").strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "the interval '" + text + "' of an id set must be a whole number", e);
    }
    if (n <= 0) {
      throw new IllegalArgumentException("the interval of an id set must be positive, got " + n);
    }
    return n;
  }
}
