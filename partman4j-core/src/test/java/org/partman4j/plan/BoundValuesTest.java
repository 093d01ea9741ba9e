package org.partman4j.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partman4j.model.ControlType;
import org.partman4j.time.EpochUnit;

class BoundValuesTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static BoundValues of(String type, EpochUnit epoch, ZoneId zone) {
    return BoundValues.of(ControlType.of(type), epoch, zone);
  }

  @Test
  void timestamptzBoundsCarryTheirOffset() {
    BoundValues b = of("timestamptz", EpochUnit.NONE, NEW_YORK);
    assertThat(b.kind()).isEqualTo(SetKind.TIME);
    assertThat(b.instant("2026-11-18 00:00:00+01"))
        .isEqualTo(Instant.parse("2026-11-17T23:00:00Z"));
    assertThat(b.instant("1800-01-01 00:00:00-04:56:02"))
        .isEqualTo(Instant.parse("1800-01-01T04:56:02Z"));
    assertThat(b.instant("0044-03-15 12:00:00+00 BC"))
        .isEqualTo(Instant.parse("-0043-03-15T12:00:00Z"));
  }

  @Test
  void timestampAndDateBoundsAreReadInTheSetsZone() {
    BoundValues ts = of("timestamp", EpochUnit.NONE, NEW_YORK);
    assertThat(ts.instant("2026-07-01 00:00:00")).isEqualTo(Instant.parse("2026-07-01T04:00:00Z"));
    // spring forward: 02:30 does not exist and takes the offset before the change (EST)
    assertThat(ts.instant("2026-03-08 02:30:00")).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
    // fall back: 01:30 happens twice; PostgreSQL takes the later offset (EST)
    assertThat(ts.instant("2026-11-01 01:30:00")).isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
    BoundValues date = of("date", EpochUnit.NONE, NEW_YORK);
    assertThat(date.instant("2026-03-08")).isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
    assertThat(of("date", EpochUnit.NONE, ZoneOffset.UTC).instant("2026-11-20"))
        .isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
  }

  @Test
  void infiniteTimesAreUnbounded() {
    BoundValues b = of("timestamptz", EpochUnit.NONE, ZoneOffset.UTC);
    assertThat(b.instant("infinity")).isNull();
    assertThat(b.instant("-infinity")).isNull();
  }

  @Test
  void epochBoundsAreExactMultiplesOfTheirUnit() {
    BoundValues s = of("int4", EpochUnit.SECONDS, ZoneOffset.UTC);
    assertThat(s.kind()).isEqualTo(SetKind.EPOCH);
    assertThat(s.instant("1795312800")).isEqualTo(Instant.parse("2026-11-22T02:00:00Z"));
    BoundValues ms = of("int8", EpochUnit.MILLISECONDS, ZoneOffset.UTC);
    assertThat(ms.instant("1795219200000")).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
    // not a pg_partman bound, but the real value: 1.5 seconds, not 1
    assertThat(ms.instant("1500")).isEqualTo(Instant.parse("1970-01-01T00:00:01.500Z"));
    assertThat(ms.instant("-1500")).isEqualTo(Instant.parse("1969-12-31T23:59:58.500Z"));
    assertThat(of("int8", EpochUnit.MICROSECONDS, ZoneOffset.UTC).instant("1795219200000001"))
        .isEqualTo(Instant.parse("2026-11-21T00:00:00.000001Z"));
    assertThat(of("int8", EpochUnit.NANOSECONDS, ZoneOffset.UTC).instant("1795219200000000000"))
        .isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
    assertThat(ms.number("1795219200000")).isEqualByComparingTo("1795219200000");
  }

  @Test
  void idBoundsAreNumbersOfAnyWidthAndSign() {
    BoundValues b = of("int8", EpochUnit.NONE, ZoneOffset.UTC);
    assertThat(b.kind()).isEqualTo(SetKind.ID);
    assertThat(b.number("3000000000")).isEqualByComparingTo("3000000000");
    assertThat(b.number("-5")).isEqualByComparingTo("-5");
    assertThat(of("numeric", EpochUnit.NONE, ZoneOffset.UTC).number("10.5"))
        .isEqualByComparingTo("10.5");
    assertThatThrownBy(() -> b.instant("5")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.number("five")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void encodedBoundsAreWhatTheDecoderReturned() {
    BoundValues b = of("uuid", EpochUnit.NONE, ZoneOffset.UTC);
    assertThat(b.kind()).isEqualTo(SetKind.ENCODED);
    Instant t = Instant.parse("2026-11-21T00:00:00Z");
    BoundValues decoded = b.withDecoded(Map.of("019aa0a3-0000-0000-0000-000000000000", t));
    assertThat(decoded.instant("019aa0a3-0000-0000-0000-000000000000")).isEqualTo(t);
    assertThatThrownBy(() -> decoded.instant("other"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not given to the time decoder");
  }

  @Test
  void childrenDecodeToStartAndEnd() {
    BoundValues ids = of("int4", EpochUnit.NONE, ZoneOffset.UTC);
    DecodedChild r = ids.decode(Children.range("t_p10", "10", "20"));
    assertThat(r.startId()).isEqualByComparingTo("10");
    assertThat(r.endId()).isEqualByComparingTo("20");
    assertThat(r.startTime()).isNull();
    DecodedChild l = ids.decode(Children.list("t_p12", "12"));
    assertThat(l.startId()).isEqualByComparingTo("12");
    assertThat(l.endId()).isEqualByComparingTo("13");
    DecodedChild multi = ids.decode(Children.list("t_x", "7", "-3", "12"));
    assertThat(multi.startId()).isEqualByComparingTo("-3");
    assertThat(multi.endId()).isEqualByComparingTo("13");
    DecodedChild open = ids.decode(Children.range("t_low", null, "0"));
    assertThat(open.startId()).isNull();
    assertThat(open.endId()).isEqualByComparingTo(BigDecimal.ZERO);
    DecodedChild d = ids.decode(Children.defaultPartition("t_default"));
    assertThat(d.isDefault()).isTrue();
    assertThat(d.startId()).isNull();

    BoundValues epoch = of("int8", EpochUnit.SECONDS, ZoneOffset.UTC);
    DecodedChild e = epoch.decode(Children.range("e_p", "1795312800", "1795316400"));
    assertThat(e.startTime()).isEqualTo(Instant.parse("2026-11-22T02:00:00Z"));
    assertThat(e.endTime()).isEqualTo(Instant.parse("2026-11-22T03:00:00Z"));
    assertThat(e.startId()).isEqualByComparingTo("1795312800");
  }

  @Test
  void unreadableBoundsSayWhichChild() {
    BoundValues ids = of("int4", EpochUnit.NONE, ZoneOffset.UTC);
    assertThatThrownBy(() -> ids.decode(Children.hash("t_h")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s.t_h")
        .hasMessageContaining("not a one-column range or list bound");
    BoundValues time = of("timestamptz", EpochUnit.NONE, ZoneOffset.UTC);
    assertThatThrownBy(() -> time.decode(Children.range("t_x", "tomorrow", "2026-01-01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s.t_x")
        .hasMessageContaining("cannot be read as timestamptz");
  }

  @Test
  void typesThatMakeNoSetAreRefused() {
    assertThatThrownBy(() -> of("varchar", EpochUnit.NONE, ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("varchar");
    assertThatThrownBy(() -> of("timestamptz", EpochUnit.SECONDS, ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("integer columns only");
  }
}
