package org.partman4j.time;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * pg_partman's {@code epoch} setting: whether a time-partitioned set's control column holds a
 * timestamp ({@link #NONE}) or an integer count of seconds, milliseconds, microseconds or
 * nanoseconds since 1970-01-01 00:00:00 UTC.
 *
 * <p>pg_partman writes such a child's bounds as {@code EXTRACT(epoch FROM ts)::bigint * factor}:
 * the seconds are rounded to a whole number (half away from zero, as numeric to bigint rounds)
 * <em>before</em> the factor is applied, so a millisecond bound is always a multiple of 1000. It
 * reads a value back as {@code to_timestamp((col / factor)::float)}: integer division first
 * (truncating toward zero, so -1500 ms reads as -1 s), then PostgreSQL's float-to-timestamptz
 * conversion.
 */
public enum EpochUnit {
  NONE("none", 0),
  SECONDS("seconds", 1),
  MILLISECONDS("milliseconds", 1_000),
  MICROSECONDS("microseconds", 1_000_000),
  NANOSECONDS("nanoseconds", 1_000_000_000);

  private static final Instant POSTGRES_EPOCH = Instant.parse("2000-01-01T00:00:00Z");

  /** Seconds from 1970-01-01 to 2000-01-01, PostgreSQL's own epoch. */
  private static final double UNIX_TO_POSTGRES_EPOCH_SECONDS = 946_684_800.0;

  private final String configText;
  private final long factor;

  EpochUnit(String configText, long factor) {
    this.configText = configText;
    this.factor = factor;
  }

  /** The text pg_partman stores in {@code part_config.epoch}, e.g. {@code "milliseconds"}. */
  public String configText() {
    return configText;
  }

  /**
   * The unit for pg_partman's {@code part_config.epoch} text, which its check constraint limits to
   * these five lower-case words.
   *
   * @throws IllegalArgumentException for any other text, naming the valid ones
   */
  public static EpochUnit parse(String configText) {
    for (EpochUnit u : values()) {
      if (u.configText.equals(configText)) {
        return u;
      }
    }
    throw new IllegalArgumentException(
        "unknown epoch setting \""
            + configText
            + "\"; pg_partman allows "
            + Arrays.stream(values()).map(EpochUnit::configText).collect(Collectors.joining(", ")));
  }

  /**
   * The integer bound pg_partman writes for a child starting or ending at {@code t}: {@code
   * EXTRACT(epoch FROM t)::bigint * factor}.
   *
   * @throws IllegalStateException for {@link #NONE}, whose bounds are timestamps
   * @throws ArithmeticException when the product exceeds a bigint, where PostgreSQL reports "bigint
   *     out of range" (nanoseconds after 2262)
   */
  public long boundFor(Instant t) {
    requireEpoch();
    BigDecimal seconds = PgTimestamps.epochSeconds(t);
    long whole = seconds.setScale(0, RoundingMode.HALF_UP).longValueExact();
    return Math.multiplyExact(whole, factor);
  }

  /**
   * The instant pg_partman reads from a control-column value: {@code to_timestamp((value /
   * factor)::float)}.
   *
   * @throws IllegalStateException for {@link #NONE}
   * @throws DateTimeException when the seconds are outside PostgreSQL's range
   */
  public Instant instantFor(long value) {
    requireEpoch();
    // bigint / integer truncates toward zero in PostgreSQL, as in Java.
    double seconds = (double) (value / factor);
    // PostgreSQL moves to its 2000-based epoch in float arithmetic before scaling to microseconds
    // and rounding; past roughly year 20000 the product no longer holds every microsecond, and
    // doing the same steps in the same double arithmetic keeps the rounding identical.
    double micros2000 = Math.rint((seconds - UNIX_TO_POSTGRES_EPOCH_SECONDS) * 1_000_000.0);
    if (!(micros2000 >= -0x1p63 && micros2000 < 0x1p63)) {
      throw PgTimestamps.outOfRange(value + " " + configText);
    }
    // Counted from 2000 as PostgreSQL does: the last years of its range overflow a long of
    // microseconds since 1970.
    return PgTimestamps.requireInRange(POSTGRES_EPOCH.plus((long) micros2000, ChronoUnit.MICROS));
  }

  private void requireEpoch() {
    if (this == NONE) {
      throw new IllegalStateException(
          "epoch is 'none': the control column holds timestamps, so its bounds are timestamps;"
              + " use TimestampText for them");
    }
  }
}
