package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code --version} and {@code --help} start fast: in a fresh JVM they load no logging classes
 * (initialising logback took ~150 ms), and {@code --version} does not build the command tree
 * (picocli reading every subcommand, ~400 ms).
 */
class CliStartupTest {

  private static String classesLoaded(String... args) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                java.toString(),
                "-verbose:class",
                "-cp",
                System.getProperty("java.class.path"),
                PartmanCommand.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void versionAndHelpLoadNoLogging() throws Exception {
    String version = classesLoaded("--version");
    assertThat(version).contains("partman ").contains(PartmanCommand.class.getName());
    assertThat(version).doesNotContain("ch.qos.logback").doesNotContain("org.slf4j");
    // nor the command tree: picocli's model of every subcommand is most of the start-up time
    assertThat(version).doesNotContain("picocli.CommandLine$Model");
    String help = classesLoaded("--help");
    assertThat(help).contains("run-maintenance");
    assertThat(help).doesNotContain("ch.qos.logback").doesNotContain("org.slf4j");
  }
}
