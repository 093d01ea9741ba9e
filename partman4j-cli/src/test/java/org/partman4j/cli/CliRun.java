package org.partman4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.partman4j.cli.connect.Environment;
import org.partman4j.testkit.TestDatabase;
import picocli.CommandLine;

/** One run of {@code partman} in this JVM with captured output, for tests. */
record CliRun(int exit, String out, String err) {

  /** Runs with no PG* variables and an empty home, so the developer's settings never leak in. */
  static CliRun run(Path home, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = PartmanCommand.newCommandLine(Environment.of(env, home, "nobody"));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  /**
   * Runs against {@code db} as its owner role: the arguments, then {@code --url} and {@code -U},
   * with the password in {@code PGPASSWORD}.
   */
  static CliRun on(TestDatabase db, Path home, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", db.jdbcUrl(), "-U", db.ownerRole()));
    return run(home, Map.of("PGPASSWORD", db.ownerPassword()), all.toArray(String[]::new));
  }

  /** Everything printed. */
  String all() {
    return out + err;
  }
}
