package org.partman4j.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.catalog.ChildTable;
import org.partman4j.catalog.PartitionBound;
import org.partman4j.model.TableName;
import org.partman4j.plan.DecodedChild;
import org.partman4j.plan.TimeColumn;
import org.partman4j.plan.TimeLayout;
import org.partman4j.time.PgInterval;
import org.partman4j.time.SuffixFormat;

/** Where a data move puts a value, and how its batches step: pure. */
class MoveGridTest {

  private static final TableName PARENT = new TableName("s", "t");

  private static DecodedChild idChild(long start, long end) {
    ChildTable c =
        new ChildTable(
            new TableName("s", "t_p" + start),
            1,
            false,
            new PartitionBound.Range(Long.toString(start), Long.toString(end)),
            null);
    return new DecodedChild(c, null, null, BigDecimal.valueOf(start), BigDecimal.valueOf(end));
  }

  private static DecodedChild timeChild(String name, String start, String end) {
    ChildTable c =
        new ChildTable(
            new TableName("s", name), 1, false, new PartitionBound.Range(start, end), null);
    return new DecodedChild(c, Instant.parse(start), Instant.parse(end), null, null);
  }

  @Test
  void idValuesGoToTheFlooredChildOnTheExistingGrid() {
    MoveGrid.Id grid =
        new MoveGrid.Id(PARENT, "_p", 10, false, List.of(idChild(5, 15)), BigDecimal.valueOf(3));

    MoveGrid.Window<BigDecimal> existing = grid.windowFor(BigDecimal.valueOf(12));
    MoveGrid.Window<BigDecimal> negative = grid.windowFor(BigDecimal.valueOf(-15));

    assertThat(existing.child().table()).isEqualTo("t_p5");
    assertThat(existing.toCreate()).isNull();
    // On the offset grid of the existing child, floored: -15 lies in [-15, -5).
    assertThat(negative.lo()).isEqualByComparingTo("-15");
    assertThat(negative.hi()).isEqualByComparingTo("-5");
    assertThat(negative.child().table()).isEqualTo("t_p-15");
    assertThat(negative.toCreate().child().bound())
        .isEqualTo(new PartitionBound.Range("-15", "-5"));
  }

  @Test
  void idValuesWithoutChildrenUseMultiplesOfTheInterval() {
    MoveGrid.Id grid = new MoveGrid.Id(PARENT, "_p", 100, false, List.of(), BigDecimal.TEN);

    MoveGrid.Window<BigDecimal> w = grid.windowFor(BigDecimal.valueOf(-1));

    assertThat(w.lo()).isEqualByComparingTo("-100");
    assertThat(w.child().table()).isEqualTo("t_p-100");
  }

  @Test
  void batchesStepFromTheFirstValueAndStayInsideTheChild() {
    MoveGrid.Id grid = new MoveGrid.Id(PARENT, "_p", 100, false, List.of(), BigDecimal.valueOf(30));
    MoveGrid.Window<BigDecimal> w = grid.windowFor(BigDecimal.valueOf(250));

    assertThat(grid.batch(w, BigDecimal.valueOf(250), true, false))
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(BigDecimal.valueOf(200), BigDecimal.valueOf(280));
    assertThat(grid.batch(w, BigDecimal.valueOf(290), true, false))
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(BigDecimal.valueOf(200), BigDecimal.valueOf(300));
    assertThat(grid.batch(w, BigDecimal.valueOf(250), false, false))
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(BigDecimal.valueOf(220), BigDecimal.valueOf(300));
    assertThat(grid.batch(w, BigDecimal.valueOf(210), false, false))
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(BigDecimal.valueOf(200), BigDecimal.valueOf(300));
    assertThat(grid.batch(w, BigDecimal.valueOf(250), true, true))
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(BigDecimal.valueOf(200), BigDecimal.valueOf(300));
  }

  @Test
  void timeValuesGoToTheGridOfTheExistingChildrenAndTheChildIsNamedByItsStart() {
    ZoneId utc = ZoneId.of("UTC");
    PgInterval hour = PgInterval.ofMicros(3_600_000_000L);
    TimeLayout layout =
        new TimeLayout(
            PARENT,
            "ts",
            PgInterval.ofDays(1),
            utc,
            SuffixFormat.YYYYMMDD,
            "_p",
            new TimeColumn.Timestamptz());
    MoveGrid.Time grid =
        new MoveGrid.Time(
            layout,
            List.of(timeChild("t_p20261122", "2026-11-22T00:00:00Z", "2026-11-23T00:00:00Z")),
            hour,
            null);

    MoveGrid.Window<Instant> past = grid.windowFor(Instant.parse("2026-11-10T13:30:00Z"));
    MoveGrid.Window<Instant> there = grid.windowFor(Instant.parse("2026-11-22T23:59:59Z"));

    assertThat(past.child().table()).isEqualTo("t_p20261110");
    assertThat(past.lo()).isEqualTo(Instant.parse("2026-11-10T00:00:00Z"));
    assertThat(past.hi()).isEqualTo(Instant.parse("2026-11-11T00:00:00Z"));
    assertThat(there.toCreate()).isNull();
    // DESC from 13:30 with one-hour batches: [12:30, end of day), still named by the day.
    assertThat(grid.batch(past, Instant.parse("2026-11-10T13:30:00Z"), false, false))
        .containsExactly(
            Instant.parse("2026-11-10T12:30:00Z"), Instant.parse("2026-11-11T00:00:00Z"));
    assertThat(grid.bound(past.lo())).isEqualTo("2026-11-10 00:00:00+00");
  }
}
