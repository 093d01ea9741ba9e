package org.partman4j.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partman4j.time.ZonedArithmeticTest.UTC;
import static org.partman4j.time.ZonedArithmeticTest.at;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PremakeCountTest {

  @Test
  void countsWholeIntervals() {
    assertThat(
            PremakeCount.count(
                at("2026-04-01T00:00Z"), at("2026-01-01T00:00Z"), PgInterval.ofMonths(1), UTC))
        .isEqualTo(3);
    assertThat(
            PremakeCount.count(
                at("2026-11-18T10:00Z"),
                at("2026-11-18T00:00Z"),
                PgInterval.ofMicros(3_600_000_000L),
                UTC))
        .isEqualTo(10);
  }

  @Test
  void halvesRoundAwayFromZero() {
    PgInterval twoHours = PgInterval.ofMicros(7_200_000_000L);
    assertThat(PremakeCount.count(at("2026-11-18T05:00Z"), at("2026-11-18T00:00Z"), twoHours, UTC))
        .isEqualTo(3);
    assertThat(PremakeCount.count(at("2026-11-18T00:00Z"), at("2026-11-18T05:00Z"), twoHours, UTC))
        .isEqualTo(-3);
  }

  @Test
  void weeksAgainstMonthsUseThirtyDayMonths() {
    // age = 1 mon 3 days = 33 days of epoch; 33 / 7 = 4.71 -> 5
    assertThat(
            PremakeCount.count(
                at("2026-03-31T00:00Z"), at("2026-02-28T00:00Z"), PgInterval.ofDays(7), UTC))
        .isEqualTo(5);
  }

  @Test
  void theQuotientIsRoundedToPostgresScaleBeforeRound() {
    // 2.4999999999999999999999 is rounded to 16 decimals (2.5000000000000000) by the division,
    // and round() then gives 3 where exact arithmetic would give 2.
    BigDecimal a = new BigDecimal("2499999999999999.999999");
    BigDecimal b = new BigDecimal("1000000000000000.000000");
    BigDecimal q = PgNumeric.divide(a, b);
    assertThat(q).isEqualByComparingTo("2.5");
    assertThat(q.scale()).isEqualTo(16);
    assertThat(PgNumeric.round(q)).isEqualByComparingTo("3");
  }

  @Test
  void divisionScaleFollowsTheOperands() {
    // 1 / 3: quotient weight -1, so 16 + 4 = 20 decimals.
    assertThat(PgNumeric.quotientScale(new BigDecimal("1.000000"), new BigDecimal("3.000000")))
        .isEqualTo(20);
    // 86400 / 3600: first digits 8 and 3600 (weights 1 and 0): quotient weight 0, 16 decimals.
    assertThat(
            PgNumeric.quotientScale(new BigDecimal("86400.000000"), new BigDecimal("3600.000000")))
        .isEqualTo(16);
    // Zero numerator: weight 0, digit 0.
    assertThat(PgNumeric.quotientScale(new BigDecimal("0.000000"), new BigDecimal("60.000000")))
        .isEqualTo(20);
  }

  @Test
  void zeroIntervalIsDivisionByZero() {
    assertThatThrownBy(
            () ->
                PremakeCount.count(
                    at("2026-11-18T00:00Z"), at("2026-11-17T00:00Z"), PgInterval.ZERO, UTC))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("division by zero");
  }
}
