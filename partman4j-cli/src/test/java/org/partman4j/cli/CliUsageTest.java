package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

/** Usage errors and the option converters, without a database. */
class CliUsageTest {

  @TempDir Path home;

  @Test
  void globalOptionsWorkBeforeAndAfterTheSubcommand() {
    PartmanCommand root =
        (PartmanCommand)
            PartmanCommand.newCommandLine()
                .parseArgs("--schema", "ops", "install", "-vv", "-o", "JSON", "-U", "me")
                .commandSpec()
                .userObject();
    assertThat(root.schema).isEqualTo("ops");
    assertThat(root.verbosity()).isEqualTo(2);
    assertThat(root.output.name()).isEqualTo("json");
    assertThat(root.connectionOptions().user()).isEqualTo("me");
  }

  @Test
  void aBadUrlIsOneLineOfBadUsageWithoutThePassword() {
    CliRun r = CliRun.run(home, Map.of(), "install", "--url", "mysql://u:Pa55word9@h/d");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("partman: The URL").doesNotContain("Pa55word9");
  }

  @Test
  void aBadPortIsBadUsage() {
    CliRun r = CliRun.run(home, Map.of("PGPORT", "fifty"), "install");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "partman: The port \"fifty\" is not a number from 1 to 65535; give e.g. --port 5432.\n");
  }

  @Test
  void anUnknownSubcommandOrOptionIsBadUsage() {
    CliRun r = CliRun.run(home, Map.of(), "instal");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith("partman: Unmatched argument at index 0: 'instal'.")
        .contains("Did you mean install");
    CliRun o = CliRun.run(home, Map.of(), "install", "--bogus");
    assertThat(o.err())
        .isEqualTo("partman: Unknown option: '--bogus'. See 'partman install --help'.\n");
  }

  @Test
  void badOptionValuesNameTheOptionAndTheFix() {
    assertThat(CliRun.run(home, Map.of(), "install", "--lock-timeout", "soon").err())
        .contains("'--lock-timeout'")
        .contains("500ms, 10s, 2min");
    assertThat(CliRun.run(home, Map.of(), "install", "--time-zone", "Mars/Olympus").err())
        .contains("'Mars/Olympus' is not a time zone");
    assertThat(CliRun.run(home, Map.of(), "install", "--output", "xml").err())
        .contains("--output")
        .contains("table, json");
  }

  @Test
  void durationsAreReadAsPostgresReadsLockTimeout() {
    Converters.DurationConverter c = new Converters.DurationConverter();
    assertThat(c.convert("250")).isEqualTo(Duration.ofMillis(250));
    assertThat(c.convert("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(c.convert("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.convert("10 s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.convert("2min")).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.convert("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(c.convert("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(c.convert("0")).isZero();
    assertThat(c.convert("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
    for (String bad : new String[] {"", "-1s", "1 sec", "500us", "30d", "1.5s"}) {
      try {
        c.convert(bad);
        throw new AssertionError("accepted " + bad);
      } catch (TypeConversionException expected) {
        // fine
      }
    }
  }

  @Test
  void helpAndVersionExitZero() {
    CliRun help = CliRun.run(home, Map.of(), "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Exit status:").contains("create-parent");
    CliRun subHelp = CliRun.run(home, Map.of(), "create-parent", "--help");
    assertThat(subHelp.exit()).isZero();
    assertThat(subHelp.out()).contains("--partition-timezone");
    assertThat(CliRun.run(home, Map.of(), "-V").out()).startsWith("partman ");
  }
}
