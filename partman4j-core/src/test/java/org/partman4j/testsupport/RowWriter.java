package org.partman4j.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * A thread that runs one single-row INSERT in a loop, each in its own transaction, counting the
 * inserts, the failures and the longest one: the writer beside DDL in the lock tests.
 */
public final class RowWriter implements AutoCloseable {

  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicInteger inserted = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicLong worstNanos = new AtomicLong();
  private final Thread thread;

  private RowWriter(DataSource dataSource, String insert) {
    thread = new Thread(() -> loop(dataSource, insert), "row-writer");
  }

  /** Starts writing with {@code insert} (no parameters) until {@link #close()}. */
  public static RowWriter start(DataSource dataSource, String insert) {
    RowWriter w = new RowWriter(dataSource, insert);
    w.thread.start();
    return w;
  }

  private void loop(DataSource dataSource, String insert) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(insert)) {
      while (!stop.get()) {
        long t0 = System.nanoTime();
        try {
          ps.executeUpdate();
          inserted.incrementAndGet();
        } catch (SQLException e) {
          failed.incrementAndGet();
        }
        worstNanos.accumulateAndGet(System.nanoTime() - t0, Math::max);
      }
    } catch (SQLException e) {
      failed.incrementAndGet();
    }
  }

  /** Stops the writer and waits for it. */
  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    thread.join();
  }

  public int inserted() {
    return inserted.get();
  }

  public int failed() {
    return failed.get();
  }

  /** The longest single insert, in milliseconds. */
  public long worstStallMillis() {
    return worstNanos.get() / 1_000_000;
  }
}
