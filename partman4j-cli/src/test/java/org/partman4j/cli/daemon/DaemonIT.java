package org.partman4j.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partman4j.cli.daemon.DaemonFixture.children;
import static org.partman4j.cli.daemon.DaemonFixture.config;
import static org.partman4j.cli.daemon.DaemonFixture.database;
import static org.partman4j.cli.daemon.DaemonFixture.env;
import static org.partman4j.cli.daemon.DaemonFixture.get;
import static org.partman4j.cli.daemon.DaemonFixture.metrics;
import static org.partman4j.cli.daemon.DaemonFixture.setWithWork;
import static org.partman4j.cli.daemon.DaemonFixture.status;
import static org.partman4j.cli.daemon.DaemonFixture.waitFor;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partman4j.cli.connect.Environment;
import org.partman4j.testkit.PostgresServer;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/** The daemon on two databases of the embedded server, with a 1-second interval. */
@PostgresTest
class DaemonIT {

  @TempDir Path home;

  private Daemon daemon;

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.stop();
    }
  }

  @Test
  void twoDatabasesGetTheirChildrenOnTimeAndTheEndpointsTellTheCatalogsTruth() {
    try (TestDatabase db = TestDatabase.create("daemon_one");
        TestDatabase other = TestDatabase.create("daemon_other")) {
      setWithWork(db, "events");
      setWithWork(other, "orders");
      assertThat(children(db, "public.events")).isEqualTo(9);
      Environment env = env(db, home);
      daemon =
          new Daemon(
              config(
                  env,
                  "  token: t0ken\n",
                  database("one", db),
                  database(
                      "two",
                      other,
                      "analyze: true",
                      "subscribers:",
                      "  - url: " + other.jdbcUrl() + "?user=" + other.ownerRole(),
                      "    password_env: PW",
                      "    subscriptions: [no_such_subscription]")),
              env,
              PartmanMaintenance::new);
      daemon.start();
      int port = daemon.httpPort();

      waitFor(
          "children in both databases",
          Duration.ofSeconds(30),
          () -> children(db, "public.events") == 11 && children(other, "public.orders") == 11);
      waitFor(
          "a completed run of both recorded",
          Duration.ofSeconds(30),
          () ->
              daemon.status().stream()
                  .allMatch(s -> "completed".equals(s.lastStatus()) && !s.sets().isEmpty()));

      // Job history: the run that created the children, and the set's line in it.
      assertThat(
              db.queryString(
                  "SELECT sum(children_created) FROM partman.job_set_result"
                      + " WHERE parent_table = 'public.events' AND succeeded"))
          .isEqualTo("2");
      assertThat(db.queryString("SELECT count(*) FROM partman.job_run WHERE status = 'failed'"))
          .isEqualTo("0");
      assertThat(
              db.queryString(
                  "SELECT consecutive_failures FROM partman.job_set_state"
                      + " WHERE parent_table = 'public.events'"))
          .isEqualTo("0");

      // Probes are open; the rest needs the token.
      assertThat(get(port, "/healthz", null).statusCode()).isEqualTo(200);
      assertThat(get(port, "/readyz", null).statusCode()).isEqualTo(200);
      assertThat(get(port, "/status.json", null).statusCode()).isEqualTo(401);
      assertThat(get(port, "/metrics", "wrong").statusCode()).isEqualTo(401);

      JsonNode one = database(status(port, "t0ken"), "one");
      assertThat(one.get("ready").asBoolean()).isTrue();
      assertThat(one.get("connection").asText())
          .isEqualTo(db.ownerRole() + "@" + hostPort(db) + "/" + db.name());
      JsonNode set = one.get("sets").get(0);
      assertThat(set.get("parent_table").asText()).isEqualTo("public.events");
      assertThat(set.get("children").asInt()).isEqualTo(children(db, "public.events"));
      assertThat(set.get("rows_in_default").asLong())
          .isEqualTo(Long.parseLong(db.queryString("SELECT count(*) FROM public.events_default")));
      // The newest child ends 7 days after today's start (days in the database's zone, UTC).
      long runway = set.get("runway_seconds").asLong();
      long expected =
          Long.parseLong(
              db.queryString(
                  "SELECT extract(epoch FROM (date_trunc('day', now() AT TIME ZONE 'UTC')"
                      + " + interval '7 days') AT TIME ZONE 'UTC' - now())::bigint"));
      assertThat(runway).isBetween(expected - 60, expected + 5);
      assertThat(set.get("consecutive_failures").asInt()).isZero();
      assertThat(set.get("alert").asBoolean()).isFalse();

      // The subscriber was asked to refresh after children were created, and its failure shows.
      assertThat(
              other.queryString("SELECT message FROM partman.job_run WHERE children_created > 0"))
          .contains("no_such_subscription");
      // analyze: true analysed the parent after its children were added.
      assertThat(
              other.queryString(
                  "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables"
                      + " WHERE relid = 'public.orders'::regclass"))
          .isEqualTo("t");

      String body = get(port, "/metrics", "t0ken").body();
      Map<String, Double> m = metrics(body);
      assertThat(m.get("partman_runs_total{database=\"one\",outcome=\"completed\"}"))
          .as(body)
          .isGreaterThanOrEqualTo(1.0);
      assertThat(m.get("partman_children_added_total{database=\"one\"}")).as(body).isEqualTo(2.0);
      assertThat(m.get("partman_set_children{database=\"one\",parent_table=\"public.events\"}"))
          .isEqualTo(11.0);
      assertThat(
              m.get("partman_set_rows_in_default{database=\"one\",parent_table=\"public.events\"}"))
          .isEqualTo(3.0);
      assertThat(
              m.get("partman_set_runway_seconds{database=\"one\",parent_table=\"public.events\"}"))
          .isGreaterThan(5 * 86400.0);
      assertThat(m.get("partman_last_success_timestamp_seconds{database=\"two\"}"))
          .isGreaterThan(System.currentTimeMillis() / 1000.0 - 60);
      assertThat(m.get("partman_run_duration_seconds_count{database=\"two\"}"))
          .isGreaterThanOrEqualTo(1.0);
      assertThat(m).containsKey("partman_set_errors_total{database=\"one\"}");
    }
  }

  @Test
  void aDatabaseThatGoesAwayIsRetriedWithBackoffAndRecovers() {
    try (TestDatabase other = TestDatabase.create("daemon_away")) {
      TestDatabase db = other;
      setWithWork(other, "events");
      Environment env = env(db, home);
      daemon = new Daemon(config(env, "", database("away", other)), env, PartmanMaintenance::new);
      daemon.start();
      int port = daemon.httpPort();
      waitFor("a first good run", Duration.ofSeconds(30), () -> ready("away"));

      // The server refuses connections to it and drops those it had, as in a restart.
      asAdmin(
          "ALTER DATABASE " + other.name() + " ALLOW_CONNECTIONS false",
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
              + other.name()
              + "'");
      try {
        waitFor(
            "two failed runs",
            Duration.ofSeconds(30),
            () -> daemon.status().get(0).failuresInRow() >= 2);
        DatabaseStatus down = daemon.status().get(0);
        assertThat(down.lastStatus()).isEqualTo("failed");
        assertThat(down.lastError()).contains("not currently accepting connections");
        assertThat(down.lastError()).doesNotContain(db.ownerPassword());
        assertThat(get(port, "/readyz", null).statusCode()).isEqualTo(503);
        assertThat(get(port, "/readyz", null).body()).contains("away");
        assertThat(
                metrics(daemon.metrics())
                    .get("partman_runs_total{database=\"away\",outcome=\"failed\"}"))
            .isGreaterThanOrEqualTo(2.0);
      } finally {
        asAdmin("ALTER DATABASE " + other.name() + " ALLOW_CONNECTIONS true");
      }
      // Backoff after 2+ failures with a 1 s interval is at most 2 s, 4 s, ...
      waitFor("recovery", Duration.ofSeconds(30), () -> ready("away"));
      assertThat(daemon.status().get(0).failuresInRow()).isZero();
      assertThat(get(port, "/readyz", null).statusCode()).isEqualTo(200);
      assertThat(children(other, "public.events")).isEqualTo(11);
    }
  }

  @Test
  void aReloadAddsAndChangesDatabasesWithoutLosingTheirState() throws Exception {
    try (TestDatabase db = TestDatabase.create("daemon_reload_a");
        TestDatabase other = TestDatabase.create("daemon_reload_b")) {
      setWithWork(db, "events");
      setWithWork(other, "events");
      Environment env = env(db, home);
      Path file = home.resolve("partman.yaml");
      java.nio.file.Files.writeString(
          file, "http:\n  enabled: false\ndatabases:\n" + database("one", db));
      ConfigLoader loader = new ConfigLoader(env);
      daemon = new Daemon(loader.load(file), env, PartmanMaintenance::new);
      daemon.start();
      assertThat(daemon.httpPort()).isEqualTo(-1);
      waitFor("two runs", Duration.ofSeconds(30), () -> daemon.status().get(0).runs() >= 2);
      ConfigWatcher watcher = new ConfigWatcher(file, loader, daemon);
      watcher.start();
      try {
        // A broken file is reported and the configuration in force kept.
        java.nio.file.Files.writeString(file, "databases:\n  - url: [\n");
        watcher.reloadNow();
        Thread.sleep(500);
        assertThat(daemon.config().databases()).hasSize(1);

        java.nio.file.Files.writeString(
            file,
            "http:\n  enabled: false\ndatabases:\n"
                + database("one", db, "jitter: 10ms")
                + database("two", other));
        waitFor(
            "the file change to be picked up",
            Duration.ofSeconds(15),
            () -> daemon.status().size() == 2);
      } finally {
        watcher.stop();
      }
      DatabaseStatus one = daemon.status().get(0);
      assertThat(one.name()).isEqualTo("one");
      assertThat(one.runs()).isGreaterThanOrEqualTo(2); // kept, not reset
      assertThat(daemon.config().databases().get(0).jitter()).isEqualTo(Duration.ofMillis(10));
      waitFor(
          "the new database's children",
          Duration.ofSeconds(30),
          () -> children(other, "public.events") == 11);

      // Removing a database stops its loop and forgets its metrics.
      daemon.reload(config(env, "", database("two", other)));
      assertThat(daemon.status()).extracting(DatabaseStatus::name).containsExactly("two");
      assertThat(daemon.metrics()).doesNotContain("database=\"one\"");
    }
  }

  @Test
  void aReplicaIsReportedAndLeftAlone() {
    try (TestDatabase db = TestDatabase.create("daemon_replica")) {
      setWithWork(db, "events");
      Environment env = env(db, home);
      // The test server is a primary: the library's answer for a standby is simulated.
      MaintenanceFactory standby =
          (partman, c) ->
              parent ->
                  new MaintenanceOutcome(
                      MaintenanceOutcome.Status.REPLICA,
                      "The server is a replica; nothing was done.",
                      java.util.List.of(),
                      Duration.ZERO);
      daemon = new Daemon(config(env, "", database("standby", db)), env, standby);
      daemon.start();
      waitFor("a run", Duration.ofSeconds(30), () -> daemon.status().get(0).runs() >= 2);

      DatabaseStatus s = daemon.status().get(0);
      assertThat(s.lastStatus()).isEqualTo("replica");
      assertThat(s.ready()).isTrue();
      assertThat(s.failuresInRow()).isZero();
      assertThat(s.lastSuccess()).isNull();
      assertThat(get(daemon.httpPort(), "/readyz", null).statusCode()).isEqualTo(200);
      Map<String, Double> m = metrics(daemon.metrics());
      assertThat(m.get("partman_database_replica{database=\"standby\"}")).isEqualTo(1.0);
      assertThat(m.get("partman_last_success_timestamp_seconds{database=\"standby\"}")).isNaN();
      assertThat(m.get("partman_runs_total{database=\"standby\",outcome=\"replica\"}"))
          .isGreaterThanOrEqualTo(2.0);
      assertThat(children(db, "public.events")).isEqualTo(9);
      assertThat(db.queryColumn("SELECT DISTINCT status FROM partman.job_run"))
          .containsExactly("replica");
    }
  }

  /** Statements as the server's superuser, from the postgres database. */
  private static void asAdmin(String... statements) {
    try (java.sql.Connection c = PostgresServer.get().adminDataSource("postgres").getConnection();
        java.sql.Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean ready(String name) {
    return daemon.status().stream().anyMatch(s -> s.name().equals(name) && s.ready());
  }

  private static String hostPort(TestDatabase db) {
    String rest = db.jdbcUrl().substring("jdbc:postgresql://".length());
    return rest.substring(0, rest.indexOf('/'));
  }
}
