package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/**
 * Dry runs of partitionData and undoPartition: nothing changes, and the statements are the run's.
 * Each case builds two identical sets; the dry run's statements of one are run by hand, the other
 * is moved by the real call, and both must end the same (children, rows in each).
 */
@PostgresTest
class DataMoveDryRunIT {

  private static final Pattern CREATED = Pattern.compile("^CREATE TABLE \"[^\"]+\"\\.\"([^\"]+)\"");

  @Test
  void partitionDataByPagesShowsChildrenThenBatches(TestDatabase db) {
    Partman partman = DataMoves.partman(db);
    for (String s : List.of("a1", "a2")) {
      db.execute(
          "CREATE SCHEMA " + s,
          "CREATE TABLE " + s + ".t (id bigint NOT NULL, v text) PARTITION BY RANGE (id)",
          "CREATE TABLE " + s + ".src (id bigint NOT NULL, v text)",
          "INSERT INTO "
              + s
              + ".src SELECT (g * 7919) % 120000, 'v' || g FROM generate_series(1, 120000) g",
          "ANALYZE " + s + ".src");
      partman.createParent(PartitionSetDefinition.of(s + ".t", "id", "10000").premake(1));
    }
    PartitionDataOptions o = PartitionDataOptions.defaults().sourceTable("a1.src").analyze(false);

    List<String> sql = unchanged(db, () -> partman.partitionDataDryRun("a1.t", o), "a1.t");

    List<String> moves = sql.stream().filter(s -> s.startsWith("WITH moved AS")).toList();
    assertThat(moves).hasSize(3);
    assertThat(moves.get(0))
        .isEqualTo(
            "WITH moved AS (DELETE FROM ONLY \"a1\".\"src\" WHERE ctid >= '(0,0)'::tid AND ctid"
                + " < '("
                + pageOf(moves.get(0))
                + ",0)'::tid AND \"id\" IS NOT NULL RETURNING \"id\", \"v\") INSERT INTO"
                + " \"a1\".\"t\" (\"id\", \"v\") OVERRIDING SYSTEM VALUE SELECT \"id\", \"v\""
                + " FROM moved");
    // Children first, then the batches, as the run sends them.
    assertThat(sql.indexOf(moves.get(0))).isGreaterThan(sql.size() - 4);
    PartitionDataResult real =
        partman.partitionData("a2.t", o.sourceTable("a2.src").analyze(false));
    assertThat(created(sql)).isEqualTo(real.childrenCreated());
    assertThat(real.batches()).isEqualTo(moves.size());
    runByHand(db, sql);
    assertSameOutcome(db, "a1", "a2");
  }

  @Test
  void partitionDataInSmallBatchesAndOutOfTheDefault(TestDatabase db) {
    Partman partman = DataMoves.partman(db);
    for (String s : List.of("b1", "b2")) {
      db.execute(
          "CREATE SCHEMA " + s,
          "CREATE TABLE " + s + ".t (ts timestamptz NOT NULL, n int) PARTITION BY RANGE (ts)",
          "CREATE TABLE " + s + ".src (ts timestamptz NOT NULL, n int)",
          "CREATE INDEX ON " + s + ".src (ts)",
          "INSERT INTO "
              + s
              + ".src SELECT timestamptz '2026-11-01 00:00+00' + g * interval '17 minutes', g"
              + " FROM generate_series(0, 500) g");
      partman.createParent(PartitionSetDefinition.of(s + ".t", "ts", "1 day"));
      db.execute(
          "INSERT INTO "
              + s
              + ".t SELECT timestamptz '2026-11-10 00:00+00' + g * interval '1 hour', -g"
              + " FROM generate_series(0, 47) g");
    }
    // Out of a table, six-hour batches, newest first, at most 9 batches.
    PartitionDataOptions fromTable =
        PartitionDataOptions.defaults()
            .sourceTable("b1.src")
            .batchInterval("6 hours")
            .descending(true)
            .batchCount(9);
    List<String> sql = unchanged(db, () -> partman.partitionDataDryRun("b1.t", fromTable), "b1.t");
    assertThat(sql.get(0)).startsWith("CREATE TABLE \"b1\".\"t_p20261106\"");
    assertThat(sql)
        .contains(
            "WITH moved AS (DELETE FROM ONLY \"b1\".\"src\" WHERE \"ts\" >= (SELECT CAST("
                + "'2026-11-06 15:40:00+00' AS \"pg_catalog\".\"timestamptz\")) AND \"ts\" <"
                + " (SELECT CAST('2026-11-07 00:00:00+00' AS \"pg_catalog\".\"timestamptz\"))"
                + " RETURNING \"ts\", \"n\") INSERT INTO \"b1\".\"t_p20261106\" (\"ts\", \"n\")"
                + " OVERRIDING SYSTEM VALUE SELECT \"ts\", \"n\" FROM moved");
    assertThat(sql.stream().filter(s -> s.startsWith("WITH moved AS"))).hasSize(9);
    assertThat(sql.get(sql.size() - 1)).isEqualTo("ANALYZE \"b1\".\"t\"");
    PartitionDataResult real = partman.partitionData("b2.t", fromTable.sourceTable("b2.src"));
    assertThat(created(sql)).isEqualTo(real.childrenCreated());
    assertThat(real.batches()).isEqualTo(9);

    // Out of the default partition: staging table, child, rows in, in one transaction each.
    List<String> fromDefault =
        unchanged(
            db, () -> partman.partitionDataDryRun("b1.t", PartitionDataOptions.defaults()), "b1.t");
    assertThat(fromDefault.get(0))
        .isEqualTo(
            "CREATE TEMPORARY TABLE \"partman4j_moving_rows\" (LIKE \"b1\".\"t_default\") ON COMMIT DROP");
    assertThat(created(fromDefault)).containsExactly("t_p20261110", "t_p20261111");

    runByHand(db, sql);
    // Each from-default batch is one transaction: run them as such.
    StringBuilder tx = new StringBuilder();
    for (String statement : fromDefault) {
      if (statement.startsWith("CREATE TEMPORARY") && tx.length() > 0) {
        db.execute("BEGIN; " + tx + "; COMMIT");
        tx.setLength(0);
      }
      if (!statement.startsWith("ANALYZE")) {
        tx.append(tx.length() > 0 ? "; " : "").append(statement);
      }
    }
    db.execute("BEGIN; " + tx + "; COMMIT");
    partman.partitionData("b2.t", PartitionDataOptions.defaults());
    assertSameOutcome(db, "b1", "b2");
  }

  @Test
  void undoPartitionShowsBatchesDetachesAndTheConfigRemoval(TestDatabase db) {
    Partman partman = DataMoves.partman(db);
    for (String s : List.of("c1", "c2")) {
      db.execute(
          "CREATE SCHEMA " + s,
          "CREATE TABLE " + s + ".t (id int NOT NULL, v text) PARTITION BY RANGE (id)",
          "CREATE TABLE " + s + ".flat (id int NOT NULL, v text)");
      partman.createParent(PartitionSetDefinition.of(s + ".t", "id", "100").premake(2));
      db.execute("INSERT INTO " + s + ".t SELECT g, 'v' FROM generate_series(0, 450) g");
      partman.partitionData(s + ".t", PartitionDataOptions.defaults());
    }
    UndoOptions o = UndoOptions.into("c1.flat").batchInterval("40").keepTable(false);

    List<String> sql = unchanged(db, () -> partman.undoPartitionDryRun("c1.t", o), "c1.t");

    assertThat(sql.get(0)).startsWith("UPDATE ").contains("undo_in_progress");
    assertThat(sql).contains("ALTER TABLE \"c1\".\"t\" DETACH PARTITION \"c1\".\"t_p0\"");
    assertThat(sql).contains("DROP TABLE \"c1\".\"t_p0\"");
    assertThat(sql).anyMatch(s -> s.startsWith("DELETE FROM ") && s.endsWith("= 'c1.t'"));
    // 0..450 in batches of 40 within children of 100: three per full child, and two in p400.
    assertThat(sql.stream().filter(s -> s.startsWith("WITH moved AS"))).hasSize(14);
    assertThat(
            db.queryString(
                "SELECT undo_in_progress FROM partman.part_config WHERE parent_table = 'c1.t'"))
        .isEqualTo("f");

    for (String statement : sql) {
      db.execute(statement);
    }
    UndoResult real =
        partman.undoPartition(
            "c2.t", UndoOptions.into("c2.flat").batchInterval("40").keepTable(false));
    assertThat(real.batches()).isEqualTo(14);
    assertThat(DataMoves.checksum(db, "c1.flat")).isEqualTo(DataMoves.checksum(db, "c2.flat"));
    assertThat(
            DataMoves.count(
                db,
                "SELECT count(*) FROM partman.part_config WHERE parent_table IN ('c1.t', 'c2.t')"))
        .isZero();
    assertThat(tables(db, "c1")).isEqualTo(tables(db, "c2"));

    // A loop count ends the list where a run would stop.
    db.execute(
        "CREATE SCHEMA c3",
        "CREATE TABLE c3.t (id int NOT NULL, v text) PARTITION BY RANGE (id)",
        "CREATE TABLE c3.flat (id int NOT NULL, v text)");
    partman.createParent(PartitionSetDefinition.of("c3.t", "id", "100").premake(2));
    db.execute("INSERT INTO c3.t SELECT g, 'v' FROM generate_series(0, 250) g");
    List<String> two =
        partman.undoPartitionDryRun("c3.t", UndoOptions.into("c3.flat").loopCount(2));
    assertThat(two.stream().filter(s -> s.startsWith("WITH moved AS"))).hasSize(2);
    // The emptied child is detached before the run stops at the next one holding rows.
    assertThat(two.get(two.size() - 1))
        .isEqualTo("ALTER TABLE \"c3\".\"t\" DETACH PARTITION \"c3\".\"t_p100\"");
    UndoResult stopped = partman.undoPartition("c3.t", UndoOptions.into("c3.flat").loopCount(2));
    assertThat(stopped.complete()).isFalse();
    assertThat(stopped.partitionsUndone()).containsExactly("c3.t_default", "c3.t_p0", "c3.t_p100");
  }

  @Test
  void badInputIsRefusedAndNothingChanges(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA x",
        "CREATE TABLE x.t (id int NOT NULL, v text) PARTITION BY RANGE (id)",
        "CREATE TABLE x.src (id int NOT NULL, v text)",
        "INSERT INTO x.src VALUES (1, 'a')");
    Partman partman = DataMoves.partman(db);
    partman.createParent(PartitionSetDefinition.of("x.t", "id", "10"));
    String catalog = Catalog.snapshot(db.adminDataSource());

    assertRefused(
        () ->
            partman.partitionDataDryRun(
                "x.t", PartitionDataOptions.defaults().sourceTable("x.missing")),
        ErrorCode.OBJECT_NOT_FOUND,
        "The source table x.missing does not exist");
    assertRefused(
        () -> partman.partitionDataDryRun("x.t", PartitionDataOptions.defaults().workers(0)),
        ErrorCode.INVALID_ARGUMENT,
        "number of workers is 0");
    assertRefused(
        () ->
            partman.partitionDataDryRun(
                "x.t", PartitionDataOptions.defaults().sourceTable("x.src").batchInterval("soon")),
        ErrorCode.INVALID_ARGUMENT,
        "The batch interval 'soon' is not a whole number");
    assertRefused(
        () -> partman.partitionDataDryRun("x.nothere", PartitionDataOptions.defaults()),
        ErrorCode.OBJECT_NOT_FOUND,
        "x.nothere");
    assertRefused(
        () -> partman.undoPartitionDryRun("x.t", UndoOptions.into("x.t")),
        ErrorCode.INVALID_ARGUMENT,
        "The target table is the set's parent");
    assertRefused(
        () -> partman.undoPartitionDryRun("x.t", UndoOptions.into("x.gone")),
        ErrorCode.OBJECT_NOT_FOUND,
        "The target table x.gone does not exist");

    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(catalog);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM x.src")).isEqualTo(1);
  }

  /** Runs {@code dryRun} and checks that the catalog and the rows stayed as they were. */
  private static List<String> unchanged(
      TestDatabase db, java.util.function.Supplier<List<String>> dryRun, String set) {
    String catalog = Catalog.snapshot(db.adminDataSource());
    String rows = DataMoves.checksum(db, set);
    String config =
        db.queryString(
            "SELECT row_to_json(c)::text FROM partman.part_config c WHERE parent_table = '"
                + set
                + "'");
    List<String> sql = dryRun.get();
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(catalog);
    assertThat(DataMoves.checksum(db, set)).isEqualTo(rows);
    assertThat(
            db.queryString(
                "SELECT row_to_json(c)::text FROM partman.part_config c WHERE parent_table = '"
                    + set
                    + "'"))
        .isEqualTo(config);
    assertThat(sql).isNotEmpty();
    return sql;
  }

  private static void runByHand(TestDatabase db, List<String> sql) {
    for (String statement : sql) {
      if (!statement.startsWith("CREATE TEMPORARY")) {
        db.execute(statement);
      }
    }
  }

  private static List<String> created(List<String> sql) {
    return sql.stream()
        .map(CREATED::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .filter(n -> !n.startsWith("partman4j"))
        .toList();
  }

  private static String pageOf(String move) {
    Matcher m = Pattern.compile("ctid < '\\((\\d+),0\\)'").matcher(move);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  /** Children (by name) and the rows in each, of two schemas holding the same set. */
  private static void assertSameOutcome(TestDatabase db, String a, String b) {
    assertThat(tables(db, a)).isEqualTo(tables(db, b));
    assertThat(DataMoves.checksum(db, a + ".t")).isEqualTo(DataMoves.checksum(db, b + ".t"));
  }

  private static List<String> tables(TestDatabase db, String schema) {
    return db.queryColumn(
        "SELECT c.relname || ' ' || (xpath('/row/n/text()', query_to_xml('SELECT count(*) AS n"
            + " FROM '||quote_ident(n.nspname)||'.'||quote_ident(c.relname), false, true,"
            + " '')))[1]::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = '"
            + schema
            + "' AND c.relkind IN ('r', 'p') ORDER BY 1");
  }

  private static void assertRefused(Runnable call, ErrorCode code, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(PartmanException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageContaining(message);
  }
}
