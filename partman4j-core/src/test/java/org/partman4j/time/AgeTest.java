package org.partman4j.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partman4j.time.ZonedArithmeticTest.NEW_YORK;
import static org.partman4j.time.ZonedArithmeticTest.UTC;
import static org.partman4j.time.ZonedArithmeticTest.at;

import org.junit.jupiter.api.Test;

class AgeTest {

  @Test
  void theManualsExample() {
    // age('2001-04-10', '1957-06-13') = 43 years 9 mons 27 days
    assertThat(Age.age(at("2001-04-10T00:00Z"), at("1957-06-13T00:00Z"), UTC))
        .isEqualTo(new PgInterval(43 * 12 + 9, 27, 0));
  }

  @Test
  void borrowedDaysComeFromTheEarlierMonth() {
    // 2026-04-01 - 2026-02-28: 2 months -27 days; borrowing February's 28 days gives 1 mon 1 day.
    assertThat(Age.age(at("2026-04-01T00:00Z"), at("2026-02-28T00:00Z"), UTC))
        .isEqualTo(new PgInterval(1, 1, 0));
    assertThat(Age.age(at("2026-02-28T00:00Z"), at("2026-04-01T00:00Z"), UTC))
        .isEqualTo(new PgInterval(-1, -1, 0));
    // Borrowing January's 31 days.
    assertThat(Age.age(at("2026-03-01T00:00Z"), at("2026-01-31T00:00Z"), UTC))
        .isEqualTo(new PgInterval(1, 1, 0));
  }

  @Test
  void timeBorrowsCascade() {
    // 2026-03-01 00:00:00 - 2026-02-28 23:59:59.5 = 0.5 s
    assertThat(Age.age(at("2026-03-01T00:00Z"), at("2026-02-28T23:59:59.5Z"), UTC))
        .isEqualTo(PgInterval.ofMicros(500_000));
    assertThat(Age.age(at("2026-02-28T23:59:59.5Z"), at("2026-03-01T00:00Z"), UTC))
        .isEqualTo(PgInterval.ofMicros(-500_000));
  }

  @Test
  void measuresWallClockTimeAcrossDst() {
    // Only 23 hours pass between these New York noons, but age says 1 day.
    assertThat(Age.age(at("2026-03-08T12:00-04:00"), at("2026-03-07T12:00-05:00"), NEW_YORK))
        .isEqualTo(PgInterval.ofDays(1));
    // Both 01:30s of the fall-back night are the same wall-clock time.
    assertThat(Age.age(at("2026-11-01T01:30-05:00"), at("2026-11-01T01:30-04:00"), NEW_YORK))
        .isEqualTo(PgInterval.ZERO);
  }

  @Test
  void sameInstantIsZero() {
    assertThat(Age.age(at("2026-11-18T10:00Z"), at("2026-11-18T10:00Z"), UTC))
        .isEqualTo(PgInterval.ZERO);
  }
}
