package org.partman4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.ErrorCode;
import org.partman4j.InstallResult;
import org.partman4j.Partman;
import org.partman4j.PartmanException;
import org.partman4j.command.Install;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/** The history decides what to apply, and refuses stores this jar did not write. */
@PostgresTest
class StoreVersionIT {

  private static final StoreScript V001 = StoreScripts.all().get(0);
  private static final int NEWEST = StoreScripts.all().size();

  @Test
  void aChangedScriptIsRefusedWithTheWayOut(TestDatabase db) {
    install(db, "tampered");
    db.execute(
        "UPDATE tampered.partman4j_schema_history SET checksum = 'abc123' WHERE version = 1");
    String before = Catalog.snapshot(db.adminDataSource());

    assertThatThrownBy(() -> install(db, "tampered"))
        .isInstanceOfSatisfying(
            PartmanException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_CHECKSUM_MISMATCH))
        .hasMessageContaining("V001__config_tables.sql")
        .hasMessageContaining("checksum abc123")
        .hasMessageContaining(V001.checksum())
        .hasMessageContaining("by partman_owner")
        .hasMessageContaining(
            "UPDATE \"tampered\".\"partman4j_schema_history\" SET checksum = '"
                + V001.checksum()
                + "' WHERE version = 1");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void aStoreFromANewerPartman4jIsRefused(TestDatabase db) {
    install(db, "future");
    db.execute(
        "INSERT INTO future.partman4j_schema_history (version, description, script, checksum,"
            + " execution_ms) VALUES ("
            + (NEWEST + 1)
            + ", 'from the future', 'V999__future.sql', 'x', 1)");
    String before = Catalog.snapshot(db.adminDataSource());

    assertThatThrownBy(() -> install(db, "future"))
        .isInstanceOfSatisfying(
            PartmanException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_NEWER_THAN_TOOL))
        .hasMessageContaining("store version " + (NEWEST + 1))
        .hasMessageContaining("knows versions up to " + NEWEST)
        .hasMessageContaining("Upgrade partman4j");
    // Commands that create the store on first use refuse it the same way.
    try (Session s = new Sessions(db.dataSource(), null, Duration.ofSeconds(5)).open()) {
      assertThatThrownBy(() -> Install.ensureInstalled(s, "future"))
          .isInstanceOfSatisfying(
              PartmanException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_NEWER_THAN_TOOL));
    }
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void pendingScriptsAreAppliedInOrderAndOnlyThey(TestDatabase db) throws Exception {
    // Only version 1, so that the test's own scripts 2 and 3 are the pending ones.
    inTransaction(db, new StoreInstaller("upgrading", List.of(V001)));
    StoreScript v2 =
        StoreScripts.parse("V002__extra_table.sql", "CREATE TABLE ${schema}.extra (x int);\n");
    StoreScript v3 =
        StoreScripts.parse(
            "V003__extra_column.sql", "ALTER TABLE ${schema}.extra ADD COLUMN y text;\n");

    InstallResult result =
        inTransaction(db, new StoreInstaller("upgrading", List.of(V001, v2, v3)));

    assertThat(result)
        .isEqualTo(
            new InstallResult(
                "upgrading", 1, 3, List.of("V002__extra_table.sql", "V003__extra_column.sql")));
    assertThat(db.queryColumn("SELECT version FROM upgrading.partman4j_schema_history ORDER BY 1"))
        .containsExactly("1", "2", "3");
    assertThat(db.queryString("SELECT count(y) FROM upgrading.extra")).isEqualTo("0");
  }

  @Test
  void aFailingScriptRollsBackTheWholeUpgrade(TestDatabase db) throws Exception {
    // Only version 1, so that the test's own scripts 2 and 3 are the pending ones.
    inTransaction(db, new StoreInstaller("broken", List.of(V001)));
    String before = Catalog.snapshot(db.adminDataSource());
    StoreScript v2 =
        StoreScripts.parse("V002__extra_table.sql", "CREATE TABLE ${schema}.extra (x int);\n");
    StoreScript v3 = StoreScripts.parse("V003__bad.sql", "ALTER TABLE ${schema}.nope ADD y int;\n");

    assertThatThrownBy(() -> inTransaction(db, new StoreInstaller("broken", List.of(V001, v2, v3))))
        .isInstanceOfSatisfying(
            PartmanException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_ERROR);
              assertThat(e.sqlState()).isEqualTo("42P01");
              assertThat(e.statement()).isEqualTo("ALTER TABLE \"broken\".nope ADD y int;\n");
            })
        .hasMessageContaining("applying store script V003__bad.sql to schema \"broken\"")
        .hasMessageContaining("\"broken.nope\" does not exist");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void aHistoryWithGapsIsRefused(TestDatabase db) throws Exception {
    // Only version 1, so that the test's own scripts 2 and 3 are the pending ones.
    inTransaction(db, new StoreInstaller("gappy", List.of(V001)));
    StoreScript v2 = StoreScripts.parse("V002__b.sql", "SELECT 2;\n");
    StoreScript v3 = StoreScripts.parse("V003__c.sql", "SELECT 3;\n");
    db.execute(
        "INSERT INTO gappy.partman4j_schema_history (version, description, script, checksum,"
            + " execution_ms) VALUES (3, 'c', 'V003__c.sql', '"
            + v3.checksum()
            + "', 1)");
    String before = Catalog.snapshot(db.adminDataSource());

    assertThatThrownBy(() -> inTransaction(db, new StoreInstaller("gappy", List.of(V001, v2, v3))))
        .isInstanceOfSatisfying(
            PartmanException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_INCONSISTENT))
        .hasMessageContaining("records store versions [1, 3] but not [2]");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void configTablesNotMadeByPartman4jAreNotAdopted(TestDatabase db) {
    db.execute("CREATE SCHEMA leftover", "CREATE TABLE leftover.part_config (parent_table text)");
    String before = Catalog.snapshot(db.adminDataSource());

    assertThatThrownBy(() -> install(db, "leftover"))
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_CONFLICT))
        .hasMessageContaining("already has part_config but no partman4j_schema_history table")
        .hasMessageContaining("Choose another schema with .schema(...)");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  private static InstallResult install(TestDatabase db, String schema) {
    return Partman.configure().dataSource(db.dataSource()).schema(schema).load().install();
  }

  private static InstallResult inTransaction(TestDatabase db, StoreInstaller installer) {
    try (Session s = new Sessions(db.dataSource(), null, Duration.ofSeconds(5)).open()) {
      return s.inTransaction("installing test scripts", installer::install);
    }
  }
}
