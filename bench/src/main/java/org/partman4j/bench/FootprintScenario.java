package org.partman4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * B6: what starting the {@code partman} command costs, against a JVM that starts and prints one
 * line. The command's jar is {@code partman4j-cli/target/partman.jar} (or {@code -Dbench.cliJar}).
 */
final class FootprintScenario implements Scenario {

  @Override
  public String id() {
    return "B6";
  }

  @Override
  public String title() {
    return "process start-up of the partman command";
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
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String ownClasses =
        Path.of(Noop.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    List<Double> version = new ArrayList<>();
    List<Double> reference = new ArrayList<>();
    int runs = Math.max(3, ctx.settings().repeat());
    for (int r = 0; r < runs; r++) {
      version.add(wallMillis(java, "-jar", jar.toString(), "--version"));
      reference.add(wallMillis(java, "-cp", ownClasses, Noop.class.getName()));
    }
    return List.of(
        new Row(
            id(),
            "partman --version, whole process",
            "ms",
            new Samples(version),
            new Samples(reference),
            null,
            null));
  }

  /** The command's jar: {@code -Dbench.cliJar}, or where the build puts it. */
  static Path cliJar() {
    return Path.of(System.getProperty("bench.cliJar", "partman4j-cli/target/partman.jar"));
  }

  static double wallMillis(String... command) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    int exit = p.waitFor();
    double ms = (System.nanoTime() - start) / 1e6;
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
    }
    return ms;
  }
}
