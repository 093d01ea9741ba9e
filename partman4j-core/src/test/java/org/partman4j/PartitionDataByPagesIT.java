package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/**
 * partitionData out of a table with no index on the control column: batches by heap pages that
 * insert through the parent, each reading only its own pages.
 */
@PostgresTest
class PartitionDataByPagesIT {

  /**
   * More than two batches' worth ({@code PageBatches.BATCH_ROWS} is 50,000; the tables are
   * analyzed, so that batches are cut by their real rows per page).
   */
  private static final int ROWS = 120_000;

  @Test
  void rowsInRandomOrderWithAGapMakeOnlyTheChildrenTheyNeed(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA pg",
        "CREATE TABLE pg.t (id bigint NOT NULL, v text) PARTITION BY RANGE (id)",
        "CREATE TABLE pg.src (id bigint, v text)");
    Partman partman = DataMoves.partman(db);
    partman.createParent(PartitionSetDefinition.of("pg.t", "id", "100").premake(1));
    // ids 0..999 and 5000..5999 in random physical order (no rows between), and rows without id.
    db.execute(
        "INSERT INTO pg.src SELECT CASE WHEN g % 2000 < 1000 THEN g % 2000 ELSE 4000 + g % 2000"
            + " END, 'v' || g FROM generate_series(0, "
            + (ROWS - 1)
            + ") g ORDER BY random()",
        "INSERT INTO pg.src VALUES (NULL, 'no id'), (NULL, 'none either')",
        "ANALYZE pg.src");
    String before = DataMoves.checksum(db, "pg.t", "pg.src");

    PartitionDataResult r =
        partman.partitionData(
            "pg.t", PartitionDataOptions.defaults().sourceTable("pg.src").workers(2));

    assertThat(r.rowsMoved()).isEqualTo(ROWS);
    assertThat(r.complete()).isTrue();
    assertThat(r.batches()).isBetween(3L, 4L);
    List<String> expected = new ArrayList<>();
    IntStream.range(2, 10).forEach(k -> expected.add("t_p" + k * 100));
    IntStream.range(50, 60).forEach(k -> expected.add("t_p" + k * 100));
    assertThat(r.childrenCreated()).containsExactlyElementsOf(expected);
    assertThat(DataMoves.checksum(db, "pg.t", "pg.src")).isEqualTo(before);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM pg.src")).isEqualTo(2);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM pg.src WHERE id IS NOT NULL")).isZero();
    assertThat(DataMoves.count(db, "SELECT count(*) FROM pg.t_default")).isZero();
    assertThat(DataMoves.count(db, "SELECT count(*) FROM pg.t_p5300")).isEqualTo(ROWS / 20);
    // Nothing left to move: the rows without a control value stay, as pg_partman leaves them.
    PartitionDataResult again =
        partman.partitionData("pg.t", PartitionDataOptions.defaults().sourceTable("pg.src"));
    assertThat(again.rowsMoved()).isZero();
    assertThat(again.complete()).isTrue();
  }

  @Test
  void descendingTakesTheLastPagesFirstAndBatchCountStopsEarly(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA pd",
        "CREATE TABLE pd.t (ts timestamptz NOT NULL, n int) PARTITION BY RANGE (ts)",
        "CREATE TABLE pd.src (ts timestamptz NOT NULL, n int)");
    Partman partman = DataMoves.partman(db);
    partman.createParent(PartitionSetDefinition.of("pd.t", "ts", "1 day"));
    // Ten days written in time order, as an append-only table is.
    db.execute(
        "INSERT INTO pd.src SELECT timestamptz '2026-10-01 00:00+00' + g * interval '1 day' * 10 / "
            + ROWS
            + ", g FROM generate_series(0, "
            + (ROWS - 1)
            + ") g",
        "ANALYZE pd.src");
    String before = DataMoves.checksum(db, "pd.t", "pd.src");

    PartitionDataResult first =
        partman.partitionData(
            "pd.t",
            PartitionDataOptions.defaults().sourceTable("pd.src").descending(true).batchCount(1));

    assertThat(first.batches()).isEqualTo(1);
    assertThat(first.complete()).isFalse();
    assertThat(first.rowsMoved()).isBetween(1L, 50_000L);
    // The newest rows went first; only the children of that batch were made.
    assertThat(
            db.queryString(
                "SELECT (SELECT max(ts) FROM pd.src) < (SELECT min(ts) FROM pd.t)"
                    + " AND (SELECT max(n) FROM pd.t) = "
                    + (ROWS - 1)))
        .isEqualTo("t");
    assertThat(first.childrenCreated()).first().isEqualTo("t_p20261010");
    assertThat(first.childrenCreated()).hasSizeLessThanOrEqualTo(5);

    PartitionDataResult rest =
        partman.partitionData(
            "pd.t", PartitionDataOptions.defaults().sourceTable("pd.src").workers(2));

    assertThat(rest.complete()).isTrue();
    assertThat(first.rowsMoved() + rest.rowsMoved()).isEqualTo(ROWS);
    assertThat(DataMoves.checksum(db, "pd.t", "pd.src")).isEqualTo(before);
    assertThat(first.childrenCreated().size() + rest.childrenCreated().size()).isEqualTo(10);
    assertThat(DataMoves.count(db, "SELECT count(*) FROM pd.t_p20261005")).isEqualTo(ROWS / 10);
  }

  @Test
  void aLockedRowHoldsBackItsWholeBatchOnly(TestDatabase db) throws Exception {
    db.execute(
        "CREATE SCHEMA pl",
        "CREATE TABLE pl.t (id int NOT NULL, v text) PARTITION BY RANGE (id)",
        "CREATE TABLE pl.src (id int NOT NULL, v text)");
    Partman partman = DataMoves.partman(db);
    partman.createParent(PartitionSetDefinition.of("pl.t", "id", "10000").premake(1));
    db.execute(
        "INSERT INTO pl.src SELECT g, 'v' FROM generate_series(1, " + ROWS + ") g ORDER BY g",
        "ANALYZE pl.src");
    String before = DataMoves.checksum(db, "pl.t", "pl.src");
    try (Connection holder = db.dataSource().getConnection();
        Statement st = holder.createStatement()) {
      holder.setAutoCommit(false);
      // The last row: the batches before its own go through.
      st.executeQuery("SELECT * FROM pl.src WHERE id = " + ROWS + " FOR UPDATE").close();

      assertThatThrownBy(
              () ->
                  partman.partitionData(
                      "pl.t",
                      PartitionDataOptions.defaults()
                          .sourceTable("pl.src")
                          .lockWait(Duration.ofMillis(100), 2)))
          .isInstanceOfSatisfying(
              PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT))
          .hasMessageContaining("nothing of this step was done");

      long left = DataMoves.count(db, "SELECT count(*) FROM pl.src");
      assertThat(left).isBetween(1L, 50_000L);
      assertThat(DataMoves.count(db, "SELECT min(id) FROM pl.src")).isEqualTo(ROWS - left + 1);
      holder.rollback();
    }
    PartitionDataResult r =
        partman.partitionData("pl.t", PartitionDataOptions.defaults().sourceTable("pl.src"));
    assertThat(r.complete()).isTrue();
    assertThat(DataMoves.count(db, "SELECT count(*) FROM pl.src")).isZero();
    assertThat(DataMoves.checksum(db, "pl.t", "pl.src")).isEqualTo(before);
  }

  @Test
  void eachBatchReadsOnlyItsOwnPages(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA px",
        "CREATE TABLE px.t (id int NOT NULL, v text) PARTITION BY RANGE (id)",
        "CREATE TABLE px.t_p0 PARTITION OF px.t FOR VALUES FROM (0) TO (1000)",
        "CREATE TABLE px.src (id int NOT NULL, v text)",
        "INSERT INTO px.src SELECT g % 1000, 'v' FROM generate_series(1, 20000) g",
        "VACUUM ANALYZE px.src");
    // EXPLAIN of the very statement a batch runs.
    String sql =
        org.partman4j.sql.DataSql.move(
            org.partman4j.model.TableName.parse("px.src"),
            org.partman4j.model.TableName.parse("px.t"),
            List.of("id", "v"),
            org.partman4j.sql.DataSql.pages("id", 10, 20));
    List<String> lines = db.queryColumn("EXPLAIN " + sql);
    assertThat(String.join("\n", lines)).contains("Tid Range Scan on src");
    assertThat(String.join("\n", lines)).doesNotContain("Seq Scan");
  }
}
