package org.partman4j.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.partman4j.PartitionInfo;
import org.partman4j.time.PgInterval;

class ChildRangesTest {

  @Test
  void timeInfoEndsAnIntervalLaterInTheSetsZone() {
    ZoneId ny = ZoneId.of("America/New_York");
    PartitionInfo i =
        ChildRanges.timeInfo(Instant.parse("2026-03-08T05:00:00Z"), PgInterval.ofDays(1), ny);
    assertThat(i.childEndTime()).isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
    assertThat(i.suffix()).isEqualTo("20260308");
    assertThat(i.childStartId()).isNull();
  }

  @Test
  void timeSuffixIsRecomputedWithDefaultTruncationAsPgPartmanDoes() {
    // reference §15.3: a 9-week set truncated to weeks is named w9b_p20260713 but reports 20260701
    PgInterval nineWeeks = PgInterval.ofDays(63);
    PartitionInfo i =
        ChildRanges.timeInfo(Instant.parse("2026-07-13T00:00:00Z"), nineWeeks, ZoneOffset.UTC);
    assertThat(i.suffix()).isEqualTo("20260701");
    PartitionInfo hourly =
        ChildRanges.timeInfo(
            Instant.parse("2026-11-22T01:30:00Z"),
            PgInterval.ofMicros(90 * 60_000_000L),
            ZoneOffset.UTC);
    assertThat(hourly.suffix()).isEqualTo("20261122_010000");
  }

  @Test
  void idInfoHasAnInclusiveEndAndTruncatesTowardZero() {
    PartitionInfo i = ChildRanges.idInfo(new BigDecimal("3000000000"), 10);
    assertThat(i.childStartId()).isEqualTo(3_000_000_000L);
    assertThat(i.childEndId()).isEqualTo(3_000_000_009L);
    assertThat(i.suffix()).isNull();
    assertThat(ChildRanges.idInfo(new BigDecimal("-1500.7"), 1000).childStartId())
        .isEqualTo(-1500L);
    assertThat(ChildRanges.idInfo(new BigDecimal("12"), 1).childEndId()).isEqualTo(12L);
    assertThatThrownBy(() -> ChildRanges.idInfo(new BigDecimal("1e30"), 10))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void idChildStartTruncatesTowardZeroLikePgPartman() {
    assertThat(ChildRanges.idChildStart(15, 10)).isEqualTo(10);
    assertThat(ChildRanges.idChildStart(-15, 10)).isEqualTo(-10);
    assertThat(ChildRanges.idChildStart(-10, 10)).isEqualTo(-10);
    assertThat(ChildRanges.idChildStart(0, 10)).isEqualTo(0);
    assertThat(ChildRanges.idChildStart(Long.MIN_VALUE, 10)).isEqualTo(-9223372036854775800L);
  }

  @Test
  void namesUseTheSetsPrefixAndDatetimeStringAndFit63Bytes() {
    assertThat(
            ChildRanges.timeChildName(
                "events",
                "_p",
                "YYYYMMDD",
                Instant.parse("2026-11-18T05:00:00Z"),
                ZoneId.of("America/New_York")))
        .isEqualTo("events_p20261118");
    assertThat(
            ChildRanges.timeChildName(
                "events",
                "_part",
                "YYYYMMDD_HH24MISS",
                Instant.parse("2026-11-18T05:00:00Z"),
                ZoneOffset.UTC))
        .isEqualTo("events_part20261118_050000");
    assertThat(ChildRanges.idChildName("ids", "_p", -10)).isEqualTo("ids_p-10");
    String longParent = "time_taptest_table_1234567890123456789012345678901234567890";
    assertThat(
            ChildRanges.timeChildName(
                longParent,
                "_p",
                "YYYYMMDD_HH24MISS",
                Instant.parse("2026-11-22T02:00:00Z"),
                ZoneOffset.UTC))
        .isEqualTo("time_taptest_table_123456789012345678901234567_p20261122_020000");
    assertThatThrownBy(
            () ->
                ChildRanges.timeChildName(
                    "q", "_p", "YYYY\"q\"Q", Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void idIntervalsAreWholePositiveNumbers() {
    assertThat(ChildRanges.idInterval("10")).isEqualTo(10);
    assertThat(ChildRanges.idInterval(" 1000 ")).isEqualTo(1000);
    assertThatThrownBy(() -> ChildRanges.idInterval("1 day"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChildRanges.idInterval("0"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
