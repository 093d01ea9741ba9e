package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/**
 * The dry runs of dropPartitionTime/Id, applyConstraints and dropConstraints: the statements they
 * list are the ones the real call then runs, nothing changes, and they do not wait for the set's
 * lock; bad input fails as the real call fails.
 */
@PostgresTest
class PolicyDryRunIT {

  private static final Instant AFTER = Instant.parse("2026-11-25T12:00:00Z");

  private static Partman daily(TestDatabase db, String parent) {
    db.execute(
        "CREATE TABLE " + parent + " (id int, ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
    Partman partman = MaintenanceIT.at(db, MaintenanceIT.NOW);
    partman.createParent(PartitionSetDefinition.of(parent, "ts", "1 day"));
    db.execute(
        "INSERT INTO "
            + parent
            + " SELECT g, timestamptz '2026-11-18 06:00+00' + g * interval '1 hour'"
            + " FROM generate_series(0, 100) g");
    return partman;
  }

  private static void assertCode(Runnable call, ErrorCode code, String text) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(PartmanException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageContaining(text);
  }

  @Test
  void dropPartitionDryRunsListWhatTheCallThenDoes() {
    try (TestDatabase db = TestDatabase.create("drop_dry")) {
      db.execute("CREATE SCHEMA p");
      Partman partman = daily(db, "p.t");
      db.execute("CREATE TABLE p.i (id bigint NOT NULL) PARTITION BY RANGE (id)");
      partman.createParent(PartitionSetDefinition.of("p.i", "id", "10"));
      db.execute("INSERT INTO p.i SELECT generate_series(0, 45)");
      String before = Catalog.snapshot(db.adminDataSource());

      List<String> time = partman.dropPartitionTimeDryRun("p.t", "2 days", AFTER, true, null, null);
      List<String> ids = partman.dropPartitionIdDryRun("p.i", 20L, false, null, null);

      assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
      // With a default partition, a plain detach (CONCURRENTLY is not allowed beside one).
      assertThat(time)
          .containsExactly(
              "ALTER TABLE \"p\".\"t\" DETACH PARTITION \"p\".\"t_p20261118\"",
              "ALTER TABLE \"p\".\"t\" DETACH PARTITION \"p\".\"t_p20261119\"",
              "ALTER TABLE \"p\".\"t\" DETACH PARTITION \"p\".\"t_p20261120\"",
              "ALTER TABLE \"p\".\"t\" DETACH PARTITION \"p\".\"t_p20261121\"",
              "ALTER TABLE \"p\".\"t\" DETACH PARTITION \"p\".\"t_p20261122\"");
      assertThat(MaintenanceDryRunIT.targets(ids, "DROP TABLE")).containsExactly("i_p0", "i_p10");
      assertThat(ids).hasSize(2);

      RetentionOutcome t = partman.dropPartitionTime("p.t", "2 days", AFTER, true, null, null);
      RetentionOutcome i = partman.dropPartitionId("p.i", 20L, false, null, null);
      assertThat(t.detached())
          .isEqualTo(MaintenanceDryRunIT.targets(time, "ALTER TABLE \"p\".\"t\" DETACH PARTITION"))
          .containsExactly(
              "t_p20261118", "t_p20261119", "t_p20261120", "t_p20261121", "t_p20261122");
      assertThat(i.dropped()).containsExactly("i_p0", "i_p10");
      assertThat(partman.dropPartitionTimeDryRun("p.t", "2 days", AFTER, true, null, null))
          .isEmpty();
    }
  }

  @Test
  void dropPartitionDryRunBadInputFailsAsTheCallAndChangesNothing() {
    try (TestDatabase db = TestDatabase.create("drop_dry_bad")) {
      db.execute("CREATE SCHEMA p");
      Partman partman = daily(db, "p.t");
      String before = Catalog.snapshot(db.adminDataSource());

      assertCode(
          () -> partman.dropPartitionTimeDryRun("p.nope", "2 days", null, null, null, null),
          ErrorCode.OBJECT_NOT_FOUND,
          "p.nope");
      assertCode(
          () -> partman.dropPartitionTimeDryRun("p.t", "soon", null, null, null, null),
          ErrorCode.INVALID_ARGUMENT,
          "soon");
      assertCode(
          () -> partman.dropPartitionIdDryRun("p.t", 10L, null, null, null),
          ErrorCode.INVALID_ARGUMENT,
          "use dropPartitionTime");
      assertCode(
          () -> partman.dropPartitionIdDryRun("p.t", -1L, null, null, null),
          ErrorCode.INVALID_ARGUMENT,
          "negative");
      assertCode(
          () -> partman.dropPartitionTimeDryRun("p.t", null, null, null, null, null),
          ErrorCode.INVALID_ARGUMENT,
          "no retention");
      assertCode(
          () -> partman.dropPartitionTimeDryRun("p.t", "2 days", AFTER, null, null, "nowhere"),
          ErrorCode.OBJECT_NOT_FOUND,
          "nowhere");
      assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    }
  }

  @Test
  void dryRunsDoNotWaitForTheSetsLock() throws Exception {
    try (TestDatabase db = TestDatabase.create("dry_nolock")) {
      db.execute("CREATE SCHEMA p");
      Partman partman = daily(db, "p.t");
      db.execute("UPDATE partman.part_config SET constraint_cols = '{id}'");
      try (Connection other = db.dataSource().getConnection();
          Statement st = other.createStatement()) {
        // Other partman4j work on the set (a data move, say) holds its lock.
        st.execute("SELECT pg_advisory_lock(hashtext('partman4j set'), hashtext('p.t'))");
        assertThat(partman.dropPartitionTimeDryRun("p.t", "2 days", AFTER, null, null, null))
            .hasSize(5);
        assertThat(partman.applyConstraintsDryRun("p.t", "t_p20261119", false)).hasSize(2);
        assertThat(partman.dropConstraintsDryRun("p.t", "t_p20261119")).isEmpty();
      }
    }
  }

  @Test
  void constraintDryRunsListWhatTheCallThenDoes() {
    try (TestDatabase db = TestDatabase.create("constr_dry")) {
      db.execute("CREATE SCHEMA p");
      Partman partman = daily(db, "p.t");
      db.execute(
          "UPDATE partman.part_config SET constraint_cols = '{id}', optimize_constraint = 1");
      String before = Catalog.snapshot(db.adminDataSource());

      List<String> apply = partman.applyConstraintsDryRun("p.t", null, true);
      List<String> named = partman.applyConstraintsDryRun("p.t", "t_p20261119", false);

      assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
      assertThat(apply)
          .hasSize(3)
          .startsWith("LOCK TABLE \"p\".\"t_p20261120\" IN SHARE MODE")
          .endsWith("ANALYZE \"p\".\"t\"");
      ApplyConstraintsResult r = partman.applyConstraints("p.t", null, true);
      assertThat(apply.get(1)).isEqualTo(r.added().get(0).statement());
      ApplyConstraintsResult n = partman.applyConstraints("p.t", "t_p20261119", false);
      assertThat(named)
          .containsExactly(
              "LOCK TABLE \"p\".\"t_p20261119\" IN SHARE MODE", n.added().get(0).statement());

      before = Catalog.snapshot(db.adminDataSource());
      List<String> drop = partman.dropConstraintsDryRun("p.t", "p.t_p20261120");
      assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
      assertThat(drop)
          .containsExactly(
              partman
                  .dropConstraints("p.t", "p.t_p20261120", false)
                  .statements()
                  .toArray(String[]::new));
      assertThat(drop.get(0)).startsWith("ALTER TABLE \"p\".\"t_p20261120\" DROP CONSTRAINT ");
      assertThat(partman.dropConstraintsDryRun("p.t", "p.t_p20261120")).isEmpty();
    }
  }

  @Test
  void constraintDryRunBadInputFailsAsTheCallAndChangesNothing() {
    try (TestDatabase db = TestDatabase.create("constr_dry_bad")) {
      db.execute("CREATE SCHEMA p");
      Partman partman = daily(db, "p.t");
      String before = Catalog.snapshot(db.adminDataSource());
      // no constraint_cols: apply returns quietly (as pg_partman), drop is an error
      assertThat(partman.applyConstraintsDryRun("p.t", null, false)).isEmpty();
      assertCode(
          () -> partman.dropConstraintsDryRun("p.t", "t_p20261119"),
          ErrorCode.SET_UNUSABLE,
          "constraint_cols");
      db.execute("UPDATE partman.part_config SET constraint_cols = '{id}'");
      before = Catalog.snapshot(db.adminDataSource());
      assertCode(
          () -> partman.applyConstraintsDryRun("p.t", "p.other", false),
          ErrorCode.OBJECT_NOT_FOUND,
          "p.other");
      assertCode(
          () -> partman.dropConstraintsDryRun("p.t", null), ErrorCode.INVALID_ARGUMENT, "No child");
      assertCode(
          () -> partman.applyConstraintsDryRun("p.nope", null, false),
          ErrorCode.OBJECT_NOT_FOUND,
          "p.nope");
      db.execute("UPDATE partman.part_config SET constraint_cols = '{nocol}'");
      assertCode(
          () -> partman.applyConstraintsDryRun("p.t", null, false),
          ErrorCode.OBJECT_NOT_FOUND,
          "nocol");
      db.execute("UPDATE partman.part_config SET constraint_cols = '{id}'");
      assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    }
  }
}
