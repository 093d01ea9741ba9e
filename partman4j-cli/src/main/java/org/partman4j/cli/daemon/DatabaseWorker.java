package org.partman4j.cli.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.partman4j.Partman;
import org.partman4j.cli.connect.Environment;
import org.partman4j.cli.connect.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database's loop on a thread of its own, so a database has at most one run at a time: wait for
 * the {@link Schedule}, run, record, repeat. It catches every failure, counts it for the backoff,
 * and rebuilds its connection settings before the next attempt. A new configuration replaces the
 * settings without losing the state (last run, failures in a row); a stop lets the run in flight
 * finish its current set.
 */
final class DatabaseWorker implements StopControl {

  private static final Logger log = LoggerFactory.getLogger(DatabaseWorker.class);

  /** What every worker of a daemon shares. */
  record Shared(
      Environment env,
      MaintenanceFactory factory,
      DaemonMetrics metrics,
      Clock clock,
      String instance,
      Supplier<Duration> historyKeep) {}

  private final Shared shared;
  private final Random random = new Random();
  private final Object wake = new Object();
  private final Thread thread;

  private volatile DatabaseConfig config;
  private volatile boolean stopping;
  private boolean changed; // guarded by wake

  // Only the worker's thread touches these.
  private DatabaseTarget target;
  private Partman partman;
  private DatabaseMaintenance maintenance;
  private volatile int failuresInRow;

  // Read by status requests; written under this.
  private boolean running;
  private Instant lastStart;
  private Instant lastFinish;
  private String lastStatus;
  private String lastError;
  private Instant lastSuccess;
  private Instant nextRun;
  private long runs;
  private List<SetStatus> sets = List.of();
  private List<String> warnings = List.of();
  private String connection;

  DatabaseWorker(DatabaseConfig config, Shared shared) {
    this.config = config;
    this.shared = shared;
    this.thread = new Thread(this::loop, "partman-" + config.name());
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  String name() {
    return config.name();
  }

  DatabaseConfig config() {
    return config;
  }

  /** Takes new settings; they apply from the next run, and the next run time is recomputed. */
  void update(DatabaseConfig newConfig) {
    synchronized (wake) {
      config = newConfig;
      changed = true;
      wake.notifyAll();
    }
  }

  /** Asks the loop to end after the run in flight, if any. */
  void stop() {
    synchronized (wake) {
      stopping = true;
      wake.notifyAll();
    }
  }

  /** Waits for the loop to end; true when it did within {@code grace}. */
  boolean awaitStop(Duration grace) throws InterruptedException {
    thread.join(Math.max(1, grace.toMillis()));
    return !thread.isAlive();
  }

  @Override
  public boolean stopping() {
    return stopping;
  }

  @Override
  public void pause(Duration d) {
    Instant until = shared.clock().instant().plus(d);
    synchronized (wake) {
      while (!stopping) {
        long ms = Duration.between(shared.clock().instant(), until).toMillis();
        if (ms <= 0) {
          return;
        }
        try {
          wake.wait(ms);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void loop() {
    while (!stopping) {
      Instant next =
          Schedule.next(
              config, shared.clock().instant(), lastStart(), failuresInRow, random.nextDouble());
      synchronized (this) {
        nextRun = next;
      }
      if (waitUntil(next)) {
        runOnce();
      }
    }
    log.info("{}: stopped", config.name());
  }

  /** Waits; true when the time came, false when woken by a stop or new settings. */
  private boolean waitUntil(Instant next) {
    synchronized (wake) {
      while (!stopping && !changed) {
        long ms = Duration.between(shared.clock().instant(), next).toMillis();
        if (ms <= 0) {
          return true;
        }
        try {
          wake.wait(ms);
        } catch (InterruptedException e) {
          stopping = true;
        }
      }
      if (changed) {
        changed = false;
        target = null; // connect with the new settings
      }
      return false;
    }
  }

  private void runOnce() {
    DatabaseConfig c = config;
    Instant start = shared.clock().instant();
    synchronized (this) {
      running = true;
      lastStart = start;
    }
    try {
      if (target == null) {
        target = DatabaseTarget.resolve(c.url(), c.passwordEnv(), c.role(), shared.env());
        partman = target.partman(c);
        maintenance = shared.factory().create(partman, c);
        synchronized (this) {
          connection = target.describe();
        }
      }
      RunReport report =
          new DatabaseRun(
                  c,
                  shared.historyKeep().get(),
                  target,
                  partman,
                  maintenance,
                  shared.env(),
                  shared.instance(),
                  shared.clock())
              .run(this);
      Instant end = shared.clock().instant();
      failuresInRow = 0;
      synchronized (this) {
        runs++;
        lastFinish = end;
        lastStatus = report.status();
        lastError = null;
        warnings = report.warnings();
        if (report.maintained()) {
          lastSuccess = end;
          sets = report.sets();
        }
      }
      shared.metrics().ran(c.name(), report, Duration.between(start, end), end);
      log(c, report, Duration.between(start, end));
    } catch (RuntimeException e) {
      Instant end = shared.clock().instant();
      failuresInRow++;
      target = null; // reconnect, re-reading the password, next time
      String message = Secrets.mask(String.valueOf(e.getMessage()));
      synchronized (this) {
        runs++;
        lastFinish = end;
        lastStatus = "failed";
        lastError = message;
      }
      shared.metrics().failed(c.name(), Duration.between(start, end), failuresInRow);
      log.warn(
          "{}: run failed ({} in a row), next attempt in {}s: {}",
          c.name(),
          failuresInRow,
          Schedule.backoff(c.interval(), failuresInRow).toSeconds(),
          message);
      log.debug("{}: failure detail", c.name(), e);
    } finally {
      synchronized (this) {
        running = false;
      }
    }
  }

  private static void log(DatabaseConfig c, RunReport report, Duration took) {
    MaintenanceOutcome o = report.outcome();
    if (o == null) {
      log.info("{}: {} — nothing done", c.name(), report.status().replace('_', ' '));
      return;
    }
    String text = "{}: run {} in {} ms: {} sets, {} children created, {} dropped, {} sets failed";
    Object[] args = {
      c.name(),
      report.status(),
      took.toMillis(),
      o.sets().size(),
      o.childrenCreated(),
      o.childrenDropped(),
      o.failures()
    };
    if (o.failures() > 0 || !report.warnings().isEmpty()) {
      log.warn(text, args);
      o.sets().stream()
          .filter(SetOutcome::failed)
          .forEach(s -> log.warn("{}: {} failed: {}", c.name(), s.parentTable(), s.error()));
      report.warnings().forEach(w -> log.warn("{}: {}", c.name(), w));
    } else {
      log.info(text, args);
    }
  }

  private synchronized Instant lastStart() {
    return lastStart;
  }

  /** A snapshot of how the database stands. */
  synchronized DatabaseStatus status() {
    return new DatabaseStatus(
        config.name(),
        connection,
        running,
        lastStart,
        lastFinish,
        lastStatus,
        lastError,
        lastSuccess,
        failuresInRow,
        nextRun,
        runs,
        sets,
        warnings);
  }
}
