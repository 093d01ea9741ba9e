package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/**
 * Rows per second of partitionData over a million rows, next to one hand-written {@code WITH moved
 * AS (DELETE … RETURNING *) INSERT …} over the same rows in the same run, for a time set and an id
 * set. Prints the numbers; asserts only that every row arrived. Run with {@code
 * -Dpartman4j.bench=true} ({@code -Dpartman4j.bench.rows=…} to change the row count, {@code
 * -Dpartman4j.bench.index=true} to index the sources' control column).
 */
@PostgresTest
@EnabledIfSystemProperty(named = "partman4j.bench", matches = "true")
class DataMoveBenchIT {

  private static final long ROWS = Long.getLong("partman4j.bench.rows", 1_000_000L);

  @Test
  void timeSet(TestDatabase db) throws Exception {
    compare(
        db,
        "bt",
        "ts timestamptz NOT NULL, n bigint, h text",
        "ts",
        "1 day",
        "'2026-11-23 00:00+00'::timestamptz + (i::bigint * 864000000000 / "
            + ROWS
            + ") * interval '1 microsecond'",
        null);
  }

  @Test
  void idSet(TestDatabase db) throws Exception {
    compare(db, "bi", "id bigint NOT NULL, n bigint, h text", "id", "100000", "i", "0");
  }

  private static void compare(
      TestDatabase db,
      String schema,
      String columns,
      String control,
      String interval,
      String controlValue,
      String start)
      throws Exception {
    db.execute("CREATE SCHEMA " + schema);
    for (String s : new String[] {"a", "b"}) {
      db.execute(
          "CREATE TABLE "
              + schema
              + "."
              + s
              + " ("
              + columns
              + ") PARTITION BY RANGE ("
              + control
              + ")",
          "CREATE TABLE " + schema + ".src_" + s + " (" + columns + ")",
          "INSERT INTO "
              + schema
              + ".src_"
              + s
              + " SELECT "
              + controlValue
              + ", i, md5(i::text) FROM generate_series(1, "
              + ROWS
              + ") i",
          Boolean.getBoolean("partman4j.bench.index")
              ? "CREATE INDEX ON " + schema + ".src_" + s + " (" + control + ")"
              : "SELECT 1",
          "VACUUM ANALYZE " + schema + ".src_" + s);
    }
    Partman partman = DataMoves.partman(db);
    for (String s : new String[] {"a", "b"}) {
      PartitionSetDefinition def =
          PartitionSetDefinition.of(schema + "." + s, control, interval).premake(12);
      partman.createParent(start == null ? def : def.startPartition(start));
    }
    String sourceSum = DataMoves.checksum(db, schema + ".src_b");

    long t0 = System.nanoTime();
    long handWritten;
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      handWritten =
          st.executeLargeUpdate(
              "WITH moved AS (DELETE FROM ONLY "
                  + schema
                  + ".src_a RETURNING *) INSERT INTO "
                  + schema
                  + ".a SELECT * FROM moved");
    }
    double handSeconds = (System.nanoTime() - t0) / 1e9;

    t0 = System.nanoTime();
    PartitionDataResult r =
        partman.partitionData(
            schema + ".b",
            PartitionDataOptions.defaults().sourceTable(schema + ".src_b").analyze(false));
    double partmanSeconds = (System.nanoTime() - t0) / 1e9;

    assertThat(handWritten).isEqualTo(ROWS);
    assertThat(r.rowsMoved()).isEqualTo(ROWS);
    assertThat(DataMoves.checksum(db, schema + ".b")).isEqualTo(sourceSum);
    System.out.printf(
        "BENCH %s set, %d rows%s, PostgreSQL %s: one statement %.0f rows/s (%.2f s);"
            + " partitionData %.0f rows/s (%.2f s, %d batches); ratio %.2f%n",
        schema.equals("bt") ? "time" : "id",
        ROWS,
        Boolean.getBoolean("partman4j.bench.index") ? " (indexed source)" : "",
        db.server().majorVersion(),
        ROWS / handSeconds,
        handSeconds,
        ROWS / partmanSeconds,
        partmanSeconds,
        r.batches(),
        handSeconds / partmanSeconds);
  }
}
