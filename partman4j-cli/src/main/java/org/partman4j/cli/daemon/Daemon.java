package org.partman4j.cli.daemon;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.partman4j.cli.connect.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintenance daemon: one {@link DatabaseWorker} per configured database, the HTTP endpoint,
 * and the metrics. {@link #reload} applies a new configuration without losing any database's state;
 * {@link #stop} lets runs in flight finish.
 *
 * <pre>{@code
 * Daemon daemon = new Daemon(new ConfigLoader(env).load(file), env, PartmanMaintenance::new);
 * daemon.start();
 * daemon.awaitStop();
 * }</pre>
 */
public final class Daemon {

  private static final Logger log = LoggerFactory.getLogger(Daemon.class);

  private static final java.util.concurrent.atomic.AtomicInteger INSTANCES =
      new java.util.concurrent.atomic.AtomicInteger();

  private final DaemonMetrics metrics = new DaemonMetrics();
  private final DatabaseWorker.Shared shared;
  private final Map<String, DatabaseWorker> workers = new LinkedHashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile DaemonConfig config;
  private DaemonHttp http;

  public Daemon(DaemonConfig config, Environment env, MaintenanceFactory factory) {
    this(config, env, factory, Clock.systemUTC());
  }

  Daemon(DaemonConfig config, Environment env, MaintenanceFactory factory, Clock clock) {
    this.config = config;
    this.shared =
        new DatabaseWorker.Shared(
            env, factory, metrics, clock, instanceName(), () -> this.config.historyKeep());
  }

  /** Starts the HTTP endpoint and every database's loop. */
  public synchronized void start() {
    if (config.http().enabled()) {
      http = DaemonHttp.start(config.http(), this);
      log.info("Serving /healthz, /readyz, /status.json and /metrics on {}", http.address());
    }
    for (DatabaseConfig db : config.databases()) {
      startWorker(db);
    }
  }

  /**
   * Applies a new configuration: new databases start, removed ones stop after their run in flight,
   * changed ones take their new settings from their next run and keep their state. The HTTP
   * endpoint keeps its address (a change of it needs a restart).
   */
  public synchronized void reload(DaemonConfig newConfig) {
    config = newConfig;
    Map<String, DatabaseConfig> wanted = new LinkedHashMap<>();
    newConfig.databases().forEach(db -> wanted.put(db.name(), db));
    for (String name : List.copyOf(workers.keySet())) {
      if (!wanted.containsKey(name)) {
        DatabaseWorker gone = workers.remove(name);
        gone.stop();
        metrics.forget(name);
        log.info("{}: removed from the configuration; stopping", name);
      }
    }
    for (DatabaseConfig db : wanted.values()) {
      DatabaseWorker w = workers.get(db.name());
      if (w == null) {
        startWorker(db);
        log.info("{}: added", db.name());
      } else if (!w.config().equals(db)) {
        w.update(db);
        log.info("{}: settings changed", db.name());
      }
    }
  }

  /**
   * Stops: no new run starts; runs in flight finish the set they are on, waiting at most the
   * configured grace. Returns whether everything ended within it.
   */
  public boolean stop() {
    List<DatabaseWorker> all;
    synchronized (this) {
      all = new ArrayList<>(workers.values());
    }
    all.forEach(DatabaseWorker::stop);
    long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
    boolean clean = true;
    try {
      for (DatabaseWorker w : all) {
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        if (!w.awaitStop(left)) {
          log.warn("{}: still running after {}; leaving it", w.name(), config.shutdownGrace());
          clean = false;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      clean = false;
    }
    synchronized (this) {
      if (http != null) {
        http.stop();
        http = null;
      }
    }
    stopped.countDown();
    return clean;
  }

  /** Blocks until {@link #stop} has finished. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** How every database stands. */
  public synchronized List<DatabaseStatus> status() {
    return workers.values().stream().map(DatabaseWorker::status).toList();
  }

  /** The metrics in Prometheus' text format. */
  public String metrics() {
    return metrics.scrape();
  }

  /** The HTTP port, or -1 when HTTP is off. */
  public synchronized int httpPort() {
    return http == null ? -1 : http.address().getPort();
  }

  /** The configuration in force. */
  public DaemonConfig config() {
    return config;
  }

  private void startWorker(DatabaseConfig db) {
    DatabaseWorker w = new DatabaseWorker(db, shared);
    workers.put(db.name(), w);
    w.start();
  }

  /**
   * {@code host:pid}, recorded in the job history so runs of several instances can be told apart; a
   * further daemon in the same process adds {@code #n}.
   */
  private static String instanceName() {
    int n = INSTANCES.incrementAndGet();
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown";
    }
    return host + ":" + ProcessHandle.current().pid() + (n == 1 ? "" : "#" + n);
  }
}
