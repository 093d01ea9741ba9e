package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/** {@code partman config get|set} and {@code create-partition} against the test server. */
@PostgresTest
class CliConfigIT {

  @TempDir Path home;

  @BeforeAll
  static void scene(TestDatabase db) {
    db.executeAsAdmin("ALTER DATABASE " + db.name() + " SET timezone = 'UTC'");
    db.execute(
        "CREATE TABLE public.ev (at timestamptz NOT NULL, kind text) PARTITION BY RANGE (at)",
        "CREATE TABLE public.ids (id bigint NOT NULL, note text) PARTITION BY RANGE (id)",
        "CREATE TABLE public.locked (id bigint NOT NULL) PARTITION BY RANGE (id)",
        "CREATE SCHEMA archive");
    Path nowhere = Path.of("/nonexistent");
    for (String[] set :
        new String[][] {
          {"--parent=public.ev", "--control=at", "--interval=1 day"},
          {"--parent=public.ids", "--control=id", "--interval=10", "--premake=2"},
          {"--parent=public.locked", "--control=id", "--interval=10"}
        }) {
      CliRun r =
          CliRun.on(db, nowhere, CliCreateParentIT.append(new String[] {"create-parent"}, set));
      assertThat(r.exit()).as(r.err()).isZero();
    }
  }

  private static String stored(TestDatabase db, String parent, String column) {
    return db.queryString(
        "SELECT "
            + column
            + "::text FROM partman.part_config WHERE parent_table = '"
            + parent
            + "'");
  }

  @Test
  void getShowsTheRowOrOneValue(TestDatabase db) {
    CliRun all = CliRun.on(db, home, "config", "get", "public.ids");
    assertThat(all.exit()).as(all.err()).isZero();
    assertThat(all.out())
        .startsWith("column")
        .contains("\nparent_table ")
        .contains("\npremake                         2\n")
        .contains("\nretention                       NULL\n")
        .contains("\ntemplate_table                  partman.template_public_ids\n");

    CliRun one = CliRun.on(db, home, "config", "get", "public.ids", "partition_interval");
    assertThat(one.exit()).isZero();
    assertThat(one.out()).isEqualTo("10\n");
    assertThat(CliRun.on(db, home, "config", "get", "public.ids", "retention").out())
        .isEqualTo("\n");

    CliRun json = CliRun.on(db, home, "config", "get", "public.ids", "premake", "-o", "json");
    assertThat(json.out())
        .isEqualTo("{\n  \"parent_table\": \"public.ids\",\n  \"premake\": 2\n}\n");
    CliRun whole = CliRun.on(db, home, "-o", "json", "config", "get", "public.ev");
    assertThat(whole.out())
        .startsWith("{\n  \"parent_table\": \"public.ev\",\n  \"control\": \"at\",\n")
        .contains("\"constraint_cols\": null,")
        .contains("\"jobmon\": true,");
  }

  @Test
  void getOfAnUnknownColumnOrSetIsAnError(TestDatabase db) {
    CliRun column = CliRun.on(db, home, "config", "get", "public.ids", "colour");
    assertThat(column.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(column.err())
        .startsWith("partman: part_config has no column 'colour'; give one of parent_table,");
    CliRun set = CliRun.on(db, home, "config", "get", "public.nope");
    assertThat(set.exit()).isEqualTo(ExitCode.FAILED.code());
    assertThat(set.err()).contains("public.nope does not exist");
    CliRun bare = CliRun.on(db, home, "config");
    assertThat(bare.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(bare.err()).contains("Missing required subcommand");
  }

  @Test
  void setChangesOneColumnAndSaysFromWhatToWhat(TestDatabase db) {
    CliRun r = CliRun.on(db, home, "config", "set", "public.ev", "retention", "1 week");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("Set retention of public.ev to '7 days' (was NULL).\n");
    assertThat(stored(db, "public.ev", "retention")).isEqualTo("7 days");
    CliRun same = CliRun.on(db, home, "config", "set", "public.ev", "retention", "7 days");
    assertThat(same.exit()).isZero();
    assertThat(same.out())
        .isEqualTo("retention of public.ev is '7 days' already; nothing changed.\n");

    CliRun json =
        CliRun.on(db, home, "config", "set", "public.ev", "retention_schema", "archive", "-o=json");
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(json.out())
        .isEqualTo(
            "{\n"
                + "  \"parent_table\": \"public.ev\",\n"
                + "  \"column\": \"retention_schema\",\n"
                + "  \"before\": null,\n"
                + "  \"after\": \"archive\",\n"
                + "  \"changed\": true,\n"
                + "  \"statement\": \"UPDATE \\\"partman\\\".\\\"part_config\\\" SET"
                + " \\\"retention_schema\\\" = 'archive' WHERE \\\"parent_table\\\" ="
                + " 'public.ev'\"\n"
                + "}\n");
    CliRun cols = CliRun.on(db, home, "config", "set", "public.ids", "constraint_cols", "note");
    assertThat(cols.out()).isEqualTo("Set constraint_cols of public.ids to 'note' (was NULL).\n");
    assertThat(stored(db, "public.ids", "constraint_cols")).isEqualTo("{note}");
  }

  @Test
  void setRefusesNonsenseWithWhatWouldBeValidAndChangesNothing(TestDatabase db) {
    String before = Catalog.snapshot(db.adminDataSource());
    String rows = db.queryColumn("SELECT p::text FROM partman.part_config p ORDER BY 1").toString();
    Map<String[], String> cases =
        Map.of(
            new String[] {"premake", "0"}, "Give a whole number of 1 or more.",
            new String[] {"premake", "lots"}, "it is not a whole number",
            new String[] {"retention", "a fortnight"}, "is not a valid retention for public.ev",
            new String[] {"retention_schema", "attic"}, "no schema of that name exists",
            new String[] {"automatic_maintenance", "sometimes"}, "Give on or off.",
            new String[] {"infinite_time_partitions", "perhaps"}, "Give true or false.",
            new String[] {"partition_interval", "0 days"}, "1 second or greater",
            new String[] {"premade", "3"}, "Columns that can be set: partition_interval, premake",
            new String[] {"epoch", "seconds"}, "part_config.epoch cannot be changed");
    for (Map.Entry<String[], String> c : cases.entrySet()) {
      CliRun r = CliRun.on(db, home, "config", "set", "public.ev", c.getKey()[0], c.getKey()[1]);
      assertThat(r.exit()).as(String.join(" ", c.getKey())).isEqualTo(ExitCode.USAGE.code());
      assertThat(r.err().lines()).hasSize(1);
      assertThat(r.err()).startsWith("partman: ").contains(c.getValue());
      assertThat(r.out()).isEmpty();
    }
    CliRun idRetention = CliRun.on(db, home, "config", "set", "public.ids", "retention", "3 days");
    assertThat(idRetention.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(idRetention.err()).contains("a whole number of 1 or more for an id set");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    assertThat(db.queryColumn("SELECT p::text FROM partman.part_config p ORDER BY 1").toString())
        .isEqualTo(rows);
  }

  @Test
  void aDryRunPrintsTheUpdateAndChangesNothing(TestDatabase db) {
    String before = stored(db, "public.ids", "premake");
    CliRun r = CliRun.on(db, home, "config", "set", "public.ids", "premake", "9", "--dry-run");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "-- Dry run of config set for public.ids: nothing was changed. These statements would"
                + " run, in order:\n"
                + "UPDATE \"partman\".\"part_config\" SET \"premake\" = 9 WHERE \"parent_table\" ="
                + " 'public.ids';\n");
    assertThat(stored(db, "public.ids", "premake")).isEqualTo(before);
    CliRun bad = CliRun.on(db, home, "config", "set", "public.ids", "premake", "-9", "--dry-run");
    assertThat(bad.exit()).isEqualTo(ExitCode.USAGE.code());
  }

  @Test
  void aLockedRowIsExitStatus5(TestDatabase db) throws Exception {
    try (Connection holder = db.dataSource().getConnection();
        Statement st = holder.createStatement()) {
      holder.setAutoCommit(false);
      st.execute(
          "SELECT 1 FROM partman.part_config WHERE parent_table = 'public.locked' FOR UPDATE");
      CliRun r =
          CliRun.on(
              db, home, "config", "set", "public.locked", "premake", "6", "--lock-timeout=150ms");
      assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.LOCK_TIMEOUT.code());
      assertThat(r.err().lines()).hasSize(1);
      holder.rollback();
    }
    assertThat(stored(db, "public.locked", "premake")).isEqualTo("4");
  }

  @Test
  void thePasswordIsMaskedInErrors(TestDatabase db) {
    String hostPort = db.jdbcUrl().substring("jdbc:postgresql://".length());
    hostPort = hostPort.substring(0, hostPort.indexOf('/'));
    String url =
        "postgresql://" + db.ownerRole() + ":" + db.ownerPassword() + "@" + hostPort + "/nodb";
    CliRun r =
        CliRun.run(
            home, Map.of(), "config", "set", "public.ids", "premake", "3", "--url", url, "-vv");
    assertThat(r.exit()).isEqualTo(ExitCode.CONNECTION.code());
    assertThat(r.all()).contains("nodb").doesNotContain(db.ownerPassword());
  }

  @Test
  void createPartitionMakesChildrenAndItsDryRunChangesNothing(TestDatabase db) {
    String before = Catalog.snapshot(db.adminDataSource());
    CliRun dry = CliRun.on(db, home, "create-partition", "public.ids", "100", "110", "--dry-run");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out())
        .startsWith(
            "-- Dry run of create-partition for public.ids: nothing was changed. These statements"
                + " would run, in order:\nCREATE TABLE \"public\".\"ids_p100\"")
        .contains("ATTACH PARTITION \"public\".\"ids_p110\" FOR VALUES FROM ('110') TO ('120');");
    assertThat(dry.out().indexOf("ids_p100")).isLessThan(dry.out().indexOf("ids_p110"));
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);

    CliRun r = CliRun.on(db, home, "create-partition", "public.ids", "100", "0");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "Partition set public.ids: 1 child created, 1 already there.\n\n"
                + "child     status\n"
                + "--------  -------------\n"
                + "ids_p100  created\n"
                + "ids_p0    already there\n");
    CliRun json = CliRun.on(db, home, "create-partition", "public.ids", "100", "-o", "json");
    assertThat(json.out())
        .isEqualTo(
            "{\n  \"parent_table\": \"public.ids\",\n  \"created\": [],\n  \"already_there\": [\n"
                + "    \"ids_p100\"\n  ]\n}\n");

    CliRun bad = CliRun.on(db, home, "create-partition", "public.ids", "ten");
    assertThat(bad.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(bad.err()).contains("'ten'").contains("whole number");
    CliRun none = CliRun.on(db, home, "create-partition", "public.ids");
    assertThat(none.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(none.err()).contains("VALUE");
  }
}
