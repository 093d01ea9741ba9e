package org.partman4j.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LockRetryTest {

  @Test
  void backoffDoublesFromTheFirstPauseUpToTheMaximumWithJitter() {
    LockRetry r = new LockRetry(10, Duration.ofMillis(100), Duration.ofMillis(700));
    // random 0.5 is the middle of the jitter: the plain doubling
    assertThat(r.backoff(1, 0.5)).isEqualTo(Duration.ofMillis(100));
    assertThat(r.backoff(2, 0.5)).isEqualTo(Duration.ofMillis(200));
    assertThat(r.backoff(3, 0.5)).isEqualTo(Duration.ofMillis(400));
    assertThat(r.backoff(4, 0.5)).isEqualTo(Duration.ofMillis(700));
    assertThat(r.backoff(60, 0.5)).isEqualTo(Duration.ofMillis(700));
    // jitter spans half to one and a half times the pause
    assertThat(r.backoff(2, 0.0)).isEqualTo(Duration.ofMillis(100));
    assertThat(r.backoff(2, 0.999)).isBetween(Duration.ofMillis(299), Duration.ofMillis(300));
  }

  @Test
  void theDefaultIsFiveAttemptsFromOneTenthOfASecond() {
    assertThat(LockRetry.DEFAULT.attempts()).isEqualTo(5);
    assertThat(LockRetry.DEFAULT.backoff(1, 0.5)).isEqualTo(Duration.ofMillis(100));
    assertThat(LockRetry.of(3, Duration.ofSeconds(9)).maxBackoff())
        .isEqualTo(Duration.ofSeconds(9));
  }

  @Test
  void onlyLockTimeoutsAndDeadlocksAreRetried() {
    assertThat(LockRetry.isRetryable("55P03")).isTrue();
    assertThat(LockRetry.isRetryable("40P01")).isTrue();
    assertThat(LockRetry.isRetryable("42P17")).isFalse();
    assertThat(LockRetry.isRetryable(null)).isFalse();
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> LockRetry.of(0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LockRetry(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LockRetry.of(1, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
