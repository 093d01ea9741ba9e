package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partman4j.cli.connect.LibpqParameter;
import org.partman4j.store.ConfigStore;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/cli.md documents every registered command and option, every exit status and every libpq
 * parameter: this test fails when one is added to the code and not to the page.
 */
class CliDocsTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path DOC = ROOT.resolve("docs/cli.md");

  /** The page split at its "## " headings, heading → text. */
  private static Map<String, String> sections() throws IOException {
    Map<String, String> sections = new LinkedHashMap<>();
    String heading = "";
    StringBuilder text = new StringBuilder();
    for (String line : Files.readAllLines(DOC)) {
      if (line.startsWith("## ")) {
        sections.put(heading, text.toString());
        heading = line.substring(3).strip();
        text.setLength(0);
      } else {
        text.append(line).append('\n');
      }
    }
    sections.put(heading, text.toString());
    return sections;
  }

  private static List<String> undocumented(String section, List<OptionSpec> options) {
    List<String> missing = new ArrayList<>();
    for (OptionSpec o : options) {
      for (String name : o.names()) {
        if (!section.contains("`" + name + "`") && !section.contains("`" + name + " ")) {
          missing.add(name);
        }
      }
    }
    return missing;
  }

  @Test
  void everyGlobalOptionIsInTheGlobalOptionsSection() throws IOException {
    String global = sections().get("Global options");
    assertThat(global).as("a '## Global options' section in " + DOC).isNotNull();
    CommandLine root = PartmanCommand.newCommandLine();
    assertThat(undocumented(global, root.getCommandSpec().options())).isEmpty();
  }

  @Test
  void everySubcommandHasASectionWithAllItsOwnOptions() throws IOException {
    Map<String, String> sections = sections();
    CommandLine root = PartmanCommand.newCommandLine();
    assertThat(root.getSubcommands()).isNotEmpty();
    List<CommandLine> commands = new ArrayList<>(root.getSubcommands().values());
    for (int i = 0; i < commands.size(); i++) {
      CommandLine sub = commands.get(i);
      commands.addAll(sub.getSubcommands().values()); // config get, config set …
      String name = sub.getCommandSpec().qualifiedName();
      String section = sections.get(name);
      assertThat(section).as("a '## " + name + "' section in " + DOC).isNotNull();
      List<OptionSpec> own =
          sub.getCommandSpec().options().stream().filter(o -> !o.inherited()).toList();
      assertThat(undocumented(section, own)).as("options of " + name).isEmpty();
    }
    assertThat(commands)
        .extracting(c -> c.getCommandSpec().qualifiedName())
        .contains("partman config get", "partman config set");
  }

  @Test
  void fromPgPartmanMapsEveryCommandAndEveryPartConfigColumn() throws IOException {
    String page = Files.readString(ROOT.resolve("docs/from-pg_partman.md"));
    List<CommandLine> commands =
        new ArrayList<>(PartmanCommand.newCommandLine().getSubcommands().values());
    for (CommandLine c : commands) {
      String name = c.getCommandSpec().qualifiedName().substring("partman ".length());
      assertThat(page).as(name).containsPattern("`" + name + "[` ]");
    }
    for (String column : new ConfigStore("partman").columnNames()) {
      assertThat(page).as(column).contains("| `" + column + "` |");
    }
  }

  @Test
  void everyExitStatusIsListed() throws IOException {
    String errors = sections().get("Errors and exit status");
    assertThat(errors).isNotNull();
    for (ExitCode c : ExitCode.values()) {
      assertThat(errors).as(c.name()).contains("| " + c.code() + " |");
    }
  }

  @Test
  void everyLibpqParameterIsListed() throws IOException {
    String connecting = sections().get("Connecting");
    assertThat(connecting).isNotNull();
    for (LibpqParameter p : LibpqParameter.values()) {
      assertThat(connecting).contains("`" + p.keyword() + "`").contains("`" + p.pgjdbcName() + "`");
      if (p.envVar() != null) {
        assertThat(connecting).contains("`" + p.envVar() + "`");
      }
    }
  }

  @Test
  void theLauncherScriptIsThereAndRunsThisJar() throws IOException {
    Path launcher = ROOT.resolve("partman");
    assertThat(launcher).isRegularFile();
    assertThat(Files.isExecutable(launcher)).isTrue();
    assertThat(Files.readString(launcher))
        .contains("partman4j-cli/target/partman.jar")
        .contains("./mvnw -q -DskipTests package");
  }
}
