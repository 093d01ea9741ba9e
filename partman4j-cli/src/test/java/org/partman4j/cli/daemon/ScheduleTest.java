package org.partman4j.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  private static final Instant NOON = Instant.parse("2026-03-10T12:00:00Z");

  private static DatabaseConfig config(
      Duration interval, Duration jitter, DatabaseConfig.Window window, List<LocalTime> at) {
    return new DatabaseConfig(
        "db",
        "postgresql://h/d",
        null,
        "partman",
        interval,
        jitter,
        window,
        at,
        ZoneOffset.UTC,
        Duration.ZERO,
        false,
        null,
        Duration.ofSeconds(10),
        List.of());
  }

  private static DatabaseConfig every(Duration interval) {
    return config(interval, Duration.ZERO, null, List.of());
  }

  @Test
  void theFirstRunIsAtOnceThenEveryIntervalFromTheLastStart() {
    DatabaseConfig c = every(Duration.ofHours(1));
    assertThat(Schedule.next(c, NOON, null, 0, 0.5)).isEqualTo(NOON);
    Instant started = NOON.minusSeconds(600);
    assertThat(Schedule.next(c, NOON, started, 0, 0.5)).isEqualTo(started.plusSeconds(3600));
  }

  @Test
  void aRunThatOverranIsFollowedAtOnceNeverOverlapping() {
    DatabaseConfig c = every(Duration.ofMinutes(1));
    assertThat(Schedule.next(c, NOON, NOON.minusSeconds(300), 0, 0)).isEqualTo(NOON);
  }

  @Test
  void failuresBackOffExponentiallyUpToTheLongerOfIntervalAndFiveMinutes() {
    Duration hour = Duration.ofHours(1);
    assertThat(Schedule.backoff(hour, 1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(Schedule.backoff(hour, 2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(Schedule.backoff(hour, 3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(Schedule.backoff(hour, 20)).isEqualTo(hour);
    assertThat(Schedule.backoff(hour, 1000)).isEqualTo(hour);
    Duration second = Duration.ofSeconds(1);
    assertThat(Schedule.backoff(second, 1)).isEqualTo(second);
    assertThat(Schedule.backoff(second, 4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(Schedule.backoff(second, 50)).isEqualTo(Duration.ofMinutes(5));
    assertThat(Schedule.next(every(hour), NOON, NOON, 2, 0)).isEqualTo(NOON.plusSeconds(10));
  }

  @Test
  void jitterAddsAtMostItsLength() {
    DatabaseConfig c = config(Duration.ofHours(1), Duration.ofSeconds(60), null, List.of());
    assertThat(Schedule.next(c, NOON, null, 0, 0)).isEqualTo(NOON);
    assertThat(Schedule.next(c, NOON, null, 0, 0.5)).isEqualTo(NOON.plusSeconds(30));
    assertThat(Schedule.next(c, NOON, null, 0, 0.999999))
        .isBetween(NOON.plusSeconds(59), NOON.plusSeconds(60));
  }

  @Test
  void timesOfDayPickTheNextOneTomorrowIfNeeded() {
    DatabaseConfig c =
        config(
            Duration.ofHours(1),
            Duration.ZERO,
            null,
            List.of(LocalTime.of(3, 0), LocalTime.of(15, 30)));
    assertThat(Schedule.next(c, NOON, null, 0, 0)).isEqualTo(Instant.parse("2026-03-10T15:30:00Z"));
    assertThat(Schedule.next(c, Instant.parse("2026-03-10T15:30:00Z"), null, 0, 0))
        .isEqualTo(Instant.parse("2026-03-11T03:00:00Z"));
  }

  @Test
  void timesOfDayAreReadInTheConfiguredZoneAcrossDaylightSaving() {
    DatabaseConfig c =
        new DatabaseConfig(
            "db",
            "u",
            null,
            "partman",
            Duration.ofHours(1),
            Duration.ZERO,
            null,
            List.of(LocalTime.of(3, 0)),
            ZoneId.of("Europe/Paris"),
            Duration.ZERO,
            false,
            null,
            Duration.ofSeconds(10),
            List.of());
    // 2026-03-29 is the spring change in Paris: 03:00 there is 01:00 UTC that day, 02:00 before.
    assertThat(Schedule.next(c, Instant.parse("2026-03-28T12:00:00Z"), null, 0, 0))
        .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    assertThat(Schedule.next(c, Instant.parse("2026-03-27T12:00:00Z"), null, 0, 0))
        .isEqualTo(Instant.parse("2026-03-28T02:00:00Z"));
  }

  @Test
  void aStartOutsideTheWindowWaitsForItsOpening() {
    DatabaseConfig.Window night =
        new DatabaseConfig.Window(LocalTime.of(22, 0), LocalTime.of(4, 0));
    DatabaseConfig c = config(Duration.ofHours(1), Duration.ZERO, night, List.of());
    assertThat(Schedule.next(c, NOON, null, 0, 0)).isEqualTo(Instant.parse("2026-03-10T22:00:00Z"));
    Instant late = Instant.parse("2026-03-10T23:30:00Z");
    assertThat(Schedule.next(c, late, null, 0, 0)).isEqualTo(late);
    Instant early = Instant.parse("2026-03-11T03:59:00Z");
    assertThat(Schedule.next(c, early, null, 0, 0)).isEqualTo(early);
    assertThat(Schedule.next(c, early, early.minusSeconds(60), 0, 0))
        .isEqualTo(Instant.parse("2026-03-11T22:00:00Z"));

    DatabaseConfig.Window day = new DatabaseConfig.Window(LocalTime.of(1, 0), LocalTime.of(5, 0));
    assertThat(day.contains(LocalTime.of(1, 0))).isTrue();
    assertThat(day.contains(LocalTime.of(5, 0))).isFalse();
    assertThat(night.contains(LocalTime.of(0, 0))).isTrue();
    assertThat(night.contains(LocalTime.of(12, 0))).isFalse();
  }
}
