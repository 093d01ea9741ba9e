package org.partman4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.partman4j.cli.connect.Environment;
import picocli.CommandLine;

/** One run of {@code partman} in this JVM with captured output, for tests. */
record CliRun(int exit, String out, String err) {

  /** Runs with no PG* variables and an empty home, so the developer's settings never leak in. */
  static CliRun run(Path home, Map<String, String> env, ParentCreator creator, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = PartmanCommand.newCommandLine(Environment.of(env, home, "nobody"), creator);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  static CliRun run(Path home, Map<String, String> env, String... args) {
    return run(home, env, ParentCreator.LIBRARY, args);
  }

  /** Everything printed. */
  String all() {
    return out + err;
  }
}
