package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How {@code partman status} prints a runway. */
class StatusCommandTest {

  @Test
  void runwaysAreShortAndSigned() {
    assertThat(StatusCommand.duration(Duration.ofHours(99).plusMinutes(5))).isEqualTo("4d 3h");
    assertThat(StatusCommand.duration(Duration.ofMinutes(312))).isEqualTo("5h 12m");
    assertThat(StatusCommand.duration(Duration.ofSeconds(125))).isEqualTo("2m 5s");
    assertThat(StatusCommand.duration(Duration.ofSeconds(42))).isEqualTo("42s");
    assertThat(StatusCommand.duration(Duration.ZERO)).isEqualTo("0s");
    assertThat(StatusCommand.duration(Duration.ofHours(-26))).isEqualTo("-1d 2h");
  }
}
