package org.partman4j.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A second connection that inserts single rows, one per statement and transaction, into a set's
 * parents for as long as an operation runs, and records how long each insert took. A stall is an
 * insert that waited on a lock the operation held.
 */
final class WriterStall implements AutoCloseable {

  /** What the writer saw. */
  record Stats(int inserts, int failures, double worstMs, double p99Ms) {}

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Long> latenciesNanos = new ArrayList<>();
  private final Thread thread;
  private int failures;

  /**
   * Starts inserting into {@code parents} in turn. Each parent must accept {@code (ts) VALUES
   * (now())}, which lands in the child for the current time.
   */
  WriterStall(DataSource dataSource, List<String> parentsQuoted) {
    thread = new Thread(() -> loop(dataSource, parentsQuoted), "bench-writer");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop(DataSource dataSource, List<String> parents) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      List<PreparedStatement> inserts = new ArrayList<>();
      for (String p : parents) {
        inserts.add(c.prepareStatement("INSERT INTO " + p + " (ts) VALUES (now())"));
      }
      int i = 0;
      while (running.get()) {
        PreparedStatement st = inserts.get(i++ % inserts.size());
        long start = System.nanoTime();
        try {
          st.executeUpdate();
          synchronized (latenciesNanos) {
            latenciesNanos.add(System.nanoTime() - start);
          }
        } catch (SQLException e) {
          synchronized (latenciesNanos) {
            failures++;
          }
        }
      }
    } catch (SQLException e) {
      synchronized (latenciesNanos) {
        failures++;
      }
    }
  }

  /** Stops the writer and summarises what it saw. */
  Stats stop() {
    running.set(false);
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (latenciesNanos) {
      long[] v = latenciesNanos.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(v);
      if (v.length == 0) {
        return new Stats(0, failures, 0, 0);
      }
      int p99 = Math.min(v.length - 1, (int) Math.ceil(v.length * 0.99) - 1);
      return new Stats(v.length, failures, v[v.length - 1] / 1e6, v[p99] / 1e6);
    }
  }

  @Override
  public void close() {
    running.set(false);
  }
}
