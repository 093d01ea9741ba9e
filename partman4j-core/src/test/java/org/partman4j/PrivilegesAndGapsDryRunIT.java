package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/**
 * reapplyPrivilegesDryRun and partitionGapFillDryRun against PostgreSQL: they change nothing, take
 * no lock a writer or the real call would wait for, and list exactly what the real call then does.
 */
@PostgresTest
class PrivilegesAndGapsDryRunIT {

  private static final String READER = "pm_dry2_reader";
  private static final String OTHER = "pm_dry2_other";

  private static Partman partman(TestDatabase db) {
    return CreateParentGoldenIT.partman(db, "UTC", CreateParentGoldenIT.NOW);
  }

  private static void roles(TestDatabase db) {
    for (String r : List.of(READER, OTHER)) {
      db.executeAsAdmin(
          "DO $$ BEGIN CREATE ROLE "
              + r
              + " NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    }
  }

  /** Runs {@code statements} in one transaction as the owner role, as psql would. */
  private static void runAsOwner(TestDatabase db, List<String> statements) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute("SET TimeZone = 'UTC'");
      c.setAutoCommit(false);
      for (String sql : statements) {
        st.execute(sql);
      }
      c.commit();
    }
  }

  @Test
  void privilegesDryRunListsWhatTheRunThenDoesAndChangesNothing(TestDatabase db) {
    roles(db);
    db.execute(
        "CREATE SCHEMA dp", "CREATE TABLE dp.t (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("dp.t", "ts", "1 day").premake(1));
    db.execute(
        "GRANT SELECT ON dp.t TO " + READER,
        "GRANT SELECT, UPDATE ON dp.t_default TO " + OTHER,
        "GRANT DELETE ON dp.t_p20261122 TO " + READER);
    String before = Catalog.snapshot(db.adminDataSource());

    List<String> dry = partman.reapplyPrivilegesDryRun("dp.t");

    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    assertThat(dry)
        .startsWith(
            "GRANT SELECT ON \"dp\".\"t_default\" TO \"" + READER + "\"",
            "REVOKE DELETE, INSERT, REFERENCES, TRIGGER, TRUNCATE, UPDATE ON \"dp\".\"t_default\""
                + " FROM \""
                + READER
                + "\" CASCADE",
            "REVOKE ALL ON \"dp\".\"t_default\" FROM \"" + OTHER + "\"")
        .contains(
            "REVOKE DELETE, INSERT, REFERENCES, TRIGGER, TRUNCATE, UPDATE ON"
                + " \"dp\".\"t_p20261122\" FROM \""
                + READER
                + "\" CASCADE");
    // planning twice gives the same; the run executes exactly these, in this order
    assertThat(partman.reapplyPrivilegesDryRun("dp.t")).isEqualTo(dry);
    ReapplyPrivilegesResult run = partman.reapplyPrivileges("dp.t");
    assertThat(run.statements()).isEqualTo(dry);
    assertThat(partman.reapplyPrivilegesDryRun("dp.t")).isEmpty();
  }

  @Test
  void privilegesDryRunStatementsRunByHandLeaveNothingForTheRun(TestDatabase db)
      throws SQLException {
    roles(db);
    db.execute(
        "CREATE SCHEMA dh", "CREATE TABLE dh.t (id bigint NOT NULL) PARTITION BY RANGE (id)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("dh.t", "id", "10"));
    db.execute("GRANT SELECT, INSERT ON dh.t TO " + READER, "GRANT ALL ON dh.t_p0 TO " + OTHER);

    runAsOwner(db, partman.reapplyPrivilegesDryRun("dh.t"));

    ReapplyPrivilegesResult run = partman.reapplyPrivileges("dh.t");
    assertThat(run.tablesChecked()).isPositive();
    assertThat(run.tablesChanged()).isEmpty();
    assertThat(run.statements()).isEmpty();
  }

  @Test
  void gapFillDryRunListsTheMissingChildrenAndChangesNothing(TestDatabase db) throws SQLException {
    for (String s : List.of("dg", "dg2")) {
      db.execute(
          "CREATE SCHEMA " + s,
          "CREATE TABLE " + s + ".t (ts timestamptz NOT NULL, v text) PARTITION BY RANGE (ts)");
    }
    Partman partman = partman(db);
    for (String s : List.of("dg", "dg2")) {
      partman.createParent(PartitionSetDefinition.of(s + ".t", "ts", "1 day"));
      db.execute("DROP TABLE " + s + ".t_p20261120", "DROP TABLE " + s + ".t_p20261124");
    }
    String before = Catalog.snapshot(db.adminDataSource());

    List<String> dry = partman.partitionGapFillDryRun("dg.t");

    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    assertThat(dry)
        .filteredOn(s -> s.startsWith("CREATE TABLE"))
        .hasSize(2)
        .allSatisfy(s -> assertThat(s).contains("\"dg\".\"t_p202611"));
    assertThat(String.join("\n", dry))
        .contains(
            "ATTACH PARTITION \"dg\".\"t_p20261120\" FOR VALUES FROM ('2026-11-20 00:00:00+00')"
                + " TO ('2026-11-21 00:00:00+00')")
        .containsSubsequence("t_p20261120", "t_p20261124");
    assertThat(partman.partitionGapFillDryRun("dg.t")).isEqualTo(dry);

    // the statements run by hand make what the real call makes in the twin set, and leave it
    // nothing to do
    runAsOwner(db, dry);
    assertThat(partman.partitionGapFill("dg.t").count()).isZero();
    assertThat(partman.partitionGapFill("dg2.t").created())
        .containsExactly("t_p20261120", "t_p20261124");
    assertThat(CreateParentGoldenIT.partitions(db, "dg.t", "UTC"))
        .isEqualTo(
            CreateParentGoldenIT.partitions(db, "dg2.t", "UTC").stream()
                .map(p -> p.replace("dg2.", "dg."))
                .toList());
    assertThat(partman.partitionGapFillDryRun("dg.t")).isEmpty();
  }

  @Test
  void idGapFillDryRunMatchesPgPartmansGaps(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA di", "CREATE TABLE di.t (id bigint NOT NULL) PARTITION BY RANGE (id)");
    Partman partman = partman(db);
    partman.createParent(
        PartitionSetDefinition.of("di.t", "id", "10").startPartition("10").defaultTable(false));
    partman.createPartition("di.t", List.of("60", "100", "110"));

    List<String> dry = partman.partitionGapFillDryRun("di.t");

    assertThat(dry)
        .filteredOn(s -> s.startsWith("CREATE TABLE"))
        .map(s -> s.substring(0, s.indexOf(" (")))
        .containsExactly(
            "CREATE TABLE \"di\".\"t_p70\"",
            "CREATE TABLE \"di\".\"t_p80\"",
            "CREATE TABLE \"di\".\"t_p90\"");
    assertThat(dry).anyMatch(s -> s.contains("FOR VALUES FROM ('80') TO ('90')"));
    assertThat(partman.partitionGapFill("di.t").created())
        .containsExactly("t_p70", "t_p80", "t_p90");
  }

  @Test
  void badInputIsRefusedLikeTheRealCallAndChangesNothing(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA db2",
        "CREATE TABLE db2.plain (id int)",
        "CREATE TABLE db2.t (id bigint NOT NULL) PARTITION BY RANGE (id)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("db2.t", "id", "10"));
    db.execute("DROP TABLE db2.t_p20", "CREATE TABLE db2.t_p20 (id bigint)"); // the name is taken
    String before = Catalog.snapshot(db.adminDataSource());

    for (var dryRun :
        List.<java.util.function.Function<String, List<String>>>of(
            partman::reapplyPrivilegesDryRun, partman::partitionGapFillDryRun)) {
      assertThatThrownBy(() -> dryRun.apply("db2.nope"))
          .isInstanceOfSatisfying(
              PartmanException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.OBJECT_NOT_FOUND))
          .hasMessageContaining("db2.nope");
      assertThatThrownBy(() -> dryRun.apply("db2.plain"))
          .isInstanceOfSatisfying(
              PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SET_NOT_FOUND));
      assertThatThrownBy(() -> dryRun.apply("no_schema_given"))
          .isInstanceOfSatisfying(
              PartmanException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
    // a missing child whose name another table holds: the dry run says so, as the run would
    assertThatThrownBy(() -> partman.partitionGapFillDryRun("db2.t"))
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NAME_COLLISION))
        .hasMessageContaining("db2.t_p20");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void dryRunsNeitherWaitForNorBlockWorkOnTheSet(TestDatabase db) throws Exception {
    roles(db);
    db.execute(
        "CREATE SCHEMA dl", "CREATE TABLE dl.t (id bigint NOT NULL) PARTITION BY RANGE (id)");
    Partman impatient =
        Partman.configure()
            .dataSource(db.dataSource())
            .timeZone(ZoneId.of("UTC"))
            .clock(CreateParentGoldenIT.NOW)
            .lockTimeout(Duration.ofMillis(100))
            .lockAttempts(1)
            .load();
    impatient.createParent(PartitionSetDefinition.of("dl.t", "id", "10").startPartition("0"));
    db.execute("DROP TABLE dl.t_p20", "GRANT SELECT ON dl.t TO " + READER);
    try (Connection holder = db.dataSource().getConnection();
        Statement st = holder.createStatement()) {
      // a writer's open transaction on the set's tables, and another partman4j's set lock: the
      // real calls wait for them, the dry runs do not
      holder.setAutoCommit(false);
      st.execute("LOCK TABLE dl.t, dl.t_p10, dl.t_default IN ROW EXCLUSIVE MODE");
      st.execute("SELECT pg_advisory_lock(hashtext('partman4j set'), hashtext('dl.t'))");
      assertThat(impatient.reapplyPrivilegesDryRun("dl.t"))
          .contains("GRANT SELECT ON \"dl\".\"t_p10\" TO \"" + READER + "\"");
      assertThat(impatient.partitionGapFillDryRun("dl.t"))
          .anyMatch(s -> s.startsWith("CREATE TABLE \"dl\".\"t_p20\""));
      assertThatThrownBy(() -> impatient.reapplyPrivileges("dl.t"))
          .isInstanceOfSatisfying(
              PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT));
      holder.rollback();
      st.execute("SELECT pg_advisory_unlock_all()");
    }
  }
}
