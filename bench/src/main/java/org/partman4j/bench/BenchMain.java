package org.partman4j.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.partman4j.testkit.PostgresServer;
import org.partman4j.testkit.TestDatabase;

/**
 * Runs the benchmark scenarios and prints their table. Usage: {@code bench/run [--quick] [--repeat
 * N] [--only B2,B6] [--json FILE] [--url JDBC-URL]}. Without {@code --url} an embedded PostgreSQL
 * is started (major version chosen at build time by {@code -Dpg.version}); with it, the given user
 * must be able to create databases and roles, as for the test suite.
 */
public final class BenchMain {

  private BenchMain() {}

  static List<Scenario> scenarios() {
    return List.of(
        new SteadyMaintenanceScenario(),
        new CreationScenario(),
        new RetentionScenario(),
        new DataMovementScenario(),
        new FootprintScenario());
  }

  public static void main(String[] args) throws Exception {
    BenchSettings settings;
    try {
      settings = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    long start = System.nanoTime();
    List<Row> rows = run(settings, System.out);
    System.out.println();
    System.out.print(Report.table(rows));
    System.out.println("JSON: " + settings.json().toAbsolutePath());
    System.out.println("Total: " + elapsed(start));
  }

  /** Runs every selected scenario, writes the JSON file, and returns the rows. */
  static List<Row> run(BenchSettings settings, java.io.PrintStream progress) throws Exception {
    if (settings.url() != null) {
      System.setProperty(PostgresServer.EXTERNAL_URL_PROPERTY, settings.url());
    }
    List<Row> rows = new ArrayList<>();
    try (BenchContext ctx = new BenchContext(settings, progress)) {
      for (Scenario s : scenarios()) {
        if (settings.selected(s.id())) {
          progress.println(s.id() + ": " + s.title() + " …");
          long start = System.nanoTime();
          rows.addAll(s.run(ctx));
          progress.println(s.id() + ": done in " + elapsed(start));
        }
      }
    }
    Report.writeJson(settings.json(), Report.json(rows, serverVersion(), machine()));
    return rows;
  }

  /** "3 min 12 s" since {@code startNanos}. */
  static String elapsed(long startNanos) {
    long s = Math.round((System.nanoTime() - startNanos) / 1e9);
    return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
  }

  static BenchSettings parse(String[] args) {
    Integer repeat = null;
    boolean quick = false;
    Set<String> only = new LinkedHashSet<>();
    Path json = Path.of("bench", "target", "bench-results.json");
    String url = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--quick" -> quick = true;
        case "--repeat" -> repeat = positive(a, value(args, ++i, a));
        case "--only" -> {
          for (String id : value(args, ++i, a).split(",")) {
            only.add(id.trim().toUpperCase(java.util.Locale.ROOT));
          }
        }
        case "--json" -> json = Path.of(value(args, ++i, a));
        case "--url" -> url = value(args, ++i, a);
        default ->
            throw new IllegalArgumentException(
                "unknown argument '"
                    + a
                    + "'; use --quick, --repeat N, --only B2,B6, --json FILE, --url JDBC-URL");
      }
    }
    Set<String> known = new LinkedHashSet<>();
    scenarios().forEach(s -> known.add(s.id()));
    for (String id : only) {
      if (!known.contains(id)) {
        throw new IllegalArgumentException(
            "no scenario " + id + "; the scenarios are " + String.join(", ", known));
      }
    }
    return new BenchSettings(repeat, quick, Set.copyOf(only), json, url);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int positive(String option, String v) {
    try {
      int n = Integer.parseInt(v);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(option + " must be a whole number ≥ 1; got '" + v + "'");
  }

  private static String serverVersion() throws Exception {
    try (TestDatabase db = TestDatabase.create("bench_version");
        Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String machine() {
    return System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch")
        + ", "
        + Runtime.getRuntime().availableProcessors()
        + " cores, Java "
        + System.getProperty("java.version");
  }
}
