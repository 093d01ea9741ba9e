package org.partman4j.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.partman4j.time.PgInterval;

class GapPlannerTest {

  private static List<BigInteger> big(long... v) {
    return java.util.Arrays.stream(v).mapToObj(BigInteger::valueOf).toList();
  }

  @Test
  void idGapsBetweenChildrenAreFilledNeverBeforeOrAfter() {
    // pg_partman 5.1, verified: p10..p60, p100, p110 → p70, p80, p90
    assertThat(GapPlanner.missingIds(big(10, 20, 30, 40, 50, 60, 100, 110), BigInteger.TEN))
        .isEqualTo(big(70, 80, 90));
    assertThat(GapPlanner.missingIds(big(10), BigInteger.TEN)).isEmpty();
    assertThat(GapPlanner.missingIds(big(-30, 10), BigInteger.TEN)).isEqualTo(big(-20, -10, 0));
  }

  @Test
  void aChildOffTheGridStopsTheStepsShortOfIt() {
    assertThat(GapPlanner.missingIds(big(0, 25), BigInteger.TEN)).isEqualTo(big(10, 20));
  }

  @Test
  void monthlyGapsStepOnTheCalendar() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    List<Instant> starts =
        Stream.of("2026-01-01T00:00+01:00", "2026-05-01T00:00+02:00")
            .map(s -> java.time.OffsetDateTime.parse(s).toInstant())
            .toList();
    assertThat(GapPlanner.missingTimes(starts, PgInterval.parse("1 mon"), berlin))
        .containsExactly(
            Instant.parse("2026-01-31T23:00:00Z"),
            Instant.parse("2026-02-28T23:00:00Z"),
            Instant.parse("2026-03-31T22:00:00Z"));
  }

  @Test
  void aBrokenGridIsRefusedRatherThanFilledWithMillionsOfChildren() {
    assertThatThrownBy(() -> GapPlanner.missingIds(big(0, 10_000_000L), BigInteger.ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 100000 children");
  }
}
