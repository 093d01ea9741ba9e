package org.partman4j.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partman4j.time.ZonedArithmeticTest.NEW_YORK;
import static org.partman4j.time.ZonedArithmeticTest.UTC;
import static org.partman4j.time.ZonedArithmeticTest.at;

import org.junit.jupiter.api.Test;

class TimeGridTest {

  static final long HOUR = 3_600_000_000L;

  @Test
  void unitFollowsPostgresIntervalOrdering() {
    assertThat(TimeGrid.impliedUnit(PgInterval.ofMonths(12000))).isEqualTo(TruncUnit.MILLENNIUM);
    assertThat(TimeGrid.impliedUnit(PgInterval.ofMonths(1200))).isEqualTo(TruncUnit.CENTURY);
    assertThat(TimeGrid.impliedUnit(PgInterval.ofMonths(120))).isEqualTo(TruncUnit.DECADE);
    assertThat(TimeGrid.impliedUnit(PgInterval.ofMonths(12))).isEqualTo(TruncUnit.YEAR);
    // '1 year' compares as 360 days, so 360 and 365 days are "a year or more".
    assertThat(TimeGrid.impliedUnit(PgInterval.ofDays(360))).isEqualTo(TruncUnit.YEAR);
    assertThat(TimeGrid.impliedUnit(PgInterval.ofDays(365))).isEqualTo(TruncUnit.YEAR);
    assertThat(TimeGrid.impliedUnit(new PgInterval(11, 29, 0))).isEqualTo(TruncUnit.MONTH);
    assertThat(TimeGrid.impliedUnit(PgInterval.ofDays(30))).isEqualTo(TruncUnit.MONTH);
    assertThat(TimeGrid.impliedUnit(PgInterval.ofDays(29))).isEqualTo(TruncUnit.DAY);
    assertThat(TimeGrid.impliedUnit(PgInterval.ofDays(7))).isEqualTo(TruncUnit.DAY);
    assertThat(TimeGrid.impliedUnit(PgInterval.ofMicros(24 * HOUR))).isEqualTo(TruncUnit.DAY);
    assertThat(TimeGrid.impliedUnit(PgInterval.ofMicros(24 * HOUR - 1))).isEqualTo(TruncUnit.HOUR);
    assertThat(TimeGrid.impliedUnit(PgInterval.ofMicros(60_000_000L))).isEqualTo(TruncUnit.HOUR);
    assertThat(TimeGrid.impliedUnit(PgInterval.ofMicros(59_999_999L))).isEqualTo(TruncUnit.MINUTE);
  }

  @Test
  void datetimeStringAddsTimeBelowADay() {
    assertThat(TimeGrid.datetimeString(PgInterval.ofDays(1))).isEqualTo("YYYYMMDD");
    assertThat(TimeGrid.datetimeString(PgInterval.ofMicros(24 * HOUR))).isEqualTo("YYYYMMDD");
    assertThat(TimeGrid.datetimeString(PgInterval.ofMicros(23 * HOUR)))
        .isEqualTo("YYYYMMDD_HH24MISS");
    assertThat(TimeGrid.datetimeString(PgInterval.ofMonths(1))).isEqualTo("YYYYMMDD");
  }

  @Test
  void baseTruncatesInTheZone() {
    assertThat(TimeGrid.base(PgInterval.ofMonths(1), at("2026-11-18T03:00Z"), null, NEW_YORK))
        .isEqualTo(at("2026-11-01T00:00-04:00"));
    assertThat(TimeGrid.base(PgInterval.ofDays(7), at("2026-11-18T03:00Z"), TruncUnit.WEEK, UTC))
        .isEqualTo(at("2026-11-16T00:00Z"));
    assertThat(TimeGrid.base(PgInterval.ofMicros(HOUR), at("2026-11-18T03:17Z"), null, UTC))
        .isEqualTo(at("2026-11-18T03:00Z"));
  }
}
