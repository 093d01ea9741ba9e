package org.partman4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.Partman;
import org.partman4j.testkit.ProcessMemory;
import org.partman4j.testkit.TestDatabase;

/**
 * B6: what the {@code partman} command costs as a process. {@code --version} and {@code
 * show-partitions} (whole process: JVM start, connection, query, output) against a JVM that starts
 * and prints one line, the same {@code showPartitions} call in-process for scale, and the resident
 * memory of {@code partman daemon} managing {@code sets} sets once its first run has finished. The
 * command's jar is {@code partman4j-cli/target/partman.jar} (or {@code -Dbench.cliJar}).
 */
final class FootprintScenario implements Scenario {

  /** Runs of each process by default: each is a fraction of a second (the daemon a few seconds). */
  static final int REPEAT = 5;

  /** Daemon starts at most: each waits for a whole maintenance run over the sets. */
  static final int DAEMON_REPEAT = 3;

  /** The daemon's heap limit: a small service's, as in docs/daemon.md's memory table. */
  static final String DAEMON_XMX = "128m";

  private static final Duration FIRST_RUN_TIMEOUT = Duration.ofMinutes(5);

  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  @Override
  public String id() {
    return "B6";
  }

  @Override
  public String title() {
    return "footprint of the partman command: start-up, show-partitions, daemon memory";
  }

  @Override
  public List<Row> run(BenchContext ctx) throws Exception {
    Path jar = cliJar();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "The command's jar "
              + jar.toAbsolutePath()
              + " is missing: build it with ./mvnw -B -q package -DskipTests -pl partman4j-cli"
              + " -am, or run bench/run, which does.");
    }
    BenchSettings s = ctx.settings();
    int sets = s.size(1000, 5);
    int runs = s.repeat(REPEAT);
    String java = java();
    String ownClasses =
        Path.of(Noop.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    TestDatabase db = ctx.freshDatabase("b6");
    ctx.note("building " + sets + " sets");
    Partman partman = BenchContext.partman(db);
    // pg_partman's default premake (4): nine children and a default per set.
    List<String> parents =
        SetFixture.registered(
            db, partman, 1, sets, p -> PartitionSetDefinition.of(p, "ts", "1 day").premake(4));
    String shown = parents.get(0);
    String url = BenchContext.urlWithCredentials(db);

    List<Double> version = new ArrayList<>();
    List<Double> show = new ArrayList<>();
    List<Double> showInProcess = new ArrayList<>();
    List<Double> reference = new ArrayList<>();
    partman.showPartitions(shown); // warm: JIT and caches, as for a long-lived application
    for (int r = 0; r < runs; r++) {
      version.add(wallMillis(java, "-jar", jar.toString(), "--version"));
      show.add(wallMillis(java, "-jar", jar.toString(), "show-partitions", shown, "--url", url));
      showInProcess.add(BenchContext.millis(() -> partman.showPartitions(shown)));
      reference.add(wallMillis(java, "-cp", ownClasses, Noop.class.getName()));
    }
    ctx.note("starting partman daemon " + Math.min(runs, DAEMON_REPEAT) + " times");
    List<Double> rss = new ArrayList<>();
    List<Double> firstRun = new ArrayList<>();
    for (int r = 0; r < Math.min(runs, DAEMON_REPEAT); r++) {
      DaemonSample d = daemon(ctx, db, jar, sets);
      rss.add(d.rssMib());
      firstRun.add(d.firstRunMs());
    }
    ctx.drop(db);
    return List.of(
        new Row(
            id(),
            "partman --version, whole process",
            "ms",
            new Samples(version),
            new Samples(reference),
            null,
            null),
        new Row(
            id(),
            "partman show-partitions (" + sets + " sets), whole process",
            "ms",
            new Samples(show),
            new Samples(reference),
            null,
            null),
        Row.plain(id(), "showPartitions in-process (warm)", "ms", new Samples(showInProcess)),
        Row.plain(
            id(),
            "partman daemon RSS after its first run, " + sets + " sets, -Xmx" + DAEMON_XMX,
            "MiB",
            new Samples(rss)),
        Row.plain(
            id(),
            "partman daemon start to first run done, " + sets + " sets",
            "ms",
            new Samples(firstRun)));
  }

  private record DaemonSample(double rssMib, double firstRunMs) {}

  /**
   * Starts {@code partman daemon} as its own process on {@code db}, waits until it logs that its
   * first run completed, reads its resident set size, and stops it.
   */
  private static DaemonSample daemon(BenchContext ctx, TestDatabase db, Path jar, int sets)
      throws Exception {
    Path dir = Files.createTempDirectory("partman-bench-daemon");
    Path config = dir.resolve("partman.yaml");
    Path log = dir.resolve("daemon.log");
    // One run at start, the next an hour later: the measurement sees the first run only.
    Files.writeString(
        config,
        "http:\n  port: 0\ndatabases:\n  - name: bench\n    url: "
            + db.jdbcUrl()
            + (db.jdbcUrl().contains("?") ? "&" : "?")
            + "user="
            + db.ownerRole()
            + "\n    password_env: PARTMAN_BENCH_PASSWORD\n    interval: 1h\n");
    ProcessBuilder pb =
        new ProcessBuilder(
                java(),
                "-Xmx" + DAEMON_XMX,
                "-jar",
                jar.toString(),
                "daemon",
                "--config",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("PARTMAN_BENCH_PASSWORD", db.ownerPassword());
    long start = System.nanoTime();
    Process p = pb.start();
    try {
      long deadline = start + FIRST_RUN_TIMEOUT.toNanos();
      // Its log line for the run comes once the whole run is over, including the per-set status
      // it keeps for /status.json (the job_run row is marked completed before that).
      while (!Files.readString(log).contains("bench: run completed in")) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "partman daemon "
                  + (p.isAlive() ? "did not finish its first run over " + sets + " sets" : "ended")
                  + "; its log:\n"
                  + Files.readString(log));
        }
        Thread.sleep(50);
      }
      double firstRunMs = (System.nanoTime() - start) / 1e6;
      long kib = ProcessMemory.residentKib(p.pid());
      if (kib < 0) {
        throw new IllegalStateException("no VmRSS in /proc/" + p.pid() + "/status (not Linux?)");
      }
      return new DaemonSample(kib / 1024.0, firstRunMs);
    } finally {
      // SIGTERM first; its shutdown is not what is measured, so it gets little time.
      long stopping = System.nanoTime();
      p.destroy();
      if (!p.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        ctx.note(
            "partman daemon still running " + STOP_WAIT.toSeconds() + " s after SIGTERM; killed");
        p.destroyForcibly().waitFor();
      } else {
        ctx.note(
            String.format(
                Locale.ROOT,
                "partman daemon ended %.1f s after SIGTERM",
                (System.nanoTime() - stopping) / 1e9));
      }
      Files.deleteIfExists(config);
      Files.deleteIfExists(log);
      Files.deleteIfExists(dir);
    }
  }

  /**
   * The command's jar: {@code -Dbench.cliJar}, or where the build puts it, seen from the project's
   * root (bench/run) or from the bench module (its tests).
   */
  static Path cliJar() {
    String given = System.getProperty("bench.cliJar");
    if (given != null) {
      return Path.of(given);
    }
    Path fromRoot = Path.of("partman4j-cli", "target", "partman.jar");
    Path fromModule = Path.of("..").resolve(fromRoot);
    return Files.isRegularFile(fromRoot) || !Files.isRegularFile(fromModule)
        ? fromRoot
        : fromModule;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static double wallMillis(String... command) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    int exit = p.waitFor();
    double ms = (System.nanoTime() - start) / 1e6;
    if (exit != 0) {
      List<String> shown = new ArrayList<>();
      for (String arg : command) {
        shown.add(arg.contains("password=") ? "<url>" : arg); // never print the password
      }
      throw new IllegalStateException(String.join(" ", shown) + " exited with " + exit);
    }
    return ms;
  }
}
