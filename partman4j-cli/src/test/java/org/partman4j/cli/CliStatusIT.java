package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/** {@code partman status} against the test server. */
@PostgresTest
class CliStatusIT {

  @TempDir Path home;

  @Test
  void everySetAtAGlanceAsATableAndAsJson(TestDatabase db) {
    db.executeAsAdmin("ALTER DATABASE " + db.name() + " SET timezone = 'UTC'");
    CliRun empty = CliRun.on(db, home, "status", "--schema=nothing_yet");
    assertThat(empty.exit()).as(empty.err()).isZero();
    assertThat(empty.out()).isEqualTo("No partition sets are registered in schema nothing_yet.\n");

    db.execute("CREATE TABLE public.ids (id bigint NOT NULL) PARTITION BY RANGE (id)");
    CliRun made =
        CliRun.on(
            db,
            home,
            "create-parent",
            "--parent=public.ids",
            "--control=id",
            "--interval=10",
            "--premake=2");
    assertThat(made.exit()).as(made.err()).isZero();
    db.execute(
        "INSERT INTO public.ids SELECT generate_series(0, 15)",
        "INSERT INTO public.ids VALUES (1000)",
        "INSERT INTO partman.part_config (parent_table, control, partition_interval,"
            + " partition_type) VALUES ('public.gone', 'id', '10', 'range')");
    String before = Catalog.snapshot(db.adminDataSource());

    CliRun table = CliRun.on(db, home, "status");
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out().lines().toList())
        .hasSize(5)
        .element(0)
        .asString()
        .startsWith(
            "set              children  newest child    runway  default rows  retention"
                + "  last maintenance  last error");
    assertThat(table.out())
        .contains("public.gone (!)  0")
        .containsPattern("public\\.ids +3 +public\\.ids_p20 +15 ids +some +never")
        .contains("(!) public.gone: the table public.gone does not exist");

    CliRun exact = CliRun.on(db, home, "status", "--exact", "-o", "json");
    assertThat(exact.exit()).as(exact.err()).isZero();
    assertThat(exact.out())
        .startsWith("{\n  \"taken_at\": \"")
        .contains("\"job_history\": true,")
        .contains("\"parent_table\": \"public.ids\",\n      \"partitioned_by\": \"id\",")
        .contains("\"newest_child_end_id\": 30,")
        .contains("\"runway_ids\": 15,")
        .contains("\"default_rows\": 1,")
        .contains("\"problem\": null");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);

    CliRun bad = CliRun.on(db, home, "status", "--exact=maybe");
    assertThat(bad.exit()).isEqualTo(ExitCode.USAGE.code());
  }
}
