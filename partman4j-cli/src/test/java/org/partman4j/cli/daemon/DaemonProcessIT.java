package org.partman4j.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partman4j.cli.daemon.DaemonFixture.children;
import static org.partman4j.cli.daemon.DaemonFixture.get;
import static org.partman4j.cli.daemon.DaemonFixture.setWithWork;
import static org.partman4j.cli.daemon.DaemonFixture.waitFor;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.Partman;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.ProcessMemory;
import org.partman4j.testkit.TestDatabase;

/**
 * {@code partman daemon} as a separate process: it serves, maintains, reports its memory, and ends
 * on SIGTERM with nothing left half-done. {@code -Dpartman.daemon.sets=1000} sizes the database for
 * the memory measurement (default: a few sets), {@code -Dpartman.daemon.xmx=128m} its heap limit.
 */
@PostgresTest
class DaemonProcessIT {

  @TempDir Path home;

  @Test
  void sigtermEndsTheProcessCleanly(TestDatabase db) throws Exception {
    setWithWork(db, "events");
    int extra = Integer.getInteger("partman.daemon.sets", 3);
    Partman partman = Partman.configure().dataSource(db.dataSource()).load();
    for (int i = 0; i < extra; i++) {
      db.execute(
          "CREATE TABLE public.t"
              + i
              + " (id bigint, created_at timestamptz NOT NULL) PARTITION BY RANGE (created_at)");
      partman.createParent(PartitionSetDefinition.of("public.t" + i, "created_at", "1 day"));
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path config = home.resolve("partman.yaml");
    Files.writeString(
        config,
        "http:\n  port: "
            + port
            + "\nshutdown_grace: 60s\ndatabases:\n"
            + "  - name: one\n    url: "
            + db.jdbcUrl()
            + "?user="
            + db.ownerRole()
            + "\n    password_env: PW\n    interval: 1s\n");
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + System.getProperty("partman.daemon.xmx", "256m"),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "org.partman4j.cli.PartmanCommand",
                    "daemon",
                    "--config",
                    config.toString()))
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("daemon.log").toFile());
    pb.environment().put("PW", db.ownerPassword());
    pb.environment().put("HOME", home.toString());
    Process p = pb.start();
    try {
      waitFor(
          "the daemon to serve",
          Duration.ofSeconds(60),
          () -> {
            try {
              return get(port, "/healthz", null).statusCode() == 200;
            } catch (AssertionError e) {
              return false;
            }
          });
      waitFor(
          "the children",
          Duration.ofSeconds(120 + extra / 5),
          () -> children(db, "public.events") == 11);
      waitFor(
          "a few completed runs",
          Duration.ofSeconds(120 + extra / 5),
          () ->
              Integer.parseInt(
                      db.queryString(
                          "SELECT count(*) FROM partman.job_run WHERE status = 'completed'"))
                  >= 2);
      long rss = ProcessMemory.residentKib(p.pid());
      String sets = db.queryString("SELECT count(*) FROM partman.part_config");
      System.out.println(
          "partman daemon RSS with "
              + sets
              + " sets, -Xmx"
              + System.getProperty("partman.daemon.xmx", "256m")
              + ": "
              + rss / 1024
              + " MiB ("
              + rss
              + " kB); last run: "
              + Files.readAllLines(home.resolve("daemon.log")).stream()
                  .filter(l -> l.contains("one: run completed"))
                  .reduce((a, b) -> b)
                  .orElse("none"));
      assertThat(get(port, "/metrics", null).body()).contains("partman_runs_total");
    } finally {
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("the process ended").isTrue();
    }
    String log = Files.readString(home.resolve("daemon.log"));
    assertThat(p.exitValue()).as(log).isEqualTo(143); // ended by SIGTERM, after the hooks ran
    assertThat(log).contains("one: stopped");
    assertThat(db.queryString("SELECT count(*) FROM partman.job_run WHERE status = 'running'"))
        .isEqualTo("0");
    assertThat(
            db.queryString(
                "SELECT count(*) FROM pg_class WHERE relname ~ '_p[0-9]{8}$'"
                    + " AND relkind = 'r' AND NOT relispartition"))
        .isEqualTo("0");
  }
}
