package org.partman4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.partman4j.catalog.ChildTable;
import org.partman4j.model.ControlType;
import org.partman4j.plan.RetentionPlanner.Action;
import org.partman4j.plan.RetentionPlanner.Plan;
import org.partman4j.time.EpochUnit;
import org.partman4j.time.PgInterval;

class RetentionPlannerTest {

  private static List<DecodedChild> decode(String type, EpochUnit epoch, List<ChildTable> cs) {
    BoundValues b = BoundValues.of(ControlType.of(type), epoch, ZoneOffset.UTC);
    List<DecodedChild> out = new ArrayList<>(cs.stream().map(b::decode).toList());
    Collections.shuffle(out, new Random(11));
    return out;
  }

  private static List<String> names(Plan p) {
    return p.retire().stream().map(d -> d.child().name().table()).toList();
  }

  /** Daily children from 2026-11-15 to 2026-11-25, and a default. */
  private static List<DecodedChild> daily() {
    List<ChildTable> cs = new ArrayList<>();
    for (int d = 15; d <= 25; d++) {
      cs.add(
          Children.range(
              "t_p202611" + d,
              "2026-11-" + d + " 00:00:00+00",
              "2026-11-" + (d + 1) + " 00:00:00+00"));
    }
    cs.add(Children.defaultPartition("t_default"));
    return decode("timestamptz", EpochUnit.NONE, cs);
  }

  @Test
  void aTimeChildGoesWhenItsEndIsStrictlyBeforeReferenceMinusRetention() {
    // pg_partman's verified window: now 2026-11-22 03:2x, retention 3 days → p20261118 goes
    Instant cutoff =
        RetentionPlanner.cutoff(
            Instant.parse("2026-11-22T03:22:39Z"), PgInterval.parse("3 days"), ZoneOffset.UTC);
    assertThat(cutoff).isEqualTo(Instant.parse("2026-11-19T03:22:39Z"));

    Plan p = RetentionPlanner.byTime(daily(), SetKind.TIME, cutoff, Action.DROP);

    assertThat(names(p))
        .containsExactly("t_p202611" + 15, "t_p20261116", "t_p20261117", "t_p20261118");
    assertThat(p.keptLast()).isNull();
    assertThat(p.action()).isEqualTo(Action.DROP);
  }

  @Test
  void anEndEqualToTheCutoffStays() {
    Plan p =
        RetentionPlanner.byTime(
            daily(), SetKind.TIME, Instant.parse("2026-11-17T00:00:00Z"), Action.DROP);
    assertThat(names(p)).containsExactly("t_p20261115");
  }

  @Test
  void theLastChildIsNeverRetired() {
    Plan p =
        RetentionPlanner.byTime(
            daily(), SetKind.TIME, Instant.parse("2030-01-01T00:00:00Z"), Action.DETACH);
    assertThat(p.retire()).hasSize(10);
    assertThat(names(p)).startsWith("t_p20261115").doesNotContain("t_p20261125");
    assertThat(p.keptLast().child().name().table()).isEqualTo("t_p20261125");
  }

  @Test
  void monthRetentionCountsCalendarMonthsInTheSetsZone() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    // 2026-03-31 00:30 Berlin minus 1 month = 2026-02-28 00:30 (clamped), in winter time
    Instant cutoff =
        RetentionPlanner.cutoff(
            Instant.parse("2026-03-30T22:30:00Z"), PgInterval.parse("1 mon"), berlin);
    assertThat(cutoff).isEqualTo(Instant.parse("2026-02-27T23:30:00Z"));
  }

  @Test
  void epochSetsCompareTheirDecodedEnds() {
    List<ChildTable> cs = new ArrayList<>();
    long day = 86_400;
    long start = Instant.parse("2026-11-15T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 5; i++) {
      cs.add(Children.range("e_" + i, "" + (start + i * day), "" + (start + (i + 1) * day)));
    }
    Plan p =
        RetentionPlanner.byTime(
            decode("int8", EpochUnit.SECONDS, cs),
            SetKind.EPOCH,
            Instant.parse("2026-11-17T00:00:01Z"),
            Action.DROP);
    assertThat(names(p)).containsExactly("e_0", "e_1");
  }

  @Test
  void unboundedAndListTimeChildrenNeverQualify() {
    List<ChildTable> cs =
        List.of(
            Children.range("t_old", null, "2000-01-01 00:00:00+00"),
            Children.range("t_max", "2000-01-01 00:00:00+00", null),
            Children.list("t_l", "1999-01-01 00:00:00+00"));
    Plan p =
        RetentionPlanner.byTime(
            decode("timestamptz", EpochUnit.NONE, cs),
            SetKind.TIME,
            Instant.parse("2030-01-01T00:00:00Z"),
            Action.DROP);
    assertThat(names(p)).containsExactly("t_old");
  }

  private static List<DecodedChild> ids() {
    List<ChildTable> cs = new ArrayList<>();
    for (int s = 0; s <= 110; s += 10) {
      cs.add(Children.range("i_p" + s, "" + s, "" + (s + 10)));
    }
    return decode("int8", EpochUnit.NONE, cs);
  }

  @Test
  void anIdChildGoesWhenStartPlusIntervalIsAtMostMaxMinusRetention() {
    // pg_partman's example: max 117, retention 100 → p0 only (10 <= 17, 20 > 17)
    Plan p =
        RetentionPlanner.byId(ids(), new BigDecimal("117"), BigInteger.valueOf(100), Action.DROP);
    assertThat(names(p)).containsExactly("i_p0");
    Plan edge =
        RetentionPlanner.byId(ids(), new BigDecimal("120"), BigInteger.valueOf(100), Action.DROP);
    assertThat(names(edge)).containsExactly("i_p0", "i_p10");
  }

  @Test
  void aFractionalMaxIsTruncatedTowardZero() {
    Plan p =
        RetentionPlanner.byId(ids(), new BigDecimal("119.9"), BigInteger.valueOf(100), Action.MOVE);
    assertThat(names(p)).containsExactly("i_p0");
    assertThat(p.action()).isEqualTo(Action.MOVE);
  }

  @Test
  void anIdSetWithoutRowsRetiresNothingAndZeroRetentionKeepsTheLast() {
    assertThat(RetentionPlanner.byId(ids(), null, BigInteger.ONE, Action.DROP).retire()).isEmpty();
    Plan all = RetentionPlanner.byId(ids(), new BigDecimal("1000"), BigInteger.ZERO, Action.DROP);
    assertThat(all.retire()).hasSize(11);
    assertThat(all.keptLast().child().name().table()).isEqualTo("i_p110");
  }

  @Test
  void theActionFollowsTheConfiguration() {
    assertThat(RetentionPlanner.action(false, null)).isEqualTo(Action.DROP);
    assertThat(RetentionPlanner.action(true, null)).isEqualTo(Action.DETACH);
    assertThat(RetentionPlanner.action(false, "archive")).isEqualTo(Action.MOVE);
    assertThat(RetentionPlanner.action(true, "archive")).isEqualTo(Action.MOVE);
  }

  @Test
  void planningTwiceGivesTheSamePlanAndRetiredChildrenAreOldestFirst() {
    Instant cutoff = Instant.parse("2026-11-21T00:00:00Z");
    Plan a = RetentionPlanner.byTime(daily(), SetKind.TIME, cutoff, Action.DROP);
    Plan b = RetentionPlanner.byTime(daily(), SetKind.TIME, cutoff, Action.DROP);
    assertThat(names(a)).isEqualTo(names(b)).isSorted();
  }
}
