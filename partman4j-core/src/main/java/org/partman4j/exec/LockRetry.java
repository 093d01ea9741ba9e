package org.partman4j.exec;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.partman4j.PartmanException;

/**
 * How often a short DDL transaction is tried again when it could not get its locks in time (lock
 * timeout or deadlock), and how long to pause between tries: {@code firstBackoff}, doubling after
 * each failure up to {@code maxBackoff}, each pause scaled by a random factor between 0.5 and 1.5
 * so that two sessions that collided do not collide again in step.
 *
 * @param attempts how many times in all the transaction is tried (1 = never retried)
 * @param firstBackoff the pause after the first failure
 * @param maxBackoff the longest pause (before the random factor)
 */
public record LockRetry(int attempts, Duration firstBackoff, Duration maxBackoff) {

  /** SQLState {@code deadlock_detected}. */
  public static final String DEADLOCK_DETECTED = "40P01";

  /** Five attempts, pausing about 0.1, 0.2, 0.4 and 0.8 s between them. */
  public static final LockRetry DEFAULT =
      new LockRetry(5, Duration.ofMillis(100), Duration.ofSeconds(5));

  public LockRetry {
    if (attempts < 1) {
      throw new IllegalArgumentException("lock retry attempts must be at least 1: " + attempts);
    }
    if (firstBackoff == null || firstBackoff.isNegative()) {
      throw new IllegalArgumentException("lock retry backoff must be zero or more");
    }
    if (maxBackoff == null || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException("lock retry maximum backoff must be at least the first");
    }
  }

  /** {@code attempts} tries, pausing {@code firstBackoff} doubling, at most 5 s (or the first). */
  public static LockRetry of(int attempts, Duration firstBackoff) {
    Duration max = Duration.ofSeconds(5);
    return new LockRetry(
        attempts, firstBackoff, firstBackoff.compareTo(max) > 0 ? firstBackoff : max);
  }

  /** Whether a failure with this SQLState means "try the transaction again". */
  public static boolean isRetryable(String sqlState) {
    return SqlErrors.LOCK_NOT_AVAILABLE.equals(sqlState) || DEADLOCK_DETECTED.equals(sqlState);
  }

  /**
   * The pause after {@code failures} failed attempts.
   *
   * @param random a number in [0, 1) choosing the jitter
   */
  public Duration backoff(int failures, double random) {
    long first = firstBackoff.toNanos();
    long max = maxBackoff.toNanos();
    long base = first;
    for (int i = 1; i < failures && base < max; i++) {
      base = base > max / 2 ? max : base * 2;
    }
    base = Math.min(base, max);
    return Duration.ofNanos((long) (base * (0.5 + random)));
  }

  /**
   * Runs {@code work} in one transaction of the session, and again after a pause when it could not
   * get its locks in time (lock timeout or deadlock), up to {@link #attempts()} times in all.
   *
   * @throws PartmanException the last failure, or at once any failure that is not about locks
   */
  public <T> T inTransaction(Session session, String doing, Session.SqlWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return session.inTransaction(doing, work);
      } catch (PartmanException e) {
        if (!isRetryable(e.sqlState()) || attempt >= attempts || !pause(attempt)) {
          throw e;
        }
      }
    }
  }

  /**
   * Sleeps for {@link #backoff(int, double)}.
   *
   * @return false when the thread was interrupted (its flag set again): stop retrying
   */
  public boolean pause(int failures) {
    Duration d = backoff(failures, ThreadLocalRandom.current().nextDouble());
    try {
      Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
