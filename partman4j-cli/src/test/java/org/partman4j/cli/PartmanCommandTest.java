package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PartmanCommandTest {

  @Test
  void versionPrintsTheProjectVersion() {
    StringWriter out = new StringWriter();
    CommandLine cmd = PartmanCommand.newCommandLine();
    cmd.setOut(new PrintWriter(out));
    int exit = cmd.execute("--version");
    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("partman ").doesNotContain("${").contains("Java ");
  }

  @Test
  void unknownOptionIsAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cmd = PartmanCommand.newCommandLine();
    cmd.setErr(new PrintWriter(err));
    int exit = cmd.execute("--no-such-option");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--no-such-option");
  }
}
