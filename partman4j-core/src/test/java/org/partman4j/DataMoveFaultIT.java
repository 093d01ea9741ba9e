package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/**
 * Crash safety: partitionData and undoPartition run in a process of their own ({@link
 * DataMoveMain}) that is killed with SIGKILL at random moments. After every kill, the rows of
 * source and set together are exactly the rows there were (same count, same checksum over every
 * column); after the kills, a rerun completes.
 */
@PostgresTest
class DataMoveFaultIT {

  /**
   * Kills per set, two or three sets per test. The killed runs pause 25 ms after each batch, which
   * bounds how far one run gets before its kill (at most 1.3 s), so that the sets below hold more
   * than ten runs' work however fast the machine is; the final runs do not pause.
   */
  private static final int KILLS_PER_SET = 10;

  /** Rows per batch by pages in the killed runs: many batches from a small table. */
  private static final int PAGE_BATCH_ROWS = 200;

  private final Random random = new Random(Long.getLong("partman4j.fault.seed", System.nanoTime()));

  @Test
  void partitionDataSurvivesKills(TestDatabase db) throws Exception {
    setUp(db);
    // Time set: rows of a table in another schema, in one-hour batches.
    db.execute(
        "INSERT INTO old.t SELECT '2026-10-01 00:00+00'::timestamptz + i * interval '60 seconds',"
            + " i, md5(i::text) FROM generate_series(0, 57600) i");
    // Id set: rows stuck in the default partition, one child's range per batch.
    db.execute("INSERT INTO f.ids SELECT i, md5(i::text) FROM generate_series(1000, 40000) i");
    // Id set from a table with no index, rows in random order: batches by pages through the
    // parent (200 rows each here), children made up front.
    db.execute(
        "INSERT INTO old.ids SELECT i, md5(i::text) FROM generate_series(0, 59999) i"
            + " ORDER BY random()");
    String time = DataMoves.checksum(db, "f.t", "old.t");
    String ids = DataMoves.checksum(db, "f.ids");
    String pages = DataMoves.checksum(db, "f.pages", "old.ids");

    int interrupted =
        killRepeatedly(db, List.of("data", "f.t", "old.t", "1 hour", "25"), "f.t", "old.t", time)
            + killRepeatedly(db, List.of("data", "f.ids", "-", "100", "25"), "f.ids", null, ids);
    int byPages =
        killRepeatedly(
            db, List.of("data", "f.pages", "old.ids", "-", "25"), "f.pages", "old.ids", pages);

    assertThat(runToEnd(db, List.of("data", "f.t", "old.t", "1 hour", "0"))).endsWith("true");
    assertThat(runToEnd(db, List.of("data", "f.ids", "-", "100", "0"))).endsWith("true");
    assertThat(runToEnd(db, List.of("data", "f.pages", "old.ids", "-", "0"))).endsWith("true");
    assertThat(DataMoves.checksum(db, "f.t", "old.t")).isEqualTo(time);
    assertThat(DataMoves.checksum(db, "f.ids")).isEqualTo(ids);
    assertThat(DataMoves.checksum(db, "f.pages", "old.ids")).isEqualTo(pages);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM old.t")).isZero();
    assertThat(DataMoves.count(db, "SELECT count(*) FROM f.ids_default")).isZero();
    assertThat(DataMoves.count(db, "SELECT count(*) FROM old.ids")).isZero();
    assertThat(DataMoves.count(db, "SELECT count(*) FROM f.pages_default")).isZero();
    assertThat(interrupted).as("kills that left the move half done").isGreaterThanOrEqualTo(4);
    assertThat(byPages).as("kills that left the move by pages half done").isGreaterThanOrEqualTo(2);
  }

  @Test
  void undoPartitionSurvivesKills(TestDatabase db) throws Exception {
    setUp(db);
    db.execute(
        "INSERT INTO f.t SELECT '2026-11-18 00:00+00'::timestamptz + i * interval '20 seconds',"
            + " i, md5(i::text) FROM generate_series(0, 30000) i",
        "INSERT INTO f.ids SELECT i, md5(i::text) FROM generate_series(0, 10000) i");
    Partman partman = DataMoves.partman(db);
    partman.partitionData("f.t", PartitionDataOptions.defaults());
    partman.partitionData("f.ids", PartitionDataOptions.defaults());
    String time = DataMoves.checksum(db, "f.t", "f.t_flat");
    String ids = DataMoves.checksum(db, "f.ids", "f.ids_flat");

    int interrupted =
        killRepeatedly(
                db, List.of("undo", "f.t", "f.t_flat", "15 minutes", "25"), "f.t", "f.t_flat", time)
            + killRepeatedly(
                db, List.of("undo", "f.ids", "f.ids_flat", "20", "25"), "f.ids", "f.ids_flat", ids);

    for (List<String> args :
        List.of(
            List.of("undo", "f.t", "f.t_flat", "15 minutes", "0"),
            List.of("undo", "f.ids", "f.ids_flat", "20", "0"))) {
      // A kill may have come after the last detach: then there is nothing left to rerun.
      if (DataMoves.count(
              db,
              "SELECT count(*) FROM partman.part_config WHERE parent_table = '" + args.get(1) + "'")
          > 0) {
        assertThat(runToEnd(db, args)).endsWith("true");
      }
    }
    assertThat(DataMoves.checksum(db, "f.t", "f.t_flat")).isEqualTo(time);
    assertThat(DataMoves.checksum(db, "f.ids", "f.ids_flat")).isEqualTo(ids);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM f.t_flat")).isEqualTo(30001);
    assertThat(
            DataMoves.count(
                db,
                "SELECT count(*) FROM partman.part_config WHERE parent_table IN ('f.t', 'f.ids')"))
        .isZero();
    assertThat(interrupted).as("kills that left the undo half done").isGreaterThanOrEqualTo(4);
  }

  private static void setUp(TestDatabase db) {
    db.execute("DROP SCHEMA IF EXISTS f, old CASCADE");
    try {
      db.execute("DELETE FROM partman.part_config WHERE parent_table IN ('f.t', 'f.ids')");
    } catch (IllegalStateException e) {
      // no store yet: the first test of the class
    }
    db.execute(
        "CREATE SCHEMA f",
        "CREATE SCHEMA old",
        "CREATE TABLE f.t (ts timestamptz NOT NULL, n int, h text) PARTITION BY RANGE (ts)",
        "CREATE TABLE old.t (ts timestamptz NOT NULL, n int, h text)",
        "CREATE INDEX ON old.t (ts)",
        "CREATE TABLE f.t_flat (ts timestamptz NOT NULL, n int, h text)",
        "CREATE TABLE f.ids (id bigint NOT NULL, h text) PARTITION BY RANGE (id)",
        "CREATE TABLE f.ids_flat (id bigint NOT NULL, h text)",
        "CREATE TABLE f.pages (id bigint NOT NULL, h text) PARTITION BY RANGE (id)",
        "CREATE TABLE old.ids (id bigint NOT NULL, h text)");
    Partman partman = DataMoves.partman(db);
    partman.createParent(PartitionSetDefinition.of("f.t", "ts", "1 day"));
    partman.createParent(PartitionSetDefinition.of("f.ids", "id", "100").premake(1));
    partman.createParent(PartitionSetDefinition.of("f.pages", "id", "20000").premake(1));
  }

  /**
   * Starts the move and kills it {@link #KILLS_PER_SET} times; after each kill the checksum must
   * hold. Returns how many kills hit a move that had started and not finished.
   */
  private int killRepeatedly(
      TestDatabase db, List<String> args, String set, String other, String checksum)
      throws Exception {
    String[] tables = other == null ? new String[] {set} : new String[] {set, other};
    int interrupted = 0;
    String last = rowsOutside(db, args, set, other);
    for (int i = 0; i < KILLS_PER_SET; i++) {
      long t0 = System.nanoTime();
      Process p = start(db, args, null);
      // Kill at a random moment after the first batch was committed: measured from the process's
      // start instead, a slow JVM start on a busy machine would make every kill come too early.
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      long delay = random.nextInt(600);
      boolean finished =
          first == null || first.startsWith("DONE") || p.waitFor(delay, TimeUnit.MILLISECONDS);
      if (!finished) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      } else {
        p.waitFor(60, TimeUnit.SECONDS);
      }
      assertThat(DataMoves.checksum(db, tables)).as("checksum after kill " + i).isEqualTo(checksum);
      String now = rowsOutside(db, args, set, other);
      System.err.printf(
          "fault %s %s: kill %d after %d ms (finished %s), %s rows outside, %d ms in all%n",
          args.get(0), set, i, delay, finished, now, (System.nanoTime() - t0) / 1_000_000);
      if (!finished && !now.equals(last) && !now.equals("0")) {
        interrupted++;
      }
      last = now;
      assertThat(now)
          .as("rows left to move after kill " + i + " (too little data?)")
          .isNotEqualTo("0");
    }
    return interrupted;
  }

  /** Rows not yet where the move puts them. */
  private static String rowsOutside(TestDatabase db, List<String> args, String set, String other) {
    if (args.get(0).equals("undo")) {
      return db.queryString("SELECT count(*) FROM " + set);
    }
    return db.queryString(
        other == null
            ? "SELECT count(*) FROM " + set + "_default"
            : "SELECT count(*) FROM " + other);
  }

  private static String runToEnd(TestDatabase db, List<String> args) throws Exception {
    Path out = Files.createTempFile("partman4j-fault", ".out");
    try {
      Process p = start(db, args, out.toFile());
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String text = Files.readString(out).strip();
      assertThat(p.exitValue()).as(text).isZero();
      return text;
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static Process start(TestDatabase db, List<String> args, File output) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            java,
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "-Duser.timezone=Asia/Kolkata",
            "-Dpartman4j.pageBatchRows=" + PAGE_BATCH_ROWS,
            "-cp",
            classpath,
            DataMoveMain.class.getName(),
            args.get(0),
            db.jdbcUrl(),
            db.ownerRole(),
            db.ownerPassword()));
    command.addAll(args.subList(1, args.size()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (output != null) {
      pb.redirectOutput(ProcessBuilder.Redirect.to(output));
    }
    return pb.start();
  }
}
