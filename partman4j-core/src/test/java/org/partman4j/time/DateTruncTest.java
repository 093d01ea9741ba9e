package org.partman4j.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partman4j.time.ZonedArithmeticTest.LORD_HOWE;
import static org.partman4j.time.ZonedArithmeticTest.NEW_YORK;
import static org.partman4j.time.ZonedArithmeticTest.UTC;
import static org.partman4j.time.ZonedArithmeticTest.at;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTruncTest {

  static Instant utcDay(int year, int month, int day) {
    return LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  @ParameterizedTest(name = "{0}({1}-{2}-{3}) = year {4}")
  @CsvSource({
    "century, 2000, 6, 1, 1901",
    "century, 2001, 1, 1, 2001",
    "century, 2100, 12, 31, 2001",
    "century, 2101, 1, 1, 2101",
    "millennium, 2000, 12, 31, 1001",
    "millennium, 2001, 1, 1, 2001",
    "decade, 2029, 12, 31, 2020",
    "decade, 2030, 1, 1, 2030",
    // Astronomical years: 0 is 1 BC, -1 is 2 BC.
    "century, 0, 6, 1, -99",
    "millennium, 0, 6, 1, -999",
    "decade, 0, 6, 1, 0",
    "decade, -1, 6, 1, -10",
    "decade, -10, 6, 1, -10",
    "decade, -11, 6, 1, -20",
    "century, -100, 6, 1, -199",
    "year, 2026, 11, 18, 2026"
  })
  void yearUnitsStartWhereSqlCountsThem(String unit, int y, int m, int d, int expectedYear) {
    assertThat(DateTrunc.trunc(unit, utcDay(y, m, d), UTC)).isEqualTo(utcDay(expectedYear, 1, 1));
  }

  @Test
  void weeksStartOnIsoMonday() {
    // 2027-01-01 is a Friday in ISO week 53 of 2026.
    assertThat(DateTrunc.trunc(TruncUnit.WEEK, utcDay(2027, 1, 1), UTC))
        .isEqualTo(utcDay(2026, 12, 28));
    // 2029-12-31 is the Monday of ISO week 1 of 2030.
    assertThat(DateTrunc.trunc(TruncUnit.WEEK, utcDay(2029, 12, 31), UTC))
        .isEqualTo(utcDay(2029, 12, 31));
  }

  @Test
  void quartersAndMonths() {
    assertThat(DateTrunc.trunc(TruncUnit.QUARTER, utcDay(2026, 9, 30), UTC))
        .isEqualTo(utcDay(2026, 7, 1));
    assertThat(DateTrunc.trunc(TruncUnit.MONTH, at("2026-02-28T23:59:59.999999Z"), UTC))
        .isEqualTo(utcDay(2026, 2, 1));
  }

  @Test
  void dayAndLongerReResolveTheOffset() {
    // Noon EST on the fall-back day truncates to midnight, which was still EDT.
    assertThat(DateTrunc.trunc(TruncUnit.DAY, at("2026-11-01T12:00-05:00"), NEW_YORK))
        .isEqualTo(at("2026-11-01T00:00-04:00"));
  }

  @Test
  void hourAndShorterKeepTheInputsOffset() {
    // The second 01:45 of Lord Howe's fall-back (+10:30) truncates to 01:00+10:30, which shows
    // as 01:30+11: PostgreSQL does not look the offset up again below a day.
    assertThat(DateTrunc.trunc(TruncUnit.HOUR, at("2026-04-05T01:45+10:30"), LORD_HOWE))
        .isEqualTo(at("2026-04-05T01:00+10:30"));
    // In Kolkata (+05:30) hours start at :00 local time, i.e. :30 UTC.
    assertThat(DateTrunc.trunc(TruncUnit.HOUR, at("2026-11-18T10:10Z"), ZoneId.of("Asia/Kolkata")))
        .isEqualTo(at("2026-11-18T09:30Z"));
  }

  @Test
  void subSecondUnits() {
    Instant t = at("2026-11-18T10:11:12.345678Z");
    assertThat(DateTrunc.trunc("milliseconds", t, UTC)).isEqualTo(at("2026-11-18T10:11:12.345Z"));
    assertThat(DateTrunc.trunc("microseconds", t, UTC)).isEqualTo(t);
    assertThat(DateTrunc.trunc("second", t, UTC)).isEqualTo(at("2026-11-18T10:11:12Z"));
    assertThat(DateTrunc.trunc("minute", t, UTC)).isEqualTo(at("2026-11-18T10:11Z"));
  }

  @ParameterizedTest
  @CsvSource({
    "Month, MONTH",
    "mons, MONTH",
    "MILLISECONDS, MILLISECONDS",
    "millisecondsX, MILLISECONDS",
    "microsecond, MICROSECONDS",
    "us, MICROSECONDS",
    "centuries, CENTURY",
    "c, CENTURY",
    "millenniums, MILLENNIUM",
    "mil, MILLENNIUM",
    "decs, DECADE",
    "qtr, QUARTER",
    "w, WEEK",
    "hrs, HOUR",
    "m, MINUTE",
    "s, SECOND",
    "y, YEAR",
    "d, DAY"
  })
  void unitsParseAsPostgresReadsThem(String text, TruncUnit expected) {
    assertThat(TruncUnit.parse(text)).isEqualTo(expected);
  }

  @Test
  void unknownUnitsNameTheValidOnes() {
    for (String bad : new String[] {"fortnight", "epoch", "timezone", " day", "", "da"}) {
      assertThatThrownBy(() -> TruncUnit.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("microseconds, milliseconds, second, minute, hour, day, week");
    }
    assertThatThrownBy(() -> TruncUnit.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
