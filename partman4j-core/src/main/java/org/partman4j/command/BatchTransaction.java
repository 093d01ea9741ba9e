package org.partman4j.command;

import java.sql.PreparedStatement;
import java.time.Duration;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Session;
import org.partman4j.sql.DataSql;

/**
 * One batch of a data move as one transaction, tried again when its locks are not granted: each try
 * waits at most {@code lockWait} for its locks (the session's lock timeout when zero), and a try
 * that gives up is rolled back whole, so nothing of the batch is moved until a try succeeds.
 */
final class BatchTransaction {

  private final Duration lockWait;
  private final int tries;
  private final Duration between;

  /**
   * @param between the pause after each batch ({@link #pauseBetweenBatches()})
   */
  BatchTransaction(Duration lockWait, int tries, Duration between) {
    if (between.isNegative()) {
      throw new PartmanException(
          ErrorCode.INVALID_ARGUMENT, "The wait between batches is negative; give zero or more.");
    }
    if (lockWait.isNegative()) {
      throw new PartmanException(
          ErrorCode.INVALID_ARGUMENT,
          "The lock wait " + lockWait + " is negative; give zero or more.");
    }
    if (tries < 1) {
      throw new PartmanException(
          ErrorCode.INVALID_ARGUMENT,
          "The number of lock wait tries is " + tries + "; give 1 or more.");
    }
    this.lockWait = lockWait;
    this.tries = tries;
    this.between = between;
  }

  /** Refuses a negative batch or loop count (0 means no limit). */
  static void requireCount(String what, long count) {
    if (count < 0) {
      throw new PartmanException(
          ErrorCode.INVALID_ARGUMENT,
          "The " + what + " is " + count + "; give 0 (no limit) or more.");
    }
  }

  /** Sleeps the pause between batches, if any. */
  void pauseBetweenBatches() {
    if (between.isZero()) {
      return;
    }
    try {
      Thread.sleep(between.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PartmanException(ErrorCode.DATABASE_ERROR, "Interrupted; rerun to resume.");
    }
  }

  /**
   * Runs {@code work} in a transaction, tried up to the configured number of times.
   *
   * @param what the step, as a phrase for messages ("moving rows of s.t into s.t_p0")
   */
  <T> T run(Session session, String what, Session.SqlWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return session.inTransaction(
            what,
            c -> {
              if (!lockWait.isZero()) {
                try (PreparedStatement ps = c.prepareStatement(DataSql.LOCAL_SETTING)) {
                  ps.setString(1, "lock_timeout");
                  ps.setString(2, Math.max(1, lockWait.toMillis()) + "ms");
                  ps.execute();
                }
              }
              return work.run(c);
            });
      } catch (PartmanException e) {
        if (!LockRetry.isRetryable(e.sqlState())) {
          throw e;
        }
        if (attempt >= tries || !pause()) {
          throw new PartmanException(
              ErrorCode.LOCK_TIMEOUT,
              "Gave up "
                  + what
                  + ": rows or tables it needs stayed locked by another session through "
                  + attempt
                  + (attempt == 1 ? " try" : " tries")
                  + (lockWait.isZero() ? "" : " of " + lockWait.toMillis() + " ms each")
                  + "; nothing of this step was done (the steps before it are committed). Run"
                  + " again later to resume, or allow a longer lock wait or more tries.",
              e.sqlState(),
              e.statement(),
              e);
        }
      }
    }
  }

  private boolean pause() {
    long ms = lockWait.isZero() ? 100 : Math.max(10, Math.min(1000, lockWait.toMillis() / 5));
    try {
      Thread.sleep(ms);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
