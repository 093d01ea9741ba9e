package org.partman4j.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partman4j.catalog.PartitionBound;
import org.partman4j.model.TableName;
import org.partman4j.time.EpochUnit;
import org.partman4j.time.PgInterval;
import org.partman4j.time.SuffixFormat;
import org.partman4j.time.TimeGrid;
import org.partman4j.time.TruncUnit;

/** The time planner against pg_partman's verified golden data (reference §17). */
class TimeChildPlannerTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** The clock of the reference's verified runs: a Sunday. */
  private static final Instant NOW = Instant.parse("2026-11-22T03:22:39Z");

  private static List<PlannedChild> createParent(
      String table, String interval, int premake, String dateTrunc, ZoneId zone, TimeColumn col) {
    PgInterval i = PgInterval.parse(interval);
    Instant start = TimeChildPlanner.defaultStart(i, NOW, premake, zone);
    TruncUnit unit = dateTrunc == null ? null : TruncUnit.parse(dateTrunc);
    List<TimeSlot> slots = TimeChildPlanner.createParentSlots(i, start, unit, NOW, premake, zone);
    return TimeChildPlanner.children(layout(table, i, zone, col), slots);
  }

  private static TimeLayout layout(String table, PgInterval i, ZoneId zone, TimeColumn col) {
    return new TimeLayout(
        new TableName("g", table), "ts", i, zone, TimeGrid.suffixFormat(i), "_p", col);
  }

  private static List<String> names(List<PlannedChild> children) {
    return children.stream().map(PlannedChild::name).toList();
  }

  @Test
  void goldenDaily() {
    List<PlannedChild> children =
        createParent("daily", "1 day", 4, null, UTC, new TimeColumn.Timestamptz());

    assertThat(names(children))
        .containsExactly(
            "daily_p20261118",
            "daily_p20261119",
            "daily_p20261120",
            "daily_p20261121",
            "daily_p20261122",
            "daily_p20261123",
            "daily_p20261124",
            "daily_p20261125",
            "daily_p20261126");
    assertThat(children.get(0).child().bound())
        .isEqualTo(new PartitionBound.Range("2026-11-18 00:00:00+00", "2026-11-19 00:00:00+00"));
  }

  @ParameterizedTest(name = "{0} premake {1} trunc {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "30 seconds|4||t_p20261122_032000|t_p20261122_032430|10",
        "1 hour|4||t_p20261121_230000|t_p20261122_070000|9",
        // The reference counts 10 here; 21:00 to 09:00 by 90 minutes is 9 children.
        "90 minutes|4||t_p20261121_210000|t_p20261122_090000|9",
        "1 week|4||t_p20261025|t_p20261220|9",
        "1 week|4|week|t_p20261019|t_p20261214|9",
        "1 month|4||t_p20260701|t_p20270301|9",
        "3 months|4||t_p20251101|t_p20271101|9",
        "3 months|4|quarter|t_p20251001|t_p20271001|9",
        "1 year|4||t_p20220101|t_p20300101|9",
        "10 years|4||t_p19800101|t_p20600101|9",
        "100 years|2||t_p18010101|t_p22010101|5",
        "1000 years|1||t_p10010101|t_p30010101|3",
        "9 weeks|2||t_p20260701|t_p20270310|5",
        "9 weeks|2|week|t_p20260713|t_p20270322|5",
      })
  void goldenIntervals(
      String interval, int premake, String trunc, String first, String last, int count) {
    List<String> names =
        names(createParent("t", interval, premake, trunc, UTC, new TimeColumn.Timestamptz()));

    assertThat(names).hasSize(count);
    assertThat(names.get(0)).isEqualTo(first);
    assertThat(names.get(names.size() - 1)).isEqualTo(last);
  }

  @Test
  void ninetyMinutesIsAnchoredAtTheTruncatedHourNotAtTheInterval() {
    assertThat(
            names(createParent("t", "90 minutes", 4, null, UTC, new TimeColumn.Timestamptz()))
                .subList(0, 3))
        .containsExactly("t_p20261121_210000", "t_p20261121_223000", "t_p20261122_000000");
  }

  @Test
  void goldenEpochWeeklyFromAStartPartition() {
    PgInterval week = PgInterval.parse("1 week");
    Instant start = Instant.parse("2026-09-21T00:00:00Z");
    List<TimeSlot> slots = TimeChildPlanner.createParentSlots(week, start, null, NOW, 2, UTC);
    List<PlannedChild> children =
        TimeChildPlanner.children(
            layout("t", week, UTC, new TimeColumn.Epoch(EpochUnit.SECONDS)), slots);

    assertThat(names(children)).hasSize(11).startsWith("t_p20260921").endsWith("t_p20261130");
    assertThat(children.get(0).child().bound())
        .isEqualTo(new PartitionBound.Range("1789948800", "1790553600"));
    assertThat(children.get(10).child().bound())
        .isEqualTo(new PartitionBound.Range("1795996800", "1796601600"));
    assertThat(children.get(0).child().epochCheck())
        .isEqualTo(
            new EpochCheck(
                "ts", EpochUnit.SECONDS, "2026-09-21 00:00:00+00", "2026-09-28 00:00:00+00"));
  }

  @Test
  void dateColumnsGetDateBounds() {
    List<PlannedChild> children = createParent("d", "1 day", 1, null, UTC, new TimeColumn.Date());

    assertThat(children.get(0).child().bound())
        .isEqualTo(new PartitionBound.Range("2026-11-21", "2026-11-22"));
  }

  @Test
  void subDayIntervalOnADateColumnIsRefused() {
    assertThatThrownBy(() -> createParent("d", "1 hour", 1, null, UTC, new TimeColumn.Date()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one day for a date column");
  }

  @Test
  void monthEndAnchorLeavesNoHole() {
    PgInterval month = PgInterval.parse("1 month");
    Instant start = Instant.parse("2026-08-31T00:00:00Z");
    Instant now = Instant.parse("2026-09-15T00:00:00Z");
    List<PlannedChild> children =
        TimeChildPlanner.children(
            layout("m", month, UTC, new TimeColumn.Timestamptz()),
            TimeChildPlanner.createParentSlots(month, start, TruncUnit.DAY, now, 2, UTC));

    assertThat(names(children)).containsExactly("m_p20260831", "m_p20260930", "m_p20261031");
    for (int k = 1; k < children.size(); k++) {
      assertThat(children.get(k).start()).isEqualTo(children.get(k - 1).end());
    }
    // pg_partman ends the second child at 10-30 and starts the third at 10-31.
    assertThat(children.get(1).child().bound())
        .isEqualTo(new PartitionBound.Range("2026-09-30 00:00:00+00", "2026-10-31 00:00:00+00"));
  }

  @Test
  void dstFallBackMergesTheTwoHoursThatShareAName() {
    PgInterval hour = PgInterval.parse("1 hour");
    Instant start = Instant.parse("2026-11-01T03:00:00Z"); // 23:00 EDT on Oct 31
    Instant now = Instant.parse("2026-11-01T06:30:00Z"); // 01:30 EST
    List<PlannedChild> children =
        TimeChildPlanner.children(
            layout("h", hour, NEW_YORK, new TimeColumn.Timestamptz()),
            TimeChildPlanner.createParentSlots(hour, start, null, now, 1, NEW_YORK));

    assertThat(names(children))
        .containsExactly(
            "h_p20261031_230000", "h_p20261101_000000", "h_p20261101_010000", "h_p20261101_020000");
    assertThat(children.get(2).child().bound())
        .isEqualTo(new PartitionBound.Range("2026-11-01 01:00:00-04", "2026-11-01 02:00:00-05"));
    for (int k = 1; k < children.size(); k++) {
      assertThat(children.get(k).start()).isEqualTo(children.get(k - 1).end());
    }
  }

  @Test
  void dstFallBackOnATimestampColumnGivesLocalContiguousBounds() {
    PgInterval hour = PgInterval.parse("1 hour");
    Instant start = Instant.parse("2026-11-01T04:00:00Z"); // 00:00 EDT
    Instant now = Instant.parse("2026-11-01T06:30:00Z");
    List<PlannedChild> children =
        TimeChildPlanner.children(
            layout("h", hour, NEW_YORK, new TimeColumn.Timestamp()),
            TimeChildPlanner.createParentSlots(hour, start, null, now, 1, NEW_YORK));

    assertThat(children.stream().map(c -> c.child().bound()).toList())
        .containsExactly(
            new PartitionBound.Range("2026-11-01 00:00:00", "2026-11-01 01:00:00"),
            new PartitionBound.Range("2026-11-01 01:00:00", "2026-11-01 02:00:00"),
            new PartitionBound.Range("2026-11-01 02:00:00", "2026-11-01 03:00:00"));
  }

  @Test
  void aSuffixTooCoarseForTheIntervalIsRefusedNotSkipped() {
    PgInterval month = PgInterval.parse("1 month");
    TimeLayout legacy =
        new TimeLayout(
            new TableName("g", "m"),
            "ts",
            month,
            UTC,
            SuffixFormat.ofPattern("YYYY"),
            "_p",
            new TimeColumn.Timestamptz());
    List<TimeSlot> slots =
        TimeChildPlanner.slotsStartingAt(
            List.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z")),
            month,
            UTC);

    assertThatThrownBy(() -> TimeChildPlanner.children(legacy, slots))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("would both be named m_p2026");
  }
}
