package org.partman4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdGridTest {

  @Test
  void startTruncatesTowardZeroAsPgPartmanDoes() {
    assertThat(IdGrid.startFor(95, 10)).isEqualTo(90);
    assertThat(IdGrid.startFor(0, 10)).isZero();
    assertThat(IdGrid.startFor(-15, 10)).isEqualTo(-10);
    assertThat(IdGrid.startFor(-1500, 1000)).isEqualTo(-1000);
    assertThat(IdGrid.startFor(3_000_000_025L, 10)).isEqualTo(3_000_000_020L);
  }

  @Test
  void containingStartIsTheFloor() {
    assertThat(IdGrid.containingStart(-15, 10)).isEqualTo(-20);
    assertThat(IdGrid.containingStart(95, 10)).isEqualTo(90);
  }

  @Test
  void premadeCountUsesIntegerDivision() {
    // golden case B: current 3000000020, last child 3000000040, interval 10 → 2 premade
    assertThat(IdGrid.premadeCount(3_000_000_040L, 3_000_000_020L, 10)).isEqualTo(2);
    assertThat(IdGrid.premadeCount(0, 30, 10)).isEqualTo(-3);
  }

  @Test
  void nonPositiveIntervalIsRefused() {
    assertThatThrownBy(() -> IdGrid.startFor(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }
}
