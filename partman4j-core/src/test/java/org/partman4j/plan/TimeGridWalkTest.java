package org.partman4j.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.time.PgInterval;
import org.partman4j.time.ZonedArithmetic;

class TimeGridWalkTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final PgInterval DAY = PgInterval.ofDays(1);
  private static final PgInterval HOUR = PgInterval.ofMicros(3_600_000_000L);
  private static final PgInterval MONTH = PgInterval.ofMonths(1);

  private static Instant t(String s) {
    return Instant.parse(s);
  }

  private static Instant walk(String value, List<Instant> newestFirst, PgInterval i, ZoneId z) {
    return TimeGridWalk.childStartFor(t(value), newestFirst, i, z);
  }

  @Test
  void insideAChildGivesItsStart() {
    List<Instant> days = List.of(t("2026-11-20T00:00:00Z"), t("2026-11-19T00:00:00Z"));
    assertThat(walk("2026-11-19T23:59:59.999999Z", days, DAY, ZoneOffset.UTC))
        .isEqualTo(t("2026-11-19T00:00:00Z"));
    assertThat(walk("2026-11-20T00:00:00Z", days, DAY, ZoneOffset.UTC))
        .isEqualTo(t("2026-11-20T00:00:00Z"));
  }

  @Test
  void afterTheNewestAndBeforeTheOldestStepsOnTheGrid() {
    List<Instant> days = List.of(t("2026-11-20T00:00:00Z"), t("2026-11-19T00:00:00Z"));
    assertThat(walk("2026-12-25T13:00:00Z", days, DAY, ZoneOffset.UTC))
        .isEqualTo(t("2026-12-25T00:00:00Z"));
    assertThat(walk("2025-01-01T00:00:00Z", days, DAY, ZoneOffset.UTC))
        .isEqualTo(t("2025-01-01T00:00:00Z"));
    // a grid anchored at 21:00 stays anchored there (reference §17.7: 90 minutes)
    PgInterval ninety = PgInterval.ofMicros(90 * 60_000_000L);
    List<Instant> odd = List.of(t("2026-11-21T21:00:00Z"));
    assertThat(walk("2026-11-22T03:22:00Z", odd, ninety, ZoneOffset.UTC))
        .isEqualTo(t("2026-11-22T03:00:00Z"));
    assertThat(walk("2026-11-21T20:59:59Z", odd, ninety, ZoneOffset.UTC))
        .isEqualTo(t("2026-11-21T19:30:00Z"));
  }

  @Test
  void aGapBetweenChildrenIsFilledFromTheOlderChild() {
    List<Instant> gap = List.of(t("2026-01-05T00:00:00Z"), t("2026-01-01T00:00:00Z"));
    assertThat(walk("2026-01-03T12:00:00Z", gap, DAY, ZoneOffset.UTC))
        .isEqualTo(t("2026-01-03T00:00:00Z"));
  }

  @Test
  void daysAreCalendarDaysInTheSetsZone() {
    // New York springs forward on 2026-03-08: that day is 23 hours long
    List<Instant> days = List.of(t("2026-03-01T05:00:00Z"));
    assertThat(walk("2026-03-08T12:00:00Z", days, DAY, NEW_YORK))
        .isEqualTo(t("2026-03-08T05:00:00Z"));
    assertThat(walk("2026-03-09T03:59:59Z", days, DAY, NEW_YORK))
        .isEqualTo(t("2026-03-08T05:00:00Z"));
    assertThat(walk("2026-03-09T04:00:00Z", days, DAY, NEW_YORK))
        .isEqualTo(t("2026-03-09T04:00:00Z"));
  }

  @Test
  void fixedLengthIntervalsJumpToWhereSteppingWouldLand() {
    List<Instant> hours = List.of(t("2026-11-01T04:00:00Z"));
    for (String v :
        List.of(
            "2026-11-01T06:30:00Z",
            "2026-11-01T05:59:59Z",
            "2026-11-01T03:59:59Z",
            "1999-06-30T12:34:56Z",
            "2101-01-01T00:00:00Z")) {
      Instant stepped = stepOneByOne(t(v), t("2026-11-01T04:00:00Z"), HOUR, NEW_YORK);
      assertThat(walk(v, hours, HOUR, NEW_YORK)).as(v).isEqualTo(stepped);
    }
  }

  @Test
  void monthsStepAsPgPartmanStepsThem() {
    // stepping back from 03-31: start and end each move by a month (03-31 - 1 mon = 02-28)
    List<Instant> months = List.of(t("2026-03-31T00:00:00Z"));
    assertThat(walk("2026-03-01T00:00:00Z", months, MONTH, ZoneOffset.UTC))
        .isEqualTo(t("2026-02-28T00:00:00Z"));
    // forward, 03-31 + 1 mon is 04-30, and from there 05-30: the drift of reference §5.2
    assertThat(walk("2026-05-31T00:00:00Z", months, MONTH, ZoneOffset.UTC))
        .isEqualTo(t("2026-05-30T00:00:00Z"));
  }

  @Test
  void noChildrenOrAValueTooFarAwayIsRefused() {
    assertThatThrownBy(() -> walk("2026-01-01T00:00:00Z", List.of(), DAY, ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no children");
    // one day less 86399 seconds: one second forward per step, in calendar days
    assertThatThrownBy(
            () ->
                walk(
                    "9999-01-01T00:00:00Z",
                    List.of(t("2026-01-01T00:00:00Z")),
                    new PgInterval(0, 1, -86_399_000_000L),
                    ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than");
  }

  /** pg_partman's loop, literally: one interval at a time, start and end apart. */
  private static Instant stepOneByOne(Instant value, Instant from, PgInterval i, ZoneId z) {
    Instant start = from;
    Instant end = ZonedArithmetic.plus(from, i, z);
    while (value.isBefore(start) || !value.isBefore(end)) {
      boolean later = !value.isBefore(end);
      start = later ? ZonedArithmetic.plus(start, i, z) : ZonedArithmetic.minus(start, i, z);
      end = later ? ZonedArithmetic.plus(end, i, z) : ZonedArithmetic.minus(end, i, z);
    }
    return start;
  }
}
