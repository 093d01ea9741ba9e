package org.partman4j.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.partman4j.MaintenanceResult;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.Partman;
import org.partman4j.testkit.Sql;
import org.partman4j.testkit.TestDatabase;

/**
 * B3 and the B5 writer stall during it: maintenance retires {@code sets × old} children by a
 * retention policy (dropped, {@code retention_keep_table = false}) while a writer inserts into the
 * sets. The reference drops the same tables with one script of {@code DROP TABLE} statements.
 */
final class RetentionScenario implements Scenario {

  /** Rounds by default: about half a minute each. */
  static final int REPEAT = 3;

  @Override
  public String id() {
    return "B3";
  }

  @Override
  public String title() {
    return "retention dropping children vs the same DROP TABLE statements as one script";
  }

  @Override
  public List<Row> run(BenchContext ctx) throws Exception {
    BenchSettings s = ctx.settings();
    int sets = s.size(200, 4);
    int old = s.size(50, 3);
    List<Double> ours = new ArrayList<>();
    List<Double> reference = new ArrayList<>();
    List<Double> worst = new ArrayList<>();
    List<Double> p99 = new ArrayList<>();
    List<Double> failed = new ArrayList<>();
    int dropped = 0;
    // Both sides start from copies of one database holding the sets and their history.
    TestDatabase template = ctx.freshDatabase("b3_template");
    ctx.note("building " + sets + " sets with " + old + " days of history");
    List<String> parents = setsWithHistory(template, sets, old);
    for (int r = 0; r < s.repeat(REPEAT); r++) {
      ctx.note("round " + (r + 1));
      TestDatabase a = ctx.copy(template, "b3_partman");
      WriterStall writer = new WriterStall(a.dataSource(), CreationScenario.quoted(parents, 10));
      Partman partman = BenchContext.partman(a);
      MaintenanceResult[] result = new MaintenanceResult[1];
      ours.add(BenchContext.millis(() -> result[0] = partman.runMaintenance()));
      WriterStall.Stats stats = writer.stop();
      if (!result[0].failures().isEmpty()) {
        throw new IllegalStateException("maintenance failed: " + result[0].failures());
      }
      List<String> drops = new ArrayList<>();
      result[0]
          .sets()
          .forEach(
              set ->
                  set.childrenDropped()
                      .forEach(
                          c ->
                              drops.add(
                                  "DROP TABLE "
                                      + Sql.ident(SetFixture.SCHEMA)
                                      + "."
                                      + Sql.ident(c))));
      dropped = drops.size();
      worst.add(stats.worstMs());
      p99.add(stats.p99Ms());
      failed.add((double) stats.failures());
      ctx.drop(a);

      TestDatabase b = ctx.copy(template, "b3_reference");
      reference.add(BenchContext.millis(() -> BenchContext.runScript(b.dataSource(), drops)));
      ctx.drop(b);
    }
    ctx.drop(template);
    String what = dropped + " children dropped in " + sets + " sets";
    return List.of(
        Row.timeAgainst(id(), what, new Samples(ours), new Samples(reference), 1.3),
        Row.under("B5", "worst insert stall during " + what, "ms", new Samples(worst), 100),
        Row.plain("B5", "p99 insert latency during " + what, "ms", new Samples(p99)),
        Row.under("B5", "failed inserts during " + what, "inserts", new Samples(failed), 1));
  }

  /**
   * Daily sets whose children reach {@code old} days back, each holding a row, with a retention
   * that makes all but the last few of those old children due.
   */
  private static List<String> setsWithHistory(TestDatabase db, int sets, int old) {
    String start = LocalDate.now(ZoneOffset.UTC).minusDays(old + 2L).toString();
    List<String> parents =
        SetFixture.registered(
            db,
            BenchContext.partman(db),
            1,
            sets,
            p -> PartitionSetDefinition.of(p, "ts", "1 day").premake(2).startPartition(start));
    List<String> rows = new ArrayList<>();
    for (String p : parents) {
      rows.add("INSERT INTO " + SetFixture.quoted(p) + " (ts) VALUES (now())");
    }
    rows.add(
        "UPDATE \"partman\".part_config SET retention = '2 days', retention_keep_table = false");
    SetFixture.runInChunks(db, rows);
    return parents;
  }
}
