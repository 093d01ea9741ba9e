package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partman4j.testkit.PostgresServer;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/**
 * {@code partman demo} end to end. In the test JVM it runs on the test server (the embedded server
 * is one per JVM), in a database of its own that it drops at the end.
 */
@PostgresTest
class CliDemoIT {

  @TempDir Path home;

  @Test
  void theDemoRunsFromNothingToRetentionAndCleansUp(TestDatabase db) {
    CliRun r = CliRun.run(home, Map.of(), "demo");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.err()).isEmpty();
    String out = r.out();
    assertThat(out)
        .contains("1. Starting an embedded PostgreSQL")
        .contains("connected as partman_owner (owner of the database, not a superuser)")
        .contains("9 children made")
        .contains("public.events_default")
        .contains("4 children created (")
        .contains("192 rows moved out of the default into them.")
        .contains("192 rows moved in 2 batches; 2 children made for them")
        .contains("5 children older than a day dropped")
        .contains("8. Cleaning up");
    // The default held 384 rows (4 days × 96) after the inserts, none at the end.
    assertThat(out).contains("partman status: 9 children").contains(", 384 rows in the default.");
    assertThat(out).contains("partman status: 15 children").contains(", 0 rows in the default.");
    String database = out.replaceAll("(?s).*, database (\\S+),.*", "$1");
    assertThat(database).startsWith("pm_demo_");
    assertThat(db.queryColumn("SELECT datname FROM pg_database WHERE datname = '" + database + "'"))
        .isEmpty();
    assertThat(PostgresServer.get().majorVersion()).isPositive();
  }
}
