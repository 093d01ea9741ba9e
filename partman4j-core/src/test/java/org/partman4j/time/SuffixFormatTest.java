package org.partman4j.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partman4j.time.ZonedArithmeticTest.NEW_YORK;
import static org.partman4j.time.ZonedArithmeticTest.UTC;
import static org.partman4j.time.ZonedArithmeticTest.at;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuffixFormatTest {

  static final Instant T = at("2026-11-18T07:05:09.123456Z");

  @ParameterizedTest
  @CsvSource({
    "YYYYMMDD, 20261118",
    "YYYYMMDD_HH24MISS, 20261118_070509",
    "YYYY, 2026",
    "YYYY_MM, 2026_11",
    "YYYY_MM_DD, 2026_11_18",
    "YYYY_MM_DD_HH24MI, 2026_11_18_0705",
    "YYYY_MM_DD_HH24MISS, 2026_11_18_070509"
  })
  void formatsAsToChar(String pattern, String expected) {
    assertThat(ToChar.toChar(T, pattern, UTC)).isEqualTo(expected);
  }

  @Test
  void formatsInTheSessionZone() {
    assertThat(SuffixFormat.YYYYMMDD_HH24MISS.format(T, NEW_YORK)).isEqualTo("20261118_020509");
  }

  @Test
  void yearsArePaddedToFourDigitsAndBcYearsLoseTheirEra() {
    Instant year12 = LocalDateTime.of(12, 3, 4, 5, 6, 7).toInstant(ZoneOffset.UTC);
    assertThat(SuffixFormat.YYYYMMDD_HH24MISS.format(year12, UTC)).isEqualTo("00120304_050607");
    Instant year12345 = LocalDateTime.of(12345, 1, 2, 0, 0).toInstant(ZoneOffset.UTC);
    assertThat(SuffixFormat.YYYY_MM_DD.format(year12345, UTC)).isEqualTo("12345_01_02");
    Instant oneBc = LocalDateTime.of(0, 1, 2, 0, 0).toInstant(ZoneOffset.UTC);
    assertThat(SuffixFormat.YYYYMMDD.format(oneBc, UTC)).isEqualTo("00010102");
  }

  @Test
  void parsesBackInTheZone() {
    assertThat(ToChar.toTimestamp("20261118_070509", "YYYYMMDD_HH24MISS", UTC))
        .isEqualTo(at("2026-11-18T07:05:09Z"));
    assertThat(SuffixFormat.YYYY_MM.parse("2026_11", NEW_YORK))
        .isEqualTo(at("2026-11-01T00:00-04:00"));
    assertThat(SuffixFormat.YYYY.parse("12345", UTC))
        .isEqualTo(LocalDateTime.of(12345, 1, 1, 0, 0).toInstant(ZoneOffset.UTC));
    // to_timestamp reads year 0000 as 1 BC.
    assertThat(SuffixFormat.YYYY.parse("0000", UTC))
        .isEqualTo(LocalDateTime.of(0, 1, 1, 0, 0).toInstant(ZoneOffset.UTC));
  }

  @Test
  void parsingUsesPostgresGapAndOverlapRule() {
    assertThat(SuffixFormat.YYYYMMDD_HH24MISS.parse("20260308_023000", NEW_YORK))
        .isEqualTo(at("2026-03-08T03:30-04:00"));
    assertThat(SuffixFormat.YYYYMMDD_HH24MISS.parse("20261101_013000", NEW_YORK))
        .isEqualTo(at("2026-11-01T01:30-05:00"));
  }

  @Test
  void rejectsTextToCharCouldNotHaveMade() {
    for (String bad :
        new String[] {"2026111", "202611180", "2026_11_18", "20261318", "20260230", "2026111x"}) {
      assertThatThrownBy(() -> SuffixFormat.YYYYMMDD.parse(bad, UTC))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad);
    }
    assertThatThrownBy(() -> SuffixFormat.YYYYMMDD_HH24MISS.parse("20261118_240000", UTC))
        .isInstanceOf(IllegalArgumentException.class);
    // A five-digit year only reads back where a separator follows it, as in PostgreSQL.
    assertThatThrownBy(() -> SuffixFormat.YYYYMMDD.parse("123450101", UTC))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SuffixFormat.YYYY_MM_DD.parse("2026_1_1", UTC))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unsupportedPatternsNameTheSupportedOnes() {
    assertThatThrownBy(() -> ToChar.toChar(T, "IYYY_IW", UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IYYY_IW")
        .hasMessageContaining("YYYYMMDD, YYYYMMDD_HH24MISS, YYYY, YYYY_MM");
  }
}
