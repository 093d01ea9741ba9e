package org.partman4j.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partman4j.time.ZonedArithmeticTest.LORD_HOWE;
import static org.partman4j.time.ZonedArithmeticTest.NEW_YORK;
import static org.partman4j.time.ZonedArithmeticTest.UTC;
import static org.partman4j.time.ZonedArithmeticTest.at;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampTextTest {

  @Test
  void printsAsPostgresDoesWithDateStyleIso() {
    assertThat(TimestampText.formatTimestamptz(at("2026-11-18T00:00Z"), UTC))
        .isEqualTo("2026-11-18 00:00:00+00");
    assertThat(TimestampText.formatTimestamptz(at("2026-11-18T00:00Z"), ZoneId.of("Asia/Kolkata")))
        .isEqualTo("2026-11-18 05:30:00+05:30");
    assertThat(TimestampText.formatTimestamptz(at("2026-11-18T00:00Z"), NEW_YORK))
        .isEqualTo("2026-11-17 19:00:00-05");
    assertThat(TimestampText.formatTimestamptz(at("2026-04-05T01:45+10:30"), LORD_HOWE))
        .isEqualTo("2026-04-05 01:45:00+10:30");
  }

  @Test
  void localMeanTimeOffsetsHaveSeconds() {
    assertThat(TimestampText.formatTimestamptz(at("1800-01-01T04:56:02Z"), NEW_YORK))
        .isEqualTo("1800-01-01 00:00:00-04:56:02");
    assertThat(TimestampText.parseTimestamptz("1800-01-01 00:00:00-04:56:02"))
        .isEqualTo(at("1800-01-01T04:56:02Z"));
  }

  @Test
  void fractionsLoseTrailingZeros() {
    assertThat(TimestampText.formatTimestamptz(at("2026-11-18T00:00:00.25Z"), UTC))
        .isEqualTo("2026-11-18 00:00:00.25+00");
    assertThat(TimestampText.formatTimestamptz(at("2026-11-18T00:00:00.000001Z"), UTC))
        .isEqualTo("2026-11-18 00:00:00.000001+00");
    assertThat(TimestampText.parseTimestamptz("2026-11-18 00:00:00.250+00"))
        .isEqualTo(at("2026-11-18T00:00:00.25Z"));
  }

  @Test
  void bcAndLongYears() {
    Instant ides = LocalDateTime.of(-43, 3, 15, 12, 0).toInstant(ZoneOffset.UTC);
    assertThat(TimestampText.formatTimestamptz(ides, UTC)).isEqualTo("0044-03-15 12:00:00+00 BC");
    assertThat(TimestampText.parseTimestamptz("0044-03-15 12:00:00+00 BC")).isEqualTo(ides);
    Instant far = LocalDateTime.of(12345, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
    assertThat(TimestampText.formatTimestamptz(far, UTC)).isEqualTo("12345-01-01 00:00:00+00");
    // 1 BC is a leap year (astronomical year 0).
    assertThat(TimestampText.parseDate("0001-02-29 BC")).isEqualTo(LocalDate.of(0, 2, 29));
    assertThat(TimestampText.formatDate(LocalDate.of(0, 2, 29))).isEqualTo("0001-02-29 BC");
  }

  @Test
  void timestampAndDateBounds() {
    assertThat(TimestampText.formatTimestamp(LocalDateTime.of(2026, 11, 18, 0, 0)))
        .isEqualTo("2026-11-18 00:00:00");
    assertThat(TimestampText.formatDate(LocalDate.of(2026, 11, 18))).isEqualTo("2026-11-18");
    assertThat(TimestampText.parseTimestamp("2026-11-18 00:00:00"))
        .isEqualTo(LocalDateTime.of(2026, 11, 18, 0, 0));
    assertThat(TimestampText.parseDate("2026-11-18")).isEqualTo(LocalDate.of(2026, 11, 18));
  }

  @Test
  void localTextsResolveWithPostgresRule() {
    assertThat(TimestampText.parseTimestampInZone("2026-03-08 02:30:00", NEW_YORK))
        .isEqualTo(at("2026-03-08T03:30-04:00"));
    assertThat(TimestampText.parseTimestampInZone("2026-11-01 01:30:00", NEW_YORK))
        .isEqualTo(at("2026-11-01T01:30-05:00"));
  }

  @Test
  void rejectsOtherForms() {
    for (String bad :
        new String[] {
          "2026-11-18T00:00:00+00",
          "2026-11-18 00:00:00",
          "11/18/2026 00:00:00+00",
          "2026-11-18 00:00:00+0530",
          "2026-11-18 00:00:00.1234567+00",
          "0000-01-01 00:00:00+00",
          "2026-02-29 00:00:00+00",
          "'2026-11-18 00:00:00+00'",
          "infinity"
        }) {
      assertThatThrownBy(() -> TimestampText.parseTimestamptz(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> TimestampText.parseTimestamp("2026-11-18 00:00:00+00"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimestampText.parseDate("2026-11-18 00:00:00"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
