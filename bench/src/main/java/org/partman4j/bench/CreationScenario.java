package org.partman4j.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.partman4j.MaintenanceResult;
import org.partman4j.Partman;
import org.partman4j.testkit.TestDatabase;

/**
 * B2 and the B5 writer stall during it: maintenance gives {@code sets} daily sets {@code perSet}
 * future children each (their premake was raised) while a writer inserts into them. The reference
 * sends the same {@code CREATE TABLE … (LIKE …)} and {@code ATTACH PARTITION} statements as one
 * script over one connection, to a database prepared the same way.
 */
final class CreationScenario implements Scenario {

  /** Measured rounds by default (after one warm-up round): about a minute each. */
  static final int REPEAT = 3;

  @Override
  public String id() {
    return "B2";
  }

  @Override
  public String title() {
    return "maintenance creating children vs the same DDL as one script";
  }

  @Override
  public List<Row> run(BenchContext ctx) throws Exception {
    BenchSettings s = ctx.settings();
    int sets = s.size(200, 4);
    int perSet = s.size(26, 3);
    List<Double> ours = new ArrayList<>();
    List<Double> reference = new ArrayList<>();
    List<Double> worst = new ArrayList<>();
    List<Double> p99 = new ArrayList<>();
    List<Double> failed = new ArrayList<>();
    int made = 0;
    // Both sides start from copies of one database holding the registered sets.
    TestDatabase template = ctx.freshDatabase("b2_template");
    ctx.note("building " + sets + " sets");
    List<String> parents =
        SetFixture.registeredDaily(template, BenchContext.partman(template), sets, 1);
    Map<String, String> before = SetFixture.children(template, parents);
    // The first round warms the JVM and the server's caches; it is not reported (unless quick).
    int warmups = s.quick() ? 0 : 1;
    for (int r = 0; r < s.repeat(REPEAT) + warmups; r++) {
      boolean warmup = r < warmups;
      ctx.note(warmup ? "warm-up round" : "round " + (r - warmups + 1));
      TestDatabase a = ctx.copy(template, "b2_partman");
      Partman partman = BenchContext.partman(a);
      // premake 1 → 1 + perSet: maintenance makes perSet future children in every set.
      a.execute(
          "UPDATE \"partman\".part_config SET infinite_time_partitions = true, premake = "
              + (1 + perSet));
      WriterStall writer = new WriterStall(a.dataSource(), quoted(parents, 10));
      MaintenanceResult[] result = new MaintenanceResult[1];
      double oursMs = BenchContext.millis(() -> result[0] = partman.runMaintenance());
      if (!result[0].failures().isEmpty()) {
        throw new IllegalStateException("maintenance failed: " + result[0].failures());
      }
      WriterStall.Stats stats = writer.stop();
      if (!warmup) {
        ours.add(oursMs);
        worst.add(stats.worstMs());
        p99.add(stats.p99Ms());
        failed.add((double) stats.failures());
      }
      Map<String, String> added = new HashMap<>(SetFixture.children(a, parents));
      added.keySet().removeAll(before.keySet());
      made = added.size();
      List<String> script = SetFixture.createStatements(new TreeMap<>(added));
      ctx.drop(a);

      TestDatabase b = ctx.copy(template, "b2_reference");
      double referenceMs =
          BenchContext.millis(() -> BenchContext.runScript(b.dataSource(), script));
      if (!warmup) {
        reference.add(referenceMs);
      }
      ctx.drop(b);
    }
    ctx.drop(template);
    String what = made + " children in " + sets + " sets";
    return List.of(
        Row.timeAgainst(id(), what, new Samples(ours), new Samples(reference), 1.3),
        Row.under("B5", "worst insert stall during " + what, "ms", new Samples(worst), 100),
        Row.plain("B5", "p99 insert latency during " + what, "ms", new Samples(p99)),
        Row.under("B5", "failed inserts during " + what, "inserts", new Samples(failed), 1));
  }

  static List<String> quoted(List<String> parents, int max) {
    return parents.stream().limit(max).map(SetFixture::quoted).toList();
  }
}
