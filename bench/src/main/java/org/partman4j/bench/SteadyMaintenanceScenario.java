package org.partman4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.partman4j.MaintenanceResult;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.Partman;
import org.partman4j.testkit.TestDatabase;

/**
 * B1: maintenance with nothing to do. The reference is the least any maintainer must read: one
 * catalog query listing every child of every set with its bounds. Then the cost per set at several
 * set counts, and its slope.
 */
final class SteadyMaintenanceScenario implements Scenario {

  /** Runs per measurement by default: each is a second or two once the sets are built. */
  static final int REPEAT = 5;

  /** Every child of every set in the store, with its bound: the reference read. */
  static final String ALL_CHILDREN =
      "SELECT p.parent_table, c.oid::regclass::text, pg_get_expr(c.relpartbound, c.oid)"
          + " FROM \"partman\".part_config p JOIN pg_inherits i ON i.inhparent = p.parent_table::regclass"
          + " JOIN pg_class c ON c.oid = i.inhrelid";

  @Override
  public String id() {
    return "B1";
  }

  @Override
  public String title() {
    return "steady-state maintenance vs one catalog read of every child";
  }

  @Override
  public List<Row> run(BenchContext ctx) throws Exception {
    BenchSettings s = ctx.settings();
    List<Row> rows = new ArrayList<>();
    // (sets, premake): 2·premake+1 children and a default per set.
    int[][] shapes = s.quick() ? new int[][] {{5, 4}, {10, 1}} : new int[][] {{200, 17}, {1000, 4}};
    boolean withProcess = true;
    for (int[] shape : shapes) {
      TestDatabase db = ctx.freshDatabase("b1_" + shape[0]);
      ctx.note("building " + shape[0] + " sets with premake " + shape[1]);
      SetFixture.registered(db, BenchContext.partman(db), 1, shape[0], daily(shape[1]));
      Measured m = measure(ctx, db, shape[0], withProcess);
      ctx.drop(db);
      rows.add(m.row);
      if (m.process != null) {
        rows.add(m.process);
      }
      withProcess = false;
    }
    int[] counts = s.quick() ? new int[] {5, 10, 20} : new int[] {100, 1000, 5000};
    List<double[]> perSet = new ArrayList<>();
    // One database grows from the smallest count to the largest: the sets already there are the
    // same as a fresh build would make.
    TestDatabase db = ctx.freshDatabase("b1_slope");
    int made = 0;
    for (int n : counts) {
      ctx.note("building sets " + (made + 1) + " to " + n + " with premake 1");
      SetFixture.registered(db, BenchContext.partman(db), made + 1, n, daily(1));
      made = n;
      Measured m = measure(ctx, db, n, false);
      rows.add(m.row);
      perSet.add(new double[] {n, m.row.samples().median()});
    }
    ctx.drop(db);
    double[] first = perSet.get(0);
    double[] last = perSet.get(perSet.size() - 1);
    double slope = (last[1] - first[1]) / (last[0] - first[0]);
    rows.add(
        Row.plain(
            id(),
            String.format(
                Locale.ROOT,
                "slope %d→%d sets (ms per extra set; %.3f at %d, %.3f at %d per set)",
                (int) first[0],
                (int) last[0],
                first[1] / first[0],
                (int) first[0],
                last[1] / last[0],
                (int) last[0]),
            "ms/set",
            new Samples(List.of(slope))));
    return rows;
  }

  private record Measured(Row row, Row process) {}

  private static Function<String, PartitionSetDefinition> daily(int premake) {
    return p -> PartitionSetDefinition.of(p, "ts", "1 day").premake(premake);
  }

  private Measured measure(BenchContext ctx, TestDatabase db, int sets, boolean wholeProcess)
      throws Exception {
    ctx.note("measuring " + sets + " sets");
    Partman partman = BenchContext.partman(db);
    int children = count(db, ALL_CHILDREN);
    MaintenanceResult warm = partman.runMaintenance(); // JIT, caches; may create nothing
    if (!warm.failures().isEmpty()) {
      throw new IllegalStateException("maintenance failed: " + warm.failures());
    }
    List<Double> ours = new ArrayList<>();
    List<Double> reference = new ArrayList<>();
    for (int r = 0; r < ctx.settings().repeat(REPEAT); r++) {
      ours.add(BenchContext.millis(partman::runMaintenance));
      reference.add(BenchContext.millis(() -> count(db, ALL_CHILDREN)));
    }
    Row process = wholeProcess ? wholeProcess(ctx, db, sets, children, reference) : null;
    return new Measured(
        new Row(
            id(),
            sets + " sets, " + children + " tables: runMaintenance in-process",
            "ms",
            new Samples(ours),
            new Samples(reference),
            null,
            null),
        process);
  }

  /**
   * The same maintenance as a {@code partman run-maintenance} process: JVM start, connection and
   * the run. Skipped (null) when the command's jar has not been built.
   */
  private Row wholeProcess(
      BenchContext ctx, TestDatabase db, int sets, int children, List<Double> reference)
      throws Exception {
    Path jar = FootprintScenario.cliJar();
    if (!Files.isRegularFile(jar)) {
      return null;
    }
    String java = FootprintScenario.java();
    String url = BenchContext.urlWithCredentials(db);
    List<Double> runs = new ArrayList<>();
    for (int r = 0; r < ctx.settings().repeat(REPEAT); r++) {
      runs.add(
          FootprintScenario.wallMillis(
              java, "-jar", jar.toString(), "run-maintenance", "--url", url));
    }
    return new Row(
        id(),
        sets + " sets, " + children + " tables: partman run-maintenance process",
        "ms",
        new Samples(runs),
        new Samples(reference),
        null,
        null);
  }

  static int count(TestDatabase db, String query) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      int n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    }
  }
}
