package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code partman daemon}'s handling of its configuration file, without a database. */
class CliDaemonTest {

  @TempDir Path home;

  @Test
  void aBadConfigFileFailsWithTheFileTheLineAndTheFix() throws Exception {
    Path file = home.resolve("partman.yaml");
    Files.writeString(
        file,
        "databases:\n"
            + "  - name: app\n"
            + "    url: postgresql://app@db/app\n"
            + "    interval: every hour\n");

    CliRun r = CliRun.run(home, Map.of(), "daemon", "--config", file.toString());

    assertThat(r.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "partman: "
                + file
                + ", line 4: databases[0].interval: 'every hour' is not a duration; write a number"
                + " with a unit (500ms, 10s, 2min, 1h, 30d) or 0 for none.\n");
  }

  @Test
  void aMissingFileOrOptionIsAUsageError() {
    CliRun missing =
        CliRun.run(home, Map.of(), "daemon", "--config", home.resolve("none.yaml").toString());
    assertThat(missing.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(missing.err()).contains("none.yaml: cannot read the file");

    CliRun noOption = CliRun.run(home, Map.of(), "daemon");
    assertThat(noOption.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(noOption.err()).contains("Missing required option: '--config=FILE'");
  }

  @Test
  void checkPrintsWhatTheFileConfiguresAndStartsNothing() throws Exception {
    Path file = home.resolve("ok.yaml");
    Files.writeString(
        file,
        "http:\n  port: ${PORT:-9187}\ndatabases:\n"
            + "  - name: app\n    url: postgresql://app:s3cret@db/app\n    interval: 10min\n"
            + "  - name: other\n    url: postgresql://app@db/other\n");

    CliRun r = CliRun.run(home, Map.of(), "daemon", "--check", "--config", file.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(file + " is valid:\n  app: every PT10M\n  other: every PT1H\n");
    assertThat(r.all()).doesNotContain("s3cret");
  }
}
