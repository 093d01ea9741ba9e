package org.partman4j.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partman4j.command.Scenes.fails;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partman4j.ConfigChange;
import org.partman4j.ErrorCode;
import org.partman4j.Partman;
import org.partman4j.model.SetConfig;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/** configGet / configSet / configSetDryRun on a time set and an id set. */
@PostgresTest
class ConfigEditIT {

  private static Partman partman;

  @BeforeAll
  static void scene(TestDatabase db) {
    partman = Scenes.partman(db);
    db.execute(
        "CREATE TABLE public.ev (id bigint, at timestamptz NOT NULL, region text)"
            + " PARTITION BY RANGE (at)",
        "CREATE TABLE public.ids (id bigint NOT NULL, note text) PARTITION BY RANGE (id)",
        "CREATE TABLE public.busy (id bigint NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE public.plain (id bigint)",
        "CREATE SCHEMA archive");
    Scenes.register(db, Scenes.time("public.ev", "at", "1 day").build());
    Scenes.register(db, SetConfig.builder("public.ids", "id", "100", "range").build());
    Scenes.register(db, SetConfig.builder("public.busy", "id", "100", "range").build());
  }

  private static String column(TestDatabase db, String parent, String column) {
    return db.queryString(
        "SELECT "
            + column
            + "::text FROM partman.part_config WHERE parent_table = '"
            + parent
            + "'");
  }

  @Test
  void getGivesEveryColumnInTableOrder() {
    Map<String, Object> row = partman.configGet("public.ev");
    assertThat(row.keySet()).startsWith("parent_table", "control", "time_encoder");
    assertThat(row).containsEntry("parent_table", "public.ev").containsEntry("premake", 4);
    assertThat(row).containsEntry("partition_interval", "1 day").containsEntry("retention", null);
    assertThat(row.keySet()).containsAll(Partman.settableConfigColumns());
  }

  @Test
  void getOfATableWithoutARowSaysSo() {
    fails(() -> partman.configGet("public.plain"), ErrorCode.SET_NOT_FOUND, "public.plain");
    fails(() -> partman.configGet("public.nope"), ErrorCode.OBJECT_NOT_FOUND, "public.nope");
    fails(() -> partman.configGet("nodot"), ErrorCode.INVALID_ARGUMENT, "schema.table");
  }

  @Test
  void setWritesOneColumnAndReportsBeforeAndAfter(TestDatabase db) {
    ConfigChange c = partman.configSet("public.ids", "premake", "7");
    assertThat(c.applied()).isTrue();
    assertThat(c.before()).isEqualTo(4);
    assertThat(c.after()).isEqualTo(7);
    assertThat(c.statement())
        .isEqualTo(
            "UPDATE \"partman\".\"part_config\" SET \"premake\" = 7"
                + " WHERE \"parent_table\" = 'public.ids'");
    assertThat(column(db, "public.ids", "premake")).isEqualTo("7");
  }

  @Test
  void intervalsAreCheckedAndStoredAsPostgresPrintsThem(TestDatabase db) {
    assertThat(partman.configSet("public.ev", "retention", "1 week").after()).isEqualTo("7 days");
    assertThat(column(db, "public.ev", "retention")).isEqualTo("7 days");
    assertThat(partman.configSet("public.ev", "retention", "null").after()).isNull();
    assertThat(column(db, "public.ev", "retention")).isNull();
    fails(
        () -> partman.configSet("public.ev", "retention", "30 dayz"),
        ErrorCode.INVALID_ARGUMENT,
        "'30 dayz' is not a valid retention for public.ev",
        "Give an interval above zero");
    fails(
        () -> partman.configSet("public.ev", "retention", "-1 day"),
        ErrorCode.INVALID_ARGUMENT,
        "above zero");
    fails(
        () -> partman.configSet("public.ev", "partition_interval", "10 ms"),
        ErrorCode.INVALID_ARGUMENT,
        "1 second or greater");
    assertThat(partman.configSet("public.ev", "partition_interval", "1 hour").after())
        .isEqualTo("01:00:00");
    partman.configSet("public.ev", "partition_interval", "1 day");
    // an id set takes whole numbers
    assertThat(partman.configSet("public.ids", "retention", "5000").after()).isEqualTo("5000");
    fails(
        () -> partman.configSet("public.ids", "retention", "30 days"),
        ErrorCode.INVALID_ARGUMENT,
        "a whole number of 1 or more for an id set");
    fails(
        () -> partman.configSet("public.ids", "partition_interval", "1"),
        ErrorCode.INVALID_ARGUMENT,
        "2 or more");
  }

  @Test
  void typesAndMeaningsAreChecked(TestDatabase db) {
    String before = Scenes.fingerprint(db).toString();
    fails(
        () -> partman.configSet("public.ids", "premake", "0"),
        ErrorCode.INVALID_ARGUMENT,
        "it must be 1 or more",
        "Give a whole number of 1 or more");
    fails(
        () -> partman.configSet("public.ids", "premake", "many"),
        ErrorCode.INVALID_ARGUMENT,
        "not a whole number");
    fails(
        () -> partman.configSet("public.ids", "premake", "NULL"),
        ErrorCode.INVALID_ARGUMENT,
        "cannot be NULL");
    fails(
        () -> partman.configSet("public.ids", "jobmon", "maybe"),
        ErrorCode.INVALID_ARGUMENT,
        "Give true or false");
    fails(
        () -> partman.configSet("public.ids", "automatic_maintenance", "yes"),
        ErrorCode.INVALID_ARGUMENT,
        "Give on or off");
    fails(
        () -> partman.configSet("public.ids", "retention_schema", "attic"),
        ErrorCode.INVALID_ARGUMENT,
        "no schema of that name exists");
    fails(
        () -> partman.configSet("public.ids", "template_table", "public.nope"),
        ErrorCode.INVALID_ARGUMENT,
        "no table of that name exists");
    fails(
        () -> partman.configSet("public.ids", "maintenance_role", "nobody_here"),
        ErrorCode.INVALID_ARGUMENT,
        "no role of that name exists");
    fails(
        () -> partman.configSet("public.ids", "constraint_cols", "note,id"),
        ErrorCode.INVALID_ARGUMENT,
        "control column id");
    fails(
        () -> partman.configSet("public.ids", "constraint_cols", "note,nope"),
        ErrorCode.INVALID_ARGUMENT,
        "has no column nope");
    assertThat(Scenes.fingerprint(db).toString()).isEqualTo(before);

    assertThat(partman.configSet("public.ids", "jobmon", "off").after()).isEqualTo(false);
    assertThat(partman.configSet("public.ids", "automatic_maintenance", "OFF").after())
        .isEqualTo("off");
    assertThat(partman.configSet("public.ids", "retention_schema", "archive").after())
        .isEqualTo("archive");
    assertThat(partman.configSet("public.ids", "constraint_cols", "note").after())
        .isEqualTo(List.of("note"));
    assertThat(partman.configSet("public.ids", "maintenance_order", "-3").after()).isEqualTo(-3);
    assertThat(partman.configSet("public.ids", "template_table", "public.plain").after())
        .isEqualTo("public.plain");
    assertThat(column(db, "public.ids", "constraint_cols")).isEqualTo("{note}");
    assertThat(column(db, "public.ids", "jobmon")).isEqualTo("false");
  }

  @Test
  void unknownAndFixedColumnsListTheOnesThatCanBeSet() {
    fails(
        () -> partman.configSet("public.ids", "premade", "3"),
        ErrorCode.INVALID_ARGUMENT,
        "part_config has no column 'premade'",
        "Columns that can be set: partition_interval, premake, automatic_maintenance");
    fails(
        () -> partman.configSet("public.ids", "control", "note"),
        ErrorCode.INVALID_ARGUMENT,
        "part_config.control cannot be changed",
        "make the set again",
        "Columns that can be set:");
    fails(
        () -> partman.configSet("public.ids", "maintenance_last_run", "now"),
        ErrorCode.INVALID_ARGUMENT,
        "partman writes it itself");
    fails(
        () -> partman.configSet("public.plain", "premake", "3"),
        ErrorCode.SET_NOT_FOUND,
        "public.plain");
  }

  @Test
  void aDryRunChecksAndShowsTheUpdateButChangesNothing(TestDatabase db) {
    String before = Scenes.fingerprint(db).toString();
    ConfigChange c = partman.configSetDryRun("public.ev", "retention_keep_table", "f");
    assertThat(c.applied()).isFalse();
    assertThat(c.before()).isEqualTo(true);
    assertThat(c.after()).isEqualTo(false);
    assertThat(c.statement())
        .isEqualTo(
            "UPDATE \"partman\".\"part_config\" SET \"retention_keep_table\" = false"
                + " WHERE \"parent_table\" = 'public.ev'");
    assertThat(Scenes.fingerprint(db).toString()).isEqualTo(before);
    fails(
        () -> partman.configSetDryRun("public.ev", "premake", "-1"),
        ErrorCode.INVALID_ARGUMENT,
        "1 or more");
  }

  @Test
  void aLockedRowTimesOutAndAConcurrentChangeOfAnotherColumnSurvives(TestDatabase db)
      throws Exception {
    Partman quick =
        Partman.configure().dataSource(db.dataSource()).lockTimeout(Duration.ofMillis(200)).load();
    try (Connection holder = db.dataSource().getConnection();
        Statement st = holder.createStatement()) {
      holder.setAutoCommit(false);
      st.execute("UPDATE partman.part_config SET premake = 9 WHERE parent_table = 'public.busy'");
      fails(
          () -> quick.configSet("public.busy", "optimize_constraint", "5"), ErrorCode.LOCK_TIMEOUT);
      // a patient caller waits for the holder, then writes only its own column
      CompletableFuture<ConfigChange> patient =
          CompletableFuture.supplyAsync(
              () -> partman.configSet("public.busy", "optimize_constraint", "5"));
      Thread.sleep(300);
      assertThat(patient).isNotDone();
      holder.commit();
      assertThat(patient.get(10, TimeUnit.SECONDS).applied()).isTrue();
    }
    assertThat(column(db, "public.busy", "premake")).isEqualTo("9");
    assertThat(column(db, "public.busy", "optimize_constraint")).isEqualTo("5");
  }
}
