package org.partman4j.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {

  private static final Instant T = Instant.parse("2026-11-18T00:00:00Z");

  @Test
  void instantsLookAsPostgresPrintsATimestamptz() {
    assertThat(Values.text(T, ZoneId.of("UTC"))).isEqualTo("2026-11-18 00:00:00+00");
    assertThat(Values.text(T, ZoneId.of("Europe/Berlin"))).isEqualTo("2026-11-18 01:00:00+01");
    assertThat(Values.text(T, ZoneId.of("Asia/Kolkata"))).isEqualTo("2026-11-18 05:30:00+05:30");
    assertThat(Values.text(T, ZoneId.of("America/New_York"))).isEqualTo("2026-11-17 19:00:00-05");
    assertThat(Values.text(T.plusNanos(500_000_000), ZoneId.of("UTC")))
        .isEqualTo("2026-11-18 00:00:00.5+00");
    assertThat(Values.text(T.plusNanos(1_000), ZoneId.of("UTC")))
        .isEqualTo("2026-11-18 00:00:00.000001+00");
    // an offset with seconds (local mean times have them), as PostgreSQL prints it
    assertThat(Values.text(T, ZoneId.of("+00:19:32"))).isEqualTo("2026-11-18 00:19:32+00:19:32");
  }

  @Test
  void jsonKeepsTypesAndWritesInstantsAsIsoWithTheOffset() {
    assertThat(Values.json(T, ZoneId.of("Europe/Berlin"))).isEqualTo("2026-11-18T01:00:00+01:00");
    assertThat(Values.json(T, ZoneId.of("UTC"))).isEqualTo("2026-11-18T00:00:00Z");
    assertThat(Values.json(7, ZoneId.of("UTC"))).isEqualTo(7);
    assertThat(Values.json(null, ZoneId.of("UTC"))).isNull();
  }

  @Test
  void cellsShowNullEmptyAndListsCommaSeparated() {
    assertThat(Values.text(null, ZoneId.of("UTC"))).isEmpty();
    assertThat(Values.text(List.of("a", "b"), ZoneId.of("UTC"))).isEqualTo("a,b");
    assertThat(Values.text(true, ZoneId.of("UTC"))).isEqualTo("true");
  }

  @Test
  void rawJsonIsWrittenAsItIs() {
    assertThat(Json.write(List.of(new Json.Raw(" {\"a\": 1}\n")))).isEqualTo("[\n  {\"a\": 1}\n]");
  }
}
