package org.partman4j.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ZonedArithmeticTest {

  static final ZoneId UTC = ZoneOffset.UTC;
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

  static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  @Test
  void monthEndClampsToTheShorterMonth() {
    assertThat(ZonedArithmetic.plus(at("2026-01-31T00:00Z"), PgInterval.ofMonths(1), UTC))
        .isEqualTo(at("2026-02-28T00:00Z"));
    assertThat(ZonedArithmetic.plus(at("2024-01-31T10:00Z"), PgInterval.ofMonths(1), UTC))
        .isEqualTo(at("2024-02-29T10:00Z"));
    assertThat(ZonedArithmetic.minus(at("2026-03-31T00:00Z"), PgInterval.ofMonths(1), UTC))
        .isEqualTo(at("2026-02-28T00:00Z"));
    // The clamp is not undone: Jan 31 + 1 mon + 1 mon is Mar 28, not Mar 31.
    Instant feb = ZonedArithmetic.plus(at("2026-01-31T00:00Z"), PgInterval.ofMonths(1), UTC);
    assertThat(ZonedArithmetic.plus(feb, PgInterval.ofMonths(1), UTC))
        .isEqualTo(at("2026-03-28T00:00Z"));
    assertThat(ZonedArithmetic.plus(at("2026-01-31T00:00Z"), PgInterval.ofMonths(2), UTC))
        .isEqualTo(at("2026-03-31T00:00Z"));
  }

  @Test
  void monthsThenDaysThenTime() {
    // '1 mon 1 day' from Jan 31: Feb 28, then Mar 1 (not Feb 31 -> Mar 3, not Mar 1 -> Mar 2).
    assertThat(ZonedArithmetic.plus(at("2026-01-31T00:00Z"), new PgInterval(1, 1, 0), UTC))
        .isEqualTo(at("2026-03-01T00:00Z"));
    assertThat(
            ZonedArithmetic.plus(
                at("2026-01-31T00:00Z"), new PgInterval(-1, -1, -3_600_000_000L), UTC))
        .isEqualTo(at("2025-12-29T23:00Z"));
  }

  @Test
  void aDayKeepsTheLocalTimeAcrossSpringForward() {
    Instant noon = at("2026-03-07T12:00-05:00");
    assertThat(ZonedArithmetic.plus(noon, PgInterval.ofDays(1), NEW_YORK))
        .isEqualTo(at("2026-03-08T12:00-04:00"));
    assertThat(ZonedArithmetic.plus(noon, PgInterval.ofMicros(24 * 3_600_000_000L), NEW_YORK))
        .isEqualTo(at("2026-03-08T13:00-04:00"));
  }

  @Test
  void aSkippedLocalTimeTakesTheOffsetBeforeTheGap() {
    // 2026-03-08 02:30 does not exist in New York; PostgreSQL reads it with -05 (03:30 EDT).
    assertThat(ZonedArithmetic.plus(at("2026-03-07T02:30-05:00"), PgInterval.ofDays(1), NEW_YORK))
        .isEqualTo(at("2026-03-08T03:30-04:00"));
  }

  @Test
  void aRepeatedLocalTimeTakesTheOffsetAfterTheOverlap() {
    // 2026-11-01 01:30 happens twice in New York; PostgreSQL takes the second (EST), java.time's
    // default would take the first.
    Instant result =
        ZonedArithmetic.plus(at("2026-10-31T01:30-04:00"), PgInterval.ofDays(1), NEW_YORK);
    assertThat(result).isEqualTo(at("2026-11-01T01:30-05:00"));
    assertThat(LocalDateTime.of(2026, 11, 1, 1, 30).atZone(NEW_YORK).toInstant())
        .isNotEqualTo(result);
  }

  @Test
  void lordHoweHasHalfHourTransitions() {
    // Gap 2026-10-04 02:00+10:30 -> 02:30+11: 02:15 is skipped and read with +10:30.
    assertThat(ZonedArithmetic.plus(at("2026-10-03T02:15+10:30"), PgInterval.ofDays(1), LORD_HOWE))
        .isEqualTo(at("2026-10-04T02:45+11:00"));
    // Overlap 2026-04-05 02:00+11 -> 01:30+10:30: 01:45 is repeated, the second one wins.
    assertThat(ZonedArithmetic.plus(at("2026-04-04T01:45+11:00"), PgInterval.ofDays(1), LORD_HOWE))
        .isEqualTo(at("2026-04-05T01:45+10:30"));
  }

  @Test
  void worksUpToPostgresLastYear() {
    assertThat(ZonedArithmetic.plus(at("+294270-01-01T00:00Z"), PgInterval.ofDays(1), UTC))
        .isEqualTo(at("+294270-01-02T00:00Z"));
    assertThat(
            ZonedArithmetic.plus(
                at("+294270-01-01T00:00Z"), PgInterval.ofMicros(3_600_000_000L), UTC))
        .isEqualTo(at("+294270-01-01T01:00Z"));
  }

  @Test
  void outOfRangeIsReportedLikePostgres() {
    assertThatThrownBy(
            () ->
                ZonedArithmetic.plus(
                    at("+294276-12-31T00:00Z"), PgInterval.ofDays(1), ZoneOffset.UTC))
        .isInstanceOf(DateTimeException.class)
        .hasMessageContaining("timestamp out of range");
    assertThatThrownBy(
            () ->
                ZonedArithmetic.plus(
                    at("2026-01-01T00:00Z"), PgInterval.ofMonths(Integer.MAX_VALUE), UTC))
        .isInstanceOf(DateTimeException.class);
  }

  @Test
  void subMicrosecondInstantsAreRejected() {
    assertThatThrownBy(
            () -> ZonedArithmetic.plus(Instant.ofEpochSecond(0, 1), PgInterval.ZERO, UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("microsecond");
  }
}
