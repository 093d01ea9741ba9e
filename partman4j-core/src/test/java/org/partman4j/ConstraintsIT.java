package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/** applyConstraints, dropConstraints and reapplyConstraints against PostgreSQL. */
@PostgresTest
class ConstraintsIT {

  private static final Instant NOW = CreateParentGoldenIT.NOW; // 2026-11-22, a Sunday

  private static Partman partman(TestDatabase db) {
    return CreateParentGoldenIT.partman(db, "UTC", NOW);
  }

  /** {@code child constraint definition [NOT VALID]} of every partman constraint in a schema. */
  private static List<String> constraints(TestDatabase db, String schema) {
    return db.queryColumn(
        "SELECT c.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)"
            + " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '"
            + schema
            + "' AND con.conname LIKE 'partmanconstr%' ORDER BY 1");
  }

  /** An id set of interval 10, children p0 .. p90, rows 0 .. 69 with val = 2 * id. */
  private static Partman idSet(TestDatabase db, String schema) {
    db.execute(
        "CREATE SCHEMA " + schema,
        "CREATE TABLE "
            + schema
            + ".ids (id bigint NOT NULL, val int, note text) PARTITION BY RANGE (id)");
    Partman partman = partman(db);
    partman.createParent(
        PartitionSetDefinition.of(schema + ".ids", "id", "10")
            .constraintCols(List.of("val", "note"))
            .startPartition("0"));
    partman.createPartition(schema + ".ids", List.of("50", "60", "70", "80", "90"));
    db.execute(
        "INSERT INTO " + schema + ".ids (id, val) SELECT g, 2 * g FROM generate_series(0, 69) g",
        "UPDATE partman.part_config SET optimize_constraint = 2 WHERE parent_table = '"
            + schema
            + ".ids'");
    return partman;
  }

  @Test
  void epochWeeklyWithConstraintsAsInPgPartmansTest(TestDatabase db) {
    // pg_partman's test-time-epoch-weekly.sql, with its clock fixed on Sunday 2026-11-22:
    // the current week W starts on Monday 2026-11-16.
    db.execute(
        "CREATE SCHEMA ew",
        "CREATE TABLE ew.t (col1 int, col2 text, col3 int NOT NULL) PARTITION BY RANGE (col3)");
    Partman partman = partman(db);
    partman.createParent(
        PartitionSetDefinition.of("ew.t", "col3", "1 week")
            .constraintCols(List.of("col1"))
            .epoch("seconds")
            .premake(2)
            .startPartition("2026-09-21 00:00:00"));
    String w = "'2026-11-16 00:00:00+00'::timestamptz";
    int[][] rows = {
      {-8, 1, 10},
      {-7, 11, 20},
      {-6, 21, 25},
      {-5, 26, 30},
      {-4, 31, 37},
      {-3, 38, 49},
      {-2, 50, 70},
      {-1, 71, 85},
      {1, 86, 100},
      {2, 101, 110}
    };
    for (int[] r : rows) {
      db.execute(
          "INSERT INTO ew.t (col1, col3) SELECT g, extract(epoch FROM "
              + w
              + " + interval '"
              + r[0]
              + " weeks')::int FROM generate_series("
              + r[1]
              + ", "
              + r[2]
              + ") g");
    }
    assertThat(db.queryString("SELECT count(*) FROM ONLY ew.t_default")).isEqualTo("0");
    // The test then sets premake 3, optimize 5 and runs maintenance, which makes W+3.
    db.execute(
        "UPDATE partman.part_config SET premake = 3, optimize_constraint = 5"
            + " WHERE parent_table = 'ew.t'");
    partman.createPartition("ew.t", List.of("2026-12-07"));

    ApplyConstraintsResult first = partman.applyConstraints("ew.t", null, false);

    // six weeks behind the newest data (W+2): W-4
    assertThat(first.childTable()).isEqualTo("ew.t_p20261019");
    assertThat(first.added())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.constraint()).isEqualTo("partmanconstr_t_p20261019_col1");
              assertThat(a.min()).isEqualTo("31");
              assertThat(a.max()).isEqualTo("37");
              assertThat(a.valid()).isTrue();
            });
    assertThat(constraints(db, "ew"))
        .containsExactly(
            "t_p20261019 partmanconstr_t_p20261019_col1 CHECK (((col1 >= 31) AND (col1 <= 37)))");

    db.execute(
        "INSERT INTO ew.t (col1, col3) SELECT g, extract(epoch FROM "
            + w
            + " + interval '3 weeks')::int FROM generate_series(111, 120) g");
    ApplyConstraintsResult second = partman.applyConstraints("ew.t", null, true);
    assertThat(second.childTable()).isEqualTo("ew.t_p20261026");
    ApplyConstraintsResult manual = partman.applyConstraints("ew.t", "ew.t_p20260921", false);
    assertThat(manual.added()).extracting(AppliedConstraint::max).containsExactly("10");

    assertThat(constraints(db, "ew"))
        .containsExactly(
            "t_p20260921 partmanconstr_t_p20260921_col1 CHECK (((col1 >= 1) AND (col1 <= 10)))",
            "t_p20261019 partmanconstr_t_p20261019_col1 CHECK (((col1 >= 31) AND (col1 <= 37)))",
            "t_p20261026 partmanconstr_t_p20261026_col1 CHECK (((col1 >= 38) AND (col1 <= 49)))");
    ApplyConstraintsResult again = partman.applyConstraints("ew.t", "t_p20260921", false);
    assertThat(again.added()).isEmpty();
    assertThat(again.alreadyConstrained()).containsExactly("col1");
    // the constraint really excludes the child for a condition on col1
    assertThat(
            String.join(
                "\n", db.queryColumn("EXPLAIN (COSTS OFF) SELECT * FROM ew.t WHERE col1 = 5")))
        .contains("t_p20260921")
        .doesNotContain("t_p20261019");
  }

  @Test
  void optimizeConstraintCountsBackFromTheNewestChildWithData(TestDatabase db) {
    Partman partman = idSet(db, "oc");

    ApplyConstraintsResult r = partman.applyConstraints("oc.ids", null, false);

    // newest data in p60; optimize 2 → 60 - 3 * 10 = p30 (ids 30..39)
    assertThat(r.childTable()).isEqualTo("oc.ids_p30");
    assertThat(r.allNullColumns()).containsExactly("note");
    assertThat(constraints(db, "oc"))
        .containsExactly("ids_p30 partmanconstr_ids_p30_val CHECK (((val >= 60) AND (val <= 78)))");

    db.execute(
        "UPDATE partman.part_config SET optimize_constraint = 0, constraint_valid = false"
            + " WHERE parent_table = 'oc.ids'");
    ApplyConstraintsResult notValid = partman.applyConstraints("oc.ids", null, false);
    assertThat(notValid.childTable()).isEqualTo("oc.ids_p50");
    assertThat(notValid.added()).singleElement().satisfies(a -> assertThat(a.valid()).isFalse());
    assertThat(constraints(db, "oc"))
        .contains(
            "ids_p50 partmanconstr_ids_p50_val CHECK (((val >= 100) AND (val <= 118))) NOT VALID");

    db.execute(
        "UPDATE partman.part_config SET optimize_constraint = 6 WHERE parent_table = 'oc.ids'");
    ApplyConstraintsResult none = partman.applyConstraints("oc.ids", null, false);
    assertThat(none.childTable()).isNull();
    assertThat(none.reason()).contains("optimize_constraint + 1 = 7");

    db.execute("CREATE TABLE oc.empty (id bigint NOT NULL, v int) PARTITION BY RANGE (id)");
    partman.createParent(
        PartitionSetDefinition.of("oc.empty", "id", "10").constraintCols(List.of("v")));
    assertThat(partman.applyConstraints("oc.empty", null, false).reason())
        .contains("no child of the set holds data");
    db.execute("CREATE TABLE oc.plain (id bigint NOT NULL) PARTITION BY RANGE (id)");
    partman.createParent(PartitionSetDefinition.of("oc.plain", "id", "10"));
    assertThat(partman.applyConstraints("oc.plain", null, false).reason())
        .contains("no constraint_cols");
  }

  @Test
  void reapplyDropsAndAppliesUpToTheTargetAndADryRunChangesNothing(TestDatabase db) {
    Partman partman = idSet(db, "ra");

    ReapplyConstraintsResult applied =
        partman.reapplyConstraints("ra.ids", false, true, Duration.ZERO, false);

    assertThat(applied.stopChild()).isEqualTo("ra.ids_p30");
    assertThat(applied.children())
        .containsExactly("ra.ids_p0", "ra.ids_p10", "ra.ids_p20", "ra.ids_p30");
    assertThat(applied.statements()).last().isEqualTo("ANALYZE \"ra\".\"ids\"");
    assertThat(constraints(db, "ra"))
        .containsExactly(
            "ids_p0 partmanconstr_ids_p0_val CHECK (((val >= 0) AND (val <= 18)))",
            "ids_p10 partmanconstr_ids_p10_val CHECK (((val >= 20) AND (val <= 38)))",
            "ids_p20 partmanconstr_ids_p20_val CHECK (((val >= 40) AND (val <= 58)))",
            "ids_p30 partmanconstr_ids_p30_val CHECK (((val >= 60) AND (val <= 78)))");

    String before = Catalog.snapshot(db.adminDataSource());
    ReapplyConstraintsResult dry =
        partman.reapplyConstraints("ra.ids", true, true, Duration.ofSeconds(5), true);
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.dropped()).hasSize(4);
    assertThat(dry.statements())
        .hasSize(8)
        .startsWith(
            "ALTER TABLE \"ra\".\"ids_p0\" DROP CONSTRAINT \"partmanconstr_ids_p0_val\"",
            "ALTER TABLE \"ra\".\"ids_p0\" ADD CONSTRAINT \"partmanconstr_ids_p0_val\""
                + " CHECK (\"val\" >= '0' AND \"val\" <= '18')");

    DropConstraintsResult dropped = partman.dropConstraints("ra.ids", "ids_p10", true);
    assertThat(dropped.dropped()).containsExactly("partmanconstr_ids_p10_val");
    db.execute("UPDATE ra.ids SET val = val + 1000 WHERE id BETWEEN 10 AND 19");

    ReapplyConstraintsResult both =
        partman.reapplyConstraints("ra.ids", true, true, Duration.ofMillis(10), false);

    assertThat(both.dropped()).hasSize(3);
    assertThat(both.added()).hasSize(4);
    assertThat(constraints(db, "ra"))
        .contains("ids_p10 partmanconstr_ids_p10_val CHECK (((val >= 1020) AND (val <= 1038)))")
        .hasSize(4);
  }

  @Test
  void badInputIsRefusedAndChangesNothing(TestDatabase db) {
    Partman partman = idSet(db, "bad");
    db.execute("CREATE TABLE bad.other (id bigint)");
    db.execute("CREATE TABLE bad.plain (id bigint NOT NULL) PARTITION BY RANGE (id)");
    partman.createParent(PartitionSetDefinition.of("bad.plain", "id", "10"));
    String before = Catalog.snapshot(db.adminDataSource());

    assertThatThrownBy(() -> partman.applyConstraints("bad.nope", null, false))
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OBJECT_NOT_FOUND))
        .hasMessageContaining("bad.nope");
    assertThatThrownBy(() -> partman.applyConstraints("bad.other", null, false))
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SET_NOT_FOUND));
    assertThatThrownBy(() -> partman.applyConstraints("bad.ids", "bad.other", false))
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OBJECT_NOT_FOUND))
        .hasMessageContaining("bad.other is not a partition of bad.ids");
    assertThatThrownBy(() -> partman.dropConstraints("bad.ids", "ids_p1000", false))
        .isInstanceOfSatisfying(
            PartmanException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.OBJECT_NOT_FOUND));
    assertThatThrownBy(() -> partman.dropConstraints("bad.plain", "plain_p0", false))
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SET_UNUSABLE))
        .hasMessageContaining("no constraint_cols");
    assertThatThrownBy(
            () -> partman.reapplyConstraints("bad.ids", true, true, Duration.ofSeconds(-1), false))
        .isInstanceOfSatisfying(
            PartmanException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);

    db.execute(
        "UPDATE partman.part_config SET constraint_cols = '{val,missing}'"
            + " WHERE parent_table = 'bad.ids'");
    String configured = Catalog.snapshot(db.adminDataSource());
    assertThatThrownBy(() -> partman.applyConstraints("bad.ids", null, false))
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OBJECT_NOT_FOUND))
        .hasMessageContaining("\"missing\"");
    assertThatThrownBy(
            () -> partman.reapplyConstraints("bad.ids", false, true, Duration.ZERO, false))
        .hasMessageContaining("\"missing\"");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(configured);
    assertThat(constraints(db, "bad")).isEmpty();
  }

  @Test
  void aWriterSeesNoFailedInsertWhileConstraintsAreReapplied(TestDatabase db) throws Exception {
    db.execute(
        "CREATE SCHEMA cw",
        "CREATE TABLE cw.ids (id bigint NOT NULL, val bigint) PARTITION BY RANGE (id)");
    Partman partman = partman(db);
    partman.createParent(
        PartitionSetDefinition.of("cw.ids", "id", "10000")
            .constraintCols(List.of("val"))
            .startPartition("0"));
    List<String> starts = new java.util.ArrayList<>();
    for (int i = 5; i < 28; i++) {
      starts.add(String.valueOf(i * 10000));
    }
    partman.createPartition("cw.ids", starts);
    db.execute(
        "INSERT INTO cw.ids SELECT g, g FROM generate_series(0, 199999) g",
        "UPDATE partman.part_config SET optimize_constraint = 0 WHERE parent_table = 'cw.ids'");
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger inserted = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicLong worstNanos = new AtomicLong();
    AtomicReference<Exception> firstFailure = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              try (Connection c = db.dataSource().getConnection();
                  PreparedStatement ps = c.prepareStatement("INSERT INTO cw.ids VALUES (?, ?)")) {
                long id = 200_000;
                while (!stop.get()) {
                  long t0 = System.nanoTime();
                  try {
                    ps.setLong(1, id);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                    inserted.incrementAndGet();
                  } catch (Exception e) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, e);
                  }
                  worstNanos.accumulateAndGet(System.nanoTime() - t0, Math::max);
                  id = id >= 279_999 ? 200_000 : id + 1;
                }
              } catch (Exception e) {
                firstFailure.compareAndSet(null, e);
                failed.incrementAndGet();
              }
            });
    writer.start();
    ReapplyConstraintsResult r;
    try {
      Thread.sleep(200);
      r = partman.reapplyConstraints("cw.ids", true, true, Duration.ZERO, false);
      r = partman.reapplyConstraints("cw.ids", true, true, Duration.ZERO, false);
      Thread.sleep(200);
    } finally {
      stop.set(true);
      writer.join(30_000);
    }

    assertThat(firstFailure.get()).isNull();
    assertThat(failed.get()).isZero();
    assertThat(inserted.get()).isPositive();
    // newest data is in p190000 at planning time (the writer's rows go further up), optimize 0
    assertThat(r.children()).hasSizeGreaterThanOrEqualTo(19);
    assertThat(constraints(db, "cw")).hasSizeGreaterThanOrEqualTo(19);
    System.out.printf(
        "reapplyConstraints beside a writer: %d inserts, worst insert %.1f ms%n",
        inserted.get(), worstNanos.get() / 1e6);
  }

  @Test
  void aChildLockedByAWriterIsRetriedThenReportedAndARerunSucceeds(TestDatabase db)
      throws Exception {
    idSet(db, "lk");
    Partman impatient =
        Partman.configure()
            .dataSource(db.dataSource())
            .timeZone(ZoneId.of("UTC"))
            .clock(NOW)
            .lockTimeout(Duration.ofMillis(100))
            .lockAttempts(2)
            .load();
    try (Connection holder = db.dataSource().getConnection();
        Statement st = holder.createStatement()) {
      holder.setAutoCommit(false);
      st.execute("INSERT INTO lk.ids (id, val) VALUES (35, 70)"); // an open write on p30
      assertThatThrownBy(() -> impatient.applyConstraints("lk.ids", null, false))
          .isInstanceOfSatisfying(
              PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT))
          .hasMessageContaining("lk.ids_p30");
      assertThat(constraints(db, "lk")).isEmpty();
      holder.commit();
    }
    assertThat(impatient.applyConstraints("lk.ids", null, false).added()).hasSize(1);
    assertThat(constraints(db, "lk"))
        .containsExactly("ids_p30 partmanconstr_ids_p30_val CHECK (((val >= 60) AND (val <= 78)))");
  }
}
