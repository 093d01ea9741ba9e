package org.partman4j.bench;

import java.util.ArrayList;
import java.util.List;
import org.partman4j.PartitionDataOptions;
import org.partman4j.PartitionDataResult;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.Partman;
import org.partman4j.testkit.Sql;
import org.partman4j.testkit.TestDatabase;

/**
 * B4: rows moved from a plain source table into a daily set and into an id set by partitionData
 * (one worker, then two), against one {@code WITH moved AS (DELETE … RETURNING *) INSERT …}
 * statement over the same rows into a set prepared the same way.
 */
final class DataMovementScenario implements Scenario {

  /** Rounds by default: about a minute each (two sets, three runs of 5 million rows). */
  static final int REPEAT = 3;

  private record Shape(String name, String control, String type, String interval, String value) {}

  @Override
  public String id() {
    return "B4";
  }

  @Override
  public String title() {
    return "partitionData vs one DELETE … RETURNING / INSERT statement";
  }

  @Override
  public List<Row> run(BenchContext ctx) throws Exception {
    long rows = ctx.settings().quick() ? 20_000 : 5_000_000;
    int days = 50;
    List<Shape> shapes =
        List.of(
            new Shape(
                "daily set",
                "ts",
                "timestamptz",
                "1 day",
                "timestamptz '2026-01-01 00:00+00' + (g::bigint * "
                    + (days * 86_400L)
                    + " / "
                    + rows
                    + ") * interval '1 second'"),
            new Shape("id set", "id", "bigint", String.valueOf(rows / days), "g"));
    List<Row> out = new ArrayList<>();
    for (Shape shape : shapes) {
      List<Double> one = new ArrayList<>();
      List<Double> two = new ArrayList<>();
      List<Double> reference = new ArrayList<>();
      // Every run starts from a copy of one database holding the set and the filled source.
      TestDatabase template = ctx.freshDatabase("b4_template");
      ctx.note("filling the source for the " + shape.name());
      prepare(template, shape, rows);
      for (int r = 0; r < ctx.settings().repeat(REPEAT); r++) {
        ctx.note(shape.name() + ", round " + (r + 1));
        one.add(ours(ctx, template, rows, 1));
        two.add(ours(ctx, template, rows, 2));
        reference.add(reference(ctx, template, rows));
      }
      ctx.drop(template);
      String what = String.format("%,d rows into a %s", rows, shape.name());
      out.add(
          Row.rateAgainst(
              id(), what + ", 1 worker", new Samples(one), new Samples(reference), 0.8));
      out.add(
          new Row(
              id(),
              what + ", 2 workers",
              "rows/s",
              new Samples(two),
              new Samples(reference),
              null,
              null));
    }
    return out;
  }

  private double ours(BenchContext ctx, TestDatabase template, long rows, int workers)
      throws Exception {
    TestDatabase db = ctx.copy(template, "b4_partman");
    try {
      Partman partman = BenchContext.partman(db);
      PartitionDataResult[] result = new PartitionDataResult[1];
      double ms =
          BenchContext.millis(
              () ->
                  result[0] =
                      partman.partitionData(
                          "bench.moved",
                          PartitionDataOptions.defaults()
                              .sourceTable("bench.source")
                              .workers(workers)
                              .analyze(false)));
      if (result[0].rowsMoved() != rows) {
        throw new IllegalStateException(
            "partitionData moved " + result[0].rowsMoved() + " rows of " + rows);
      }
      return rows / (ms / 1000);
    } finally {
      ctx.drop(db);
    }
  }

  private double reference(BenchContext ctx, TestDatabase template, long rows) throws Exception {
    TestDatabase db = ctx.copy(template, "b4_reference");
    try {
      double ms =
          BenchContext.millis(
              () ->
                  BenchContext.runScript(
                      db.dataSource(),
                      List.of(
                          "WITH moved AS (DELETE FROM bench.source RETURNING *)"
                              + " INSERT INTO bench.moved SELECT * FROM moved")));
      String left = db.queryString("SELECT count(*) FROM bench.source");
      if (!"0".equals(left)) {
        throw new IllegalStateException("the reference left " + left + " rows");
      }
      return rows / (ms / 1000);
    } finally {
      ctx.drop(db);
    }
  }

  /** The set with every child the rows need already made, and the source table filled. */
  private static void prepare(TestDatabase db, Shape shape, long rows) {
    String columns = shape.control() + " " + shape.type() + " NOT NULL, n bigint, h text";
    db.execute(
        "CREATE SCHEMA bench",
        "CREATE TABLE bench.moved (" + columns + ") PARTITION BY RANGE (" + shape.control() + ")",
        "CREATE TABLE bench.source (" + columns + ")",
        "INSERT INTO bench.source SELECT "
            + shape.value()
            + ", g, md5(g::text) FROM generate_series(0, "
            + (rows - 1)
            + ") g",
        "VACUUM ANALYZE bench.source");
    Partman partman = BenchContext.partman(db);
    partman.install();
    PartitionSetDefinition set =
        PartitionSetDefinition.of("bench.moved", shape.control(), shape.interval()).premake(1);
    set =
        shape.type().equals("bigint")
            ? set.startPartition("0")
            : set.startPartition("2026-01-01 00:00:00+00");
    partman.createParent(set);
    // Children up to the newest row: the same tables on both sides before the move.
    String max = db.queryString("SELECT max(" + shape.control() + ")::text FROM bench.source");
    partman.createPartition("bench.moved", childStarts(db, shape, max));
  }

  private static List<String> childStarts(TestDatabase db, Shape shape, String max) {
    String series =
        shape.type().equals("bigint")
            ? "SELECT g::text FROM generate_series(0, "
                + Sql.literal(max)
                + "::bigint, "
                + Sql.literal(shape.interval())
                + "::bigint) g"
            : "SELECT to_char(g, 'YYYY-MM-DD HH24:MI:SSOF') FROM generate_series("
                + "timestamptz '2026-01-01 00:00+00', "
                + Sql.literal(max)
                + "::timestamptz, interval '1 day') g";
    return db.queryColumn(series);
  }
}
