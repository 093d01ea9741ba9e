package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.slf4j.LoggerFactory;

/** {@code partman install} end to end against the test server, output captured. */
@PostgresTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliInstallIT {

  @TempDir Path home;

  private Map<String, String> withPassword(TestDatabase db) {
    return Map.of("PGPASSWORD", db.ownerPassword());
  }

  private static String uriWithPassword(TestDatabase db, String database) {
    // jdbc:postgresql://host:port/db → postgresql://user:password@host:port/db
    String hostPort = db.jdbcUrl().substring("jdbc:postgresql://".length());
    hostPort = hostPort.substring(0, hostPort.indexOf('/'));
    return "postgresql://"
        + db.ownerRole()
        + ":"
        + db.ownerPassword()
        + "@"
        + hostPort
        + "/"
        + database;
  }

  @Test
  @Order(1)
  void installPrintsWhatItApplied(TestDatabase db) {
    CliRun r =
        CliRun.run(home, withPassword(db), "install", "--url", db.jdbcUrl(), "-U", db.ownerRole());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith("Installed the partman store in schema partman at version 3.")
        .contains("applied script")
        .contains("V001__config_tables.sql")
        .contains("V002__partition_timezone.sql")
        .contains("V003__job_history.sql");
    assertThat(db.queryString("SELECT count(*) FROM partman.part_config")).isEqualTo("0");
  }

  @Test
  @Order(2)
  void aSecondInstallSaysItIsCurrentAndJsonSaysSoToo(TestDatabase db) {
    CliRun text =
        CliRun.run(home, withPassword(db), "--url", db.jdbcUrl(), "-U", db.ownerRole(), "install");
    assertThat(text.exit()).isZero();
    assertThat(text.out()).contains("is current (version 3); nothing was applied");

    CliRun json =
        CliRun.run(
            home,
            withPassword(db),
            "install",
            "--url",
            db.jdbcUrl(),
            "-U",
            db.ownerRole(),
            "-o",
            "json");
    assertThat(json.exit()).isZero();
    assertThat(json.out())
        .isEqualTo(
            "{\n"
                + "  \"schema\": \"partman\",\n"
                + "  \"changed\": false,\n"
                + "  \"version_before\": 3,\n"
                + "  \"version_after\": 3,\n"
                + "  \"scripts_applied\": []\n"
                + "}\n");
  }

  @Test
  @Order(3)
  void jsonListsTheScriptsAppliedToAnotherSchema(TestDatabase db) {
    CliRun r =
        CliRun.run(
            home,
            Map.of(),
            "install",
            "--url",
            uriWithPassword(db, db.name()),
            "--schema",
            "ops",
            "--output",
            "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("\"schema\": \"ops\"")
        .contains("\"changed\": true")
        .contains("\"version_before\": 0")
        .contains(
            "\"scripts_applied\": [\n"
                + "    \"V001__config_tables.sql\",\n"
                + "    \"V002__partition_timezone.sql\",\n"
                + "    \"V003__job_history.sql\"\n"
                + "  ]");
  }

  @Test
  void dryRunPrintsTheInstallSqlAndChangesNothing(TestDatabase db) {
    String url = uriWithPassword(db, db.name());
    CliRun text =
        CliRun.run(home, Map.of(), "install", "--url", url, "--schema", "dry", "--dry-run");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out())
        .startsWith("-- Dry run of install in schema dry: nothing was changed.")
        .contains("CREATE SCHEMA \"dry\";\n")
        .contains("CREATE TABLE \"dry\".\"partman4j_schema_history\"")
        .contains("'V003__job_history.sql'");
    assertThat(db.queryString("SELECT count(*) FROM pg_namespace WHERE nspname = 'dry'"))
        .isEqualTo("0");

    CliRun json =
        CliRun.run(
            home, Map.of(), "install", "--url", url, "--schema", "dry", "--dry-run", "-o", "json");
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(json.out())
        .startsWith("{\n  \"schema\": \"dry\",\n  \"dry_run\": true,\n  \"statements\": [")
        .contains("CREATE SCHEMA");

    assertThat(CliRun.run(home, Map.of(), "install", "--url", url, "--schema", "dry").exit())
        .isZero();
    CliRun current =
        CliRun.run(home, Map.of(), "install", "--url", url, "--schema", "dry", "--dry-run");
    assertThat(current.exit()).isZero();
    assertThat(current.out()).contains("The store is current; no statement would run.");
  }

  @Test
  void theEnvironmentAloneIsEnough(TestDatabase db) {
    String hostPort = db.jdbcUrl().substring("jdbc:postgresql://".length());
    hostPort = hostPort.substring(0, hostPort.indexOf('/'));
    Map<String, String> env =
        Map.of(
            "PGHOST", hostPort.substring(0, hostPort.lastIndexOf(':')),
            "PGPORT", hostPort.substring(hostPort.lastIndexOf(':') + 1),
            "PGDATABASE", db.name(),
            "PGUSER", db.ownerRole(),
            "PGPASSWORD", db.ownerPassword());
    CliRun r = CliRun.run(home, env, "install", "--schema", "from_env");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("schema from_env");
  }

  @Test
  void thePasswordNeverAppearsInOutputOrLogsEvenAtMostVerbose(TestDatabase db) {
    String password = db.ownerPassword();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try {
      CliRun ok =
          CliRun.run(home, Map.of(), "install", "--url", uriWithPassword(db, db.name()), "-vv");
      assertThat(ok.exit()).as(ok.err()).isZero();
      assertThat(ok.all()).doesNotContain(password);

      CliRun failed =
          CliRun.run(
              home, Map.of(), "install", "--url", uriWithPassword(db, "no_such_db_here"), "-vv");
      assertThat(failed.exit()).isEqualTo(ExitCode.CONNECTION.code());
      assertThat(failed.err())
          .contains("no_such_db_here")
          .contains("Caused by") // the stack trace is there
          .doesNotContain(password);
      assertThat(failed.out()).isEmpty();

      CliRun badUrl =
          CliRun.run(
              home, Map.of(), "install", "--url", uriWithPassword(db, "d") + "?colour=red", "-vv");
      assertThat(badUrl.exit()).isEqualTo(ExitCode.USAGE.code());
      assertThat(badUrl.all()).contains("colour").doesNotContain(password);
    } finally {
      root.detachAppender(logs);
    }
    assertThat(logs.list).isNotEmpty(); // -vv did log
    for (ILoggingEvent e : logs.list) {
      assertThat(e.getFormattedMessage()).doesNotContain(password);
      if (e.getThrowableProxy() != null) {
        assertThat(ThrowableProxyUtil.asString(e.getThrowableProxy())).doesNotContain(password);
      }
    }
  }

  @Test
  void aRefusedConnectionIsExitStatus3AndOneLine(TestDatabase db) {
    CliRun r =
        CliRun.run(home, Map.of(), "install", "--host", "127.0.0.1", "--port", "1", "-U", "x");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith("partman: Cannot connect to x@127.0.0.1:1/x: ")
        .contains("Check --url, --host, --port");
  }

  @Test
  void verboseAddsTheErrorCodeAndSqlState(TestDatabase db) {
    CliRun r =
        CliRun.run(
            home, Map.of(), "install", "--url", uriWithPassword(db, "no_such_db_either"), "-v");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err())
        .contains("  error code: CONNECTION_FAILED")
        .contains("  SQLState: 3D000")
        .contains("  exit status: 3 (CONNECTION)")
        .doesNotContain("\tat ");
  }

  @Test
  void aLockTimeoutIsExitStatus5(TestDatabase db) throws Exception {
    try (Connection holder = db.dataSource().getConnection();
        Statement st = holder.createStatement()) {
      holder.setAutoCommit(false);
      st.execute("SELECT pg_advisory_xact_lock(hashtext('partman4j install'), hashtext('locked'))");
      CliRun r =
          CliRun.run(
              home,
              withPassword(db),
              "install",
              "--url",
              db.jdbcUrl(),
              "-U",
              db.ownerRole(),
              "--schema",
              "locked",
              "--lock-timeout",
              "200ms");
      assertThat(r.exit()).as(r.err()).isEqualTo(5);
      assertThat(r.err()).startsWith("partman: A lock was not granted in time");
      holder.rollback();
    }
  }

  @Test
  void anInvalidSchemaIsBadUsage(TestDatabase db) {
    CliRun r =
        CliRun.run(
            home,
            withPassword(db),
            "install",
            "--url",
            db.jdbcUrl(),
            "-U",
            db.ownerRole(),
            "--schema",
            "pg_mine");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "partman: Invalid value for option '--schema': 'pg_mine' is reserved for PostgreSQL's"
                + " system schemas; give another name. See 'partman install --help'.\n");
  }
}
