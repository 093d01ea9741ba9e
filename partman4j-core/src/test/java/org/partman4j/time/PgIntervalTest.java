package org.partman4j.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-checked examples; {@link IntervalPostgresProperties} checks against a real server. */
class PgIntervalTest {

  private static final long HOUR = 3_600_000_000L;

  @ParameterizedTest(name = "''{0}'' reads as {1}/{2}/{3} and prints as ''{4}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 day               | 0  | 1  | 0            | 1 day",
        "1 week              | 0  | 7  | 0            | 7 days",
        "3 months            | 3  | 0  | 0            | 3 mons",
        "1 mon               | 1  | 0  | 0            | 1 mon",
        "90 minutes          | 0  | 0  | 5400000000   | 01:30:00",
        "01:30:00            | 0  | 0  | 5400000000   | 01:30:00",
        "1:30                | 0  | 0  | 5400000000   | 01:30:00",
        "1 year 2 mons       | 14 | 0  | 0            | 1 year 2 mons",
        "@ 1 day ago         | 0  | -1 | 0            | -1 days",
        "-1 day +02:00:00    | 0  | -1 | 7200000000   | -1 days +02:00:00",
        "P1D                 | 0  | 1  | 0            | 1 day",
        "PT1H30M             | 0  | 0  | 5400000000   | 01:30:00",
        "P1Y2M3DT4H5M6.5S    | 14 | 3  | 14706500000  | 1 year 2 mons 3 days 04:05:06.5",
        "P1W                 | 0  | 7  | 0            | 7 days",
        "P0001-02-03T04:05:06| 14 | 3  | 14706000000  | 1 year 2 mons 3 days 04:05:06",
        "1-2                 | 14 | 0  | 0            | 1 year 2 mons",
        "1 2:03:04           | 0  | 1  | 7384000000   | 1 day 02:03:04",
        "1.5 days            | 0  | 1  | 43200000000  | 1 day 12:00:00",
        "0.5 months          | 0  | 15 | 0            | 15 days",
        "1.5 years           | 18 | 0  | 0            | 1 year 6 mons",
        "1.5 weeks           | 0  | 10 | 43200000000  | 10 days 12:00:00",
        "10                  | 0  | 0  | 10000000     | 00:00:10",
        "0.5 seconds         | 0  | 0  | 500000       | 00:00:00.5",
        "1 year -1 mons      | 11 | 0  | 0            | 11 mons",
        "1 DECADE 2 Centuries| 2520| 0 | 0            | 210 years",
        "3 millennia         | 36000| 0| 0            | 3000 years",
        "5 usecs 7 msec      | 0  | 0  | 7005         | 00:00:00.007005",
        "1 d 2 h 3 m 4 s     | 0  | 1  | 7384000000   | 1 day 02:03:04",
        "'  2 hrs  '         | 0  | 0  | 7200000000   | 02:00:00",
        "1d2h                | 0  | 1  | 7200000000   | 1 day 02:00:00",
        "-1 mons 1 day       | -1 | 1  | 0            | -1 mons +1 day",
      })
  void readsAndPrintsLikePostgres(String text, int months, int days, long micros, String out) {
    PgInterval v = PgInterval.parse(text);
    assertThat(v).isEqualTo(new PgInterval(months, days, micros));
    assertThat(v.toString()).isEqualTo(out);
  }

  @Test
  void printsEdgeValues() {
    assertThat(PgInterval.ZERO.toString()).isEqualTo("00:00:00");
    assertThat(PgInterval.ofMicros(-1).toString()).isEqualTo("-00:00:00.000001");
    assertThat(new PgInterval(-13, 0, 0).toString()).isEqualTo("-1 years -1 mons");
    assertThat(new PgInterval(0, -1, -HOUR).toString()).isEqualTo("-1 days -01:00:00");
    assertThat(new PgInterval(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE).toString())
        .isEqualTo("-178956970 years -8 mons -2147483648 days -2562047788:00:54.775808");
  }

  @Test
  void followsTheServerMajorWhereThe14And15RulesDiffer() {
    assertThat(PgInterval.parse("1.99 years", 14)).isEqualTo(PgInterval.ofMonths(23));
    assertThat(PgInterval.parse("1.99 years", 15)).isEqualTo(PgInterval.ofMonths(24));
    assertThat(PgInterval.parse("0.0000015 s", 14)).isEqualTo(PgInterval.ofMicros(2));
    assertThat(PgInterval.parse("0.0000015 s", 17)).isEqualTo(PgInterval.ofMicros(1));
    assertThat(PgInterval.parse("1 day hour", 14)).isEqualTo(PgInterval.ofDays(1));
    assertThat(PgInterval.parse("1 day hour", 16)).isEqualTo(PgInterval.ofDays(1));
    assertThatThrownBy(() -> PgInterval.parse("1 day hour", 17))
        .isInstanceOf(InvalidIntervalException.class)
        .hasMessageContaining("the unit \"hour\" has no number before it");
    assertThat(PgInterval.parse("3000000000 seconds", 17).micros())
        .isEqualTo(3_000_000_000_000_000L);
    assertThatThrownBy(() -> PgInterval.parse("3000000000 seconds", 14))
        .hasMessageContaining("out of range");
    assertThat(PgInterval.parse("5 mm", 17)).isEqualTo(PgInterval.ofMicros(300_000_000));
    assertThatThrownBy(() -> PgInterval.parse("5 mm", 16)).hasMessageContaining("unknown unit");
  }

  @Test
  void keepsPostgresQuirks() {
    // A clock field replaces the time gathered so far: the half day is lost, as on the server.
    assertThat(PgInterval.parse("01:00:00 1.5 days")).isEqualTo(new PgInterval(0, 1, HOUR));
    assertThat(PgInterval.parse("1.5 days 01:00:00")).isEqualTo(new PgInterval(0, 1, 13 * HOUR));
    assertThat(PgInterval.parse("1-")).isEqualTo(PgInterval.ofMonths(12));
    assertThat(PgInterval.parse("1::30")).isEqualTo(PgInterval.ofMicros(HOUR + 30_000_000));
    assertThat(PgInterval.parse("P0x10D")).isEqualTo(PgInterval.ofMonths(269 * 12));
  }

  @Test
  void explainsBadInput() {
    assertThatThrownBy(() -> PgInterval.parse("1 dya"))
        .isInstanceOf(InvalidIntervalException.class)
        .hasMessage(
            "invalid interval \"1 dya\": unknown unit \"dya\"; write an interval such as"
                + " '1 day', '3 months', '01:30:00' or 'P1D'")
        .extracting(e -> ((InvalidIntervalException) e).reason())
        .isEqualTo(InvalidIntervalException.Reason.SYNTAX);
    assertThatThrownBy(() -> PgInterval.parse("")).hasMessageContaining("it is empty");
    assertThatThrownBy(() -> PgInterval.parse("p1d")).hasMessageContaining("p1d");
    assertThatThrownBy(() -> PgInterval.parse("2147483648 days"))
        .hasMessageContaining("out of range")
        .extracting(e -> ((InvalidIntervalException) e).reason())
        .isEqualTo(InvalidIntervalException.Reason.OUT_OF_RANGE);
    assertThatThrownBy(() -> PgInterval.parse("178956970 years 8 mons"))
        .hasMessageContaining("out of range");
  }

  @Test
  void refusesInfinity() {
    for (String text : new String[] {"infinity", "-infinity", "+infinity", "1 week infinity"}) {
      assertThatThrownBy(() -> PgInterval.parse(text))
          .isInstanceOf(InvalidIntervalException.class)
          .hasMessageContaining("partition intervals must be finite")
          .extracting(e -> ((InvalidIntervalException) e).reason())
          .isEqualTo(InvalidIntervalException.Reason.INFINITE);
    }
    // Before PostgreSQL 17 "infinity" is not interval syntax at all.
    assertThatThrownBy(() -> PgInterval.parse("infinity", 16))
        .extracting(e -> ((InvalidIntervalException) e).reason())
        .isEqualTo(InvalidIntervalException.Reason.SYNTAX);
  }

  @Test
  void refusesWhatPostgres14WouldWrapAround() {
    assertThatThrownBy(() -> PgInterval.parse("2147483647 days 2147483647 hours 1 week", 14))
        .extracting(e -> ((InvalidIntervalException) e).reason())
        .isEqualTo(InvalidIntervalException.Reason.WRAPS_ON_SERVER);
  }

  @Test
  void ordersEpochAndMultipliesAsPostgres() {
    assertThat(PgInterval.parse("1 mon").pgEquals(PgInterval.parse("30 days"))).isTrue();
    assertThat(PgInterval.parse("1 mon")).isNotEqualTo(PgInterval.parse("30 days"));
    assertThat(PgInterval.parse("1 day").compareTo(PgInterval.parse("23:59:59"))).isPositive();
    assertThat(PgInterval.parse("1 year").epochSeconds().toPlainString())
        .isEqualTo("31557600.000000");
    assertThat(PgInterval.parse("-1 year -1 mon").epochSeconds().toPlainString())
        .isEqualTo("-34149600.000000");
    assertThat(PgInterval.parse("1 mon 2 days 03:00").multipliedBy(3).toString())
        .isEqualTo("3 mons 6 days 09:00:00");
  }
}
