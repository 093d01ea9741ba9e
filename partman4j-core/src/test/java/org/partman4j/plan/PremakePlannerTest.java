package org.partman4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.plan.PremakePlanner.Outcome;
import org.partman4j.plan.PremakePlanner.Premake;
import org.partman4j.time.PgInterval;

class PremakePlannerTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Instant NOW = Instant.parse("2026-11-22T03:22:39Z");

  private static Premake time(
      String interval, Instant lastStart, Instant dataChild, Instant dataMax, int premake) {
    return PremakePlanner.time(
        new PremakePlanner.TimeState(
            List.of(lastStart), dataChild, dataMax, null, false, NOW, premake, null, null),
        PgInterval.parse(interval),
        UTC);
  }

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  @Test
  void premakeIsCountedAsPgPartmanCountsIt() {
    // Reference §9.3, verified: daily premake 90 ends 92 days ahead, weekly 52 ends 53 weeks
    // ahead, monthly 24 ends exactly 24 months ahead.
    Instant day = at("2026-11-22T00:00:00Z");
    Premake daily = time("1 day", day, day, NOW, 90);
    assertThat(daily.outcome()).isEqualTo(Outcome.PLAN);
    assertThat(daily.timeStarts()).hasSize(92).last().isEqualTo(at("2027-02-22T00:00:00Z"));

    Instant monday = at("2026-11-16T00:00:00Z");
    Premake weekly = time("7 days", monday, monday, NOW, 52);
    assertThat(weekly.timeStarts()).hasSize(53).last().isEqualTo(at("2027-11-22T00:00:00Z"));

    Instant month = at("2026-11-01T00:00:00Z");
    Premake monthly = time("1 mon", month, month, NOW, 24);
    assertThat(monthly.timeStarts()).last().isEqualTo(at("2028-11-01T00:00:00Z"));
  }

  @Test
  void nothingIsPlannedWithoutDataUnlessInfinite() {
    Instant last = at("2026-11-26T00:00:00Z");
    assertThat(time("1 day", last, null, null, 4).outcome()).isEqualTo(Outcome.EMPTY);

    Instant later = at("2026-11-25T03:22:39Z");
    Premake infinite =
        PremakePlanner.time(
            new PremakePlanner.TimeState(
                List.of(last), null, null, null, true, later, 4, null, null),
            PgInterval.parse("1 day"),
            UTC);
    assertThat(infinite.timeStarts())
        .containsExactly(
            at("2026-11-27T00:00:00Z"), at("2026-11-28T00:00:00Z"), at("2026-11-29T00:00:00Z"));
  }

  @Test
  void aLaggingSetCatchesUpAndEnoughChildrenMeansNothingToDo() {
    Instant last = at("2026-11-19T00:00:00Z");
    assertThat(time("1 day", last, last, last.plusSeconds(60), 6).timeStarts())
        .hasSize(6)
        .first()
        .isEqualTo(at("2026-11-20T00:00:00Z"));
    Instant ahead = at("2026-11-26T00:00:00Z");
    Instant data = at("2026-11-22T00:00:00Z");
    assertThat(time("1 day", ahead, data, NOW, 4).timeStarts()).isEmpty();
  }

  @Test
  void theDefaultsNewestRowMovesCurrentWhenItIsNotIgnored() {
    Instant last = at("2026-11-26T00:00:00Z");
    Premake p =
        PremakePlanner.time(
            new PremakePlanner.TimeState(
                List.of(last, at("2026-11-25T00:00:00Z")),
                at("2026-11-22T00:00:00Z"),
                NOW,
                at("2026-12-01T10:00:00Z"),
                false,
                NOW,
                2,
                null,
                null),
            PgInterval.parse("1 day"),
            UTC);
    assertThat(p.timeStarts()).first().isEqualTo(at("2026-11-27T00:00:00Z"));
    assertThat(p.timeStarts()).last().isEqualTo(at("2026-12-03T00:00:00Z"));
  }

  @Test
  void aTimeSubSetStopsAtTheEndOfItsUpperChildAndThenIsFull() {
    Instant dayStart = at("2026-11-22T00:00:00Z");
    Instant dayEnd = at("2026-11-23T00:00:00Z");
    Instant last = at("2026-11-22T22:00:00Z");
    PgInterval hour = PgInterval.parse("1 hour");
    Premake p =
        PremakePlanner.time(
            new PremakePlanner.TimeState(
                List.of(last), last, last, null, false, NOW, 4, dayStart, dayEnd),
            hour,
            UTC);
    assertThat(p.timeStarts()).containsExactly(at("2026-11-22T23:00:00Z"));
    Instant newest = at("2026-11-22T23:00:00Z");
    Premake full =
        PremakePlanner.time(
            new PremakePlanner.TimeState(
                List.of(newest), newest, newest, null, false, NOW, 4, dayStart, dayEnd),
            hour,
            UTC);
    assertThat(full.outcome()).isEqualTo(Outcome.FULL);
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  @Test
  void idSetsGrowFromTheirNewestDataWithinTheirUpperRange() {
    // Reference §17.3: current 3000000020, last 3000000040, premake 4 → 50 and 60.
    Premake p =
        PremakePlanner.id(
            new PremakePlanner.IdState(big(3000000040L), big(3000000025L), null, 4, null, null),
            big(10));
    assertThat(p.idStarts()).containsExactly(big(3000000050L), big(3000000060L));

    assertThat(
            PremakePlanner.id(
                    new PremakePlanner.IdState(big(40), null, null, 4, null, null), big(10))
                .outcome())
        .isEqualTo(Outcome.EMPTY);
    // Default data ahead of the children's (ignore_default_data off) moves current.
    assertThat(
            PremakePlanner.id(
                    new PremakePlanner.IdState(big(40), big(12), big(205), 1, null, null), big(10))
                .idStarts())
        .hasSize(17)
        .last()
        .isEqualTo(big(210));
    // A sub-set of [0, 99]: stops at 90, then is full.
    assertThat(
            PremakePlanner.id(
                    new PremakePlanner.IdState(big(70), big(75), null, 4, big(0), big(99)), big(10))
                .idStarts())
        .containsExactly(big(80), big(90));
    assertThat(
            PremakePlanner.id(
                    new PremakePlanner.IdState(big(90), big(95), null, 4, big(0), big(99)), big(10))
                .outcome())
        .isEqualTo(Outcome.FULL);
    // Negative values truncate toward zero, as pg_partman's SQL does.
    assertThat(PremakePlanner.childStart(big(-15), big(10))).isEqualTo(big(-10));
  }
}
