package org.partman4j.time;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Where pg_partman's grid of time partitions starts and how it names children: its {@code
 * calculate_time_partition_info}.
 *
 * <p>The grid starts at the start time truncated to the configured {@code date_trunc_interval}, or
 * when none is configured to a unit chosen from the partition interval (compared with PostgreSQL's
 * interval ordering, where a month is 30 days and a year 360): {@code millennium} from 1000 years,
 * {@code century} from 100 years, {@code decade} from 10 years, {@code year} from 1 year, {@code
 * month} from 1 month, {@code day} from 1 day, {@code hour} from 1 minute, else {@code minute}.
 */
public final class TimeGrid {

  private static final PgInterval ONE_MINUTE = PgInterval.ofMicros(60_000_000L);
  private static final PgInterval ONE_DAY = PgInterval.ofDays(1);
  private static final PgInterval ONE_MONTH = PgInterval.ofMonths(1);
  private static final PgInterval ONE_YEAR = PgInterval.ofMonths(12);
  private static final PgInterval TEN_YEARS = PgInterval.ofMonths(120);
  private static final PgInterval HUNDRED_YEARS = PgInterval.ofMonths(1200);
  private static final PgInterval THOUSAND_YEARS = PgInterval.ofMonths(12000);

  private TimeGrid() {}

  /**
   * The {@code to_char} pattern of child names: {@code YYYYMMDD}, plus {@code _HH24MISS} when the
   * interval is shorter than a day.
   */
  public static String datetimeString(PgInterval interval) {
    return suffixFormat(interval).pattern();
  }

  /** {@link #datetimeString} as a {@link SuffixFormat}. */
  public static SuffixFormat suffixFormat(PgInterval interval) {
    Objects.requireNonNull(interval, "interval");
    return interval.compareTo(ONE_DAY) < 0 ? SuffixFormat.YYYYMMDD_HH24MISS : SuffixFormat.YYYYMMDD;
  }

  /**
   * The first partition start of the grid: {@code start} truncated in {@code zone} to {@code
   * dateTruncOrNull}, or to the unit the interval implies when that is null.
   */
  public static Instant base(
      PgInterval interval, Instant start, TruncUnit dateTruncOrNull, ZoneId zone) {
    TruncUnit unit = dateTruncOrNull != null ? dateTruncOrNull : impliedUnit(interval);
    return DateTrunc.trunc(unit, start, zone);
  }

  /** The truncation unit pg_partman picks for an interval when no date_trunc_interval is set. */
  public static TruncUnit impliedUnit(PgInterval interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.compareTo(THOUSAND_YEARS) >= 0) {
      return TruncUnit.MILLENNIUM;
    }
    if (interval.compareTo(HUNDRED_YEARS) >= 0) {
      return TruncUnit.CENTURY;
    }
    if (interval.compareTo(TEN_YEARS) >= 0) {
      return TruncUnit.DECADE;
    }
    if (interval.compareTo(ONE_YEAR) >= 0) {
      return TruncUnit.YEAR;
    }
    if (interval.compareTo(ONE_MONTH) >= 0) {
      return TruncUnit.MONTH;
    }
    if (interval.compareTo(ONE_DAY) >= 0) {
      return TruncUnit.DAY;
    }
    if (interval.compareTo(ONE_MINUTE) >= 0) {
      return TruncUnit.HOUR;
    }
    return TruncUnit.MINUTE;
  }
}
