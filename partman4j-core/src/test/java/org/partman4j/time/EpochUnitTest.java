package org.partman4j.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partman4j.time.ZonedArithmeticTest.at;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EpochUnitTest {

  @Test
  void parsesPartmansConfigText() {
    assertThat(EpochUnit.parse("none")).isEqualTo(EpochUnit.NONE);
    assertThat(EpochUnit.parse("seconds")).isEqualTo(EpochUnit.SECONDS);
    assertThat(EpochUnit.parse("milliseconds")).isEqualTo(EpochUnit.MILLISECONDS);
    assertThat(EpochUnit.parse("microseconds")).isEqualTo(EpochUnit.MICROSECONDS);
    assertThat(EpochUnit.parse("nanoseconds")).isEqualTo(EpochUnit.NANOSECONDS);
    assertThatThrownBy(() -> EpochUnit.parse("Seconds"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("none, seconds, milliseconds, microseconds, nanoseconds");
  }

  @Test
  void boundsRoundSecondsHalfAwayFromZeroBeforeScaling() {
    assertThat(EpochUnit.SECONDS.boundFor(at("1970-01-01T00:00:01.5Z"))).isEqualTo(2);
    assertThat(EpochUnit.SECONDS.boundFor(at("1969-12-31T23:59:58.5Z"))).isEqualTo(-2);
    assertThat(EpochUnit.SECONDS.boundFor(at("1970-01-01T00:00:01.499999Z"))).isEqualTo(1);
    // Sub-second parts never reach a millisecond bound.
    assertThat(EpochUnit.MILLISECONDS.boundFor(at("1970-01-01T00:00:01.25Z"))).isEqualTo(1000);
    assertThat(EpochUnit.NANOSECONDS.boundFor(at("2026-11-18T00:00Z")))
        .isEqualTo(1_794_960_000_000_000_000L);
  }

  @Test
  void nanosecondBoundsOverflowAfter2262LikeBigint() {
    assertThatThrownBy(() -> EpochUnit.NANOSECONDS.boundFor(at("2263-01-01T00:00Z")))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void readsBackWithIntegerDivisionFirst() {
    assertThat(EpochUnit.MILLISECONDS.instantFor(1_999)).isEqualTo(Instant.ofEpochSecond(1));
    assertThat(EpochUnit.MILLISECONDS.instantFor(-1_500)).isEqualTo(Instant.ofEpochSecond(-1));
    assertThat(EpochUnit.SECONDS.instantFor(1_794_960_000L)).isEqualTo(at("2026-11-18T00:00Z"));
    assertThat(EpochUnit.NANOSECONDS.instantFor(1_794_960_000_999_999_999L))
        .isEqualTo(at("2026-11-18T00:00Z"));
  }

  @Test
  void farFutureValuesRoundAsPostgresFloatsDo() {
    // Past ~year 20000 seconds * 10^6 no longer fits a double's mantissa: PostgreSQL's own
    // results, not whole seconds.
    assertThat(EpochUnit.MICROSECONDS.instantFor(Long.MAX_VALUE))
        .isEqualTo(at("+294247-01-10T04:00:53.999616Z"));
    assertThat(EpochUnit.SECONDS.instantFor(9_224_318_015_999L))
        .isEqualTo(at("+294276-12-31T23:59:58.999552Z"));
    // Seconds bounds work up to PostgreSQL's last year, beyond a long of microseconds since 1970.
    assertThat(EpochUnit.SECONDS.boundFor(at("+294270-01-01T00:00Z")))
        .isEqualTo(9_224_097_091_200L);
  }

  @Test
  void noneHasNoIntegerBounds() {
    assertThatThrownBy(() -> EpochUnit.NONE.boundFor(Instant.EPOCH))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("none");
    assertThatThrownBy(() -> EpochUnit.NONE.instantFor(0))
        .isInstanceOf(IllegalStateException.class);
  }
}
