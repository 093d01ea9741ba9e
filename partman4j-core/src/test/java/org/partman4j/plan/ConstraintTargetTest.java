package org.partman4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partman4j.catalog.ChildTable;
import org.partman4j.model.ControlType;
import org.partman4j.time.EpochUnit;

class ConstraintTargetTest {

  private static List<DecodedChild> ids(int... starts) {
    BoundValues b = BoundValues.of(ControlType.of("int8"), EpochUnit.NONE, ZoneOffset.UTC);
    List<DecodedChild> out = new ArrayList<>();
    for (int s : starts) {
      out.add(b.decode(Children.range("t_p" + s, "" + s, "" + (s + 10))));
    }
    return out;
  }

  private static List<DecodedChild> weeks(ZoneId zone, String... mondays) {
    BoundValues b = BoundValues.of(ControlType.of("timestamptz"), EpochUnit.NONE, zone);
    List<DecodedChild> out = new ArrayList<>();
    for (String m : mondays) {
      ChildTable c = Children.range("t_p" + m.replace("-", ""), m + " 00:00:00+00", null);
      out.add(b.decode(c));
    }
    return out;
  }

  @Test
  void idTargetIsOptimizePlusOneIntervalsBelowTheNewestChildWithData() {
    List<DecodedChild> children = ids(0, 10, 20, 30, 40, 50, 60, 70, 80);
    // data up to p60 (index 6); optimize 2 → 60 - 3 * 10 = 30
    assertThat(ConstraintTarget.find(children, 6, SetKind.ID, "10", 2, ZoneOffset.UTC)).contains(3);
    // optimize 0 → the child just below the newest with data
    assertThat(ConstraintTarget.find(children, 6, SetKind.ID, "10", 0, ZoneOffset.UTC)).contains(5);
    // too few children: 60 - 7 * 10 = -10 does not exist
    assertThat(ConstraintTarget.find(children, 6, SetKind.ID, "10", 6, ZoneOffset.UTC)).isEmpty();
  }

  @Test
  void noDataMeansNoTarget() {
    assertThat(ConstraintTarget.find(ids(0, 10, 20), -1, SetKind.ID, "10", 0, ZoneOffset.UTC))
        .isEqualTo(Optional.empty());
  }

  @Test
  void aGapAtTheTargetMeansNoTargetRatherThanTheNextChild() {
    // pg_partman 5.1 constrained every child when the stop child was missing (its issue #694)
    List<DecodedChild> children = ids(0, 10, 30, 40);
    assertThat(ConstraintTarget.find(children, 3, SetKind.ID, "10", 1, ZoneOffset.UTC)).isEmpty();
    assertThat(ConstraintTarget.find(children, 3, SetKind.ID, "10", 2, ZoneOffset.UTC)).contains(1);
  }

  @Test
  void timeTargetStepsBackOnTheCalendarInTheSetsZone() {
    // pg_partman's epoch-weekly test: data two weeks ahead, optimize 5 → four weeks behind now
    List<DecodedChild> children =
        weeks(
            ZoneOffset.UTC,
            "2026-09-21",
            "2026-09-28",
            "2026-10-05",
            "2026-10-12",
            "2026-10-19",
            "2026-10-26",
            "2026-11-02",
            "2026-11-09",
            "2026-11-16",
            "2026-11-23",
            "2026-11-30",
            "2026-12-07");
    Optional<Integer> target =
        ConstraintTarget.find(children, 10, SetKind.TIME, "7 days", 5, ZoneOffset.UTC);
    assertThat(target).contains(4);
    assertThat(children.get(target.get()).child().name().table()).isEqualTo("t_p20261019");
  }
}
