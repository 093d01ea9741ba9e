package org.partman4j.cli.daemon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The daemon's Prometheus metrics, per database ({@code database} tag) and per set ({@code
 * parent_table} tag): runs by outcome, failed runs, run durations, children created and dropped,
 * failing sets, the time of the last good run, and each set's children, rows in default, runway and
 * failures in a row.
 */
final class DaemonMetrics {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, DatabaseGauges> databases = new ConcurrentHashMap<>();
  private final Map<List<String>, SetGauges> sets = new ConcurrentHashMap<>();

  /** The metrics in Prometheus' text format. */
  String scrape() {
    return registry.scrape();
  }

  /** Counts a run that ended with a report. */
  void ran(String database, RunReport report, Duration took, Instant finished) {
    runs(database, report.status()).increment();
    timer(database).record(took);
    DatabaseGauges g = database(database);
    g.replica = "replica".equals(report.status()) ? 1 : 0;
    g.failuresInRow = 0;
    if (report.maintained()) {
      g.lastSuccess = finished.toEpochMilli() / 1000.0;
      Counter.builder("partman.children.added")
          .description("Children created by maintenance")
          .tag("database", database)
          .register(registry)
          .increment(report.outcome().childrenCreated());
      Counter.builder("partman.children.dropped")
          .description("Children dropped by retention")
          .tag("database", database)
          .register(registry)
          .increment(report.outcome().childrenDropped());
      Counter.builder("partman.set.errors")
          .description("Sets that failed in a run")
          .tag("database", database)
          .register(registry)
          .increment(report.outcome().failures());
      setStandings(database, report.sets());
    }
  }

  /** Counts a run that failed as a whole. */
  void failed(String database, Duration took, int failuresInRow) {
    runs(database, "failed").increment();
    timer(database).record(took);
    database(database).failuresInRow = failuresInRow;
  }

  /** Removes every meter of a database that left the configuration. */
  void forget(String database) {
    List<Meter> gone = new ArrayList<>();
    for (Meter m : registry.getMeters()) {
      if (database.equals(m.getId().getTag("database"))) {
        gone.add(m);
      }
    }
    gone.forEach(registry::remove);
    databases.remove(database);
    sets.keySet().removeIf(k -> k.get(0).equals(database));
  }

  private void setStandings(String database, List<SetStatus> standings) {
    Set<List<String>> seen = new HashSet<>();
    for (SetStatus s : standings) {
      List<String> key = List.of(database, s.parentTable());
      seen.add(key);
      sets.computeIfAbsent(key, k -> new SetGauges(k.get(0), k.get(1))).status = s;
    }
    for (List<String> key : List.copyOf(sets.keySet())) {
      if (key.get(0).equals(database) && !seen.contains(key)) {
        sets.remove(key).remove();
      }
    }
  }

  private Counter runs(String database, String outcome) {
    return Counter.builder("partman.runs")
        .description("Maintenance runs by outcome")
        .tag("database", database)
        .tag("outcome", outcome)
        .register(registry);
  }

  private Timer timer(String database) {
    return Timer.builder("partman.run.duration")
        .description("How long runs take")
        .tag("database", database)
        .register(registry);
  }

  private DatabaseGauges database(String database) {
    return databases.computeIfAbsent(database, DatabaseGauges::new);
  }

  /** A database's gauges, reading fields the runs write. */
  private final class DatabaseGauges {
    volatile double lastSuccess = Double.NaN;
    volatile double replica;
    volatile double failuresInRow;
    private final String database;

    DatabaseGauges(String database) {
      this.database = database;
      gauge(
          "partman.last.success.timestamp",
          "seconds",
          "End of the last good run",
          g -> g.lastSuccess);
      gauge("partman.database.replica", null, "1 when the server is a standby", g -> g.replica);
      gauge("partman.run.failures.in.row", null, "Failed runs in a row", g -> g.failuresInRow);
    }

    private void gauge(
        String name, String unit, String description, ToDoubleFunction<DatabaseGauges> f) {
      Gauge.builder(name, this, f)
          .description(description)
          .baseUnit(unit)
          .tag("database", database)
          .strongReference(true)
          .register(registry);
    }
  }

  /** A set's gauges, reading its latest standing. */
  private final class SetGauges {
    volatile SetStatus status;
    private final List<Meter> meters = new ArrayList<>();

    SetGauges(String database, String parent) {
      add(database, parent, "partman.set.children", "Children of the set", s -> s.children());
      add(
          database,
          parent,
          "partman.set.rows.in.default",
          "Rows in the default partition",
          s -> s.rowsInDefault() == null ? Double.NaN : s.rowsInDefault());
      add(
          database,
          parent,
          "partman.set.runway.seconds",
          "Seconds until the newest child ends",
          s -> s.runwaySeconds() == null ? Double.NaN : s.runwaySeconds());
      add(
          database,
          parent,
          "partman.set.failures.in.row",
          "Failed runs of the set in a row",
          s -> s.consecutiveFailures());
    }

    private void add(
        String database,
        String parent,
        String name,
        String description,
        ToDoubleFunction<SetStatus> f) {
      meters.add(
          Gauge.builder(name, this, g -> g.status == null ? Double.NaN : f.applyAsDouble(g.status))
              .description(description)
              .tag("database", database)
              .tag("parent_table", parent)
              .strongReference(true)
              .register(registry));
    }

    void remove() {
      meters.forEach(registry::remove);
    }
  }
}
