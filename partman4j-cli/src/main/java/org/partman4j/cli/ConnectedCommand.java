package org.partman4j.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.partman4j.Partman;
import org.partman4j.PartmanConfiguration;
import org.partman4j.cli.connect.BadConnectionSettingException;
import org.partman4j.cli.connect.ConnectionResolver;
import org.partman4j.cli.connect.ResolvedConnection;
import org.partman4j.cli.connect.Secrets;
import org.partman4j.cli.output.Json;
import org.partman4j.cli.output.OutputFormat;
import org.partman4j.cli.output.TextTable;
import org.partman4j.cli.output.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * A subcommand that works on a database: it resolves the connection from the shared options, the
 * environment and the pgpass file, configures a {@link Partman}, and prints through the command
 * line's own writers (so tests can capture everything).
 */
abstract class ConnectedCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The root command, holding the shared options; found at any depth ({@code config set}). */
  private PartmanCommand root;

  @Override
  public final Integer call() {
    root = (PartmanCommand) spec.root().userObject();
    try (Logging ignored = Logging.verbosity(root.verbosity())) {
      return run().code();
    }
  }

  /** Does the work; failures are thrown and printed by {@link Failures}. */
  abstract ExitCode run();

  /** The configured library, on the resolved connection. Does not connect yet. */
  final Partman partman() {
    ResolvedConnection connection;
    try {
      connection = new ConnectionResolver(root.environment()).resolve(root.connectionOptions());
    } catch (BadConnectionSettingException e) {
      throw new CliException(ExitCode.USAGE, e.getMessage());
    }
    connection.secrets().forEach(Secrets::register);
    for (String warning : connection.warnings()) {
      err().println(Secrets.mask("partman: warning: " + warning));
    }
    err().flush();
    // Looked up here, not in a static field: picocli instantiates every subcommand even for
    // --version and --help, and the first logger initialises logback (~500 classes, ~400 ms).
    Logger log = LoggerFactory.getLogger(ConnectedCommand.class);
    log.debug("Connecting as {}", connection);
    PartmanConfiguration config =
        Partman.configure()
            .dataSource(new ConnectingDataSource(connection))
            .schema(root.schema)
            .timeZone(root.timeZone)
            .lockTimeout(root.lockTimeout);
    if (root.lockAttempts != null) {
      config.lockAttempts(root.lockAttempts);
    }
    return config.load();
  }

  final boolean json() {
    return root.output == OutputFormat.json;
  }

  final PrintWriter out() {
    return spec.commandLine().getOut();
  }

  final PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Prints one JSON document, then a newline. */
  final void printJson(Map<String, ?> document) {
    out().println(Secrets.mask(Json.write(document)));
    out().flush();
  }

  /**
   * Prints the statements of a dry run: as SQL that psql can run (a comment line, then each
   * statement ending with a semicolon), or as JSON with {@code dry_run: true}.
   */
  final void printDryRun(String command, String parent, List<String> statements) {
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("parent_table", parent);
      doc.put("dry_run", true);
      doc.put("statements", statements);
      printJson(doc);
      return;
    }
    StringBuilder b =
        new StringBuilder("-- Dry run of ")
            .append(command)
            .append(" for ")
            .append(parent)
            .append(": nothing was changed. ")
            .append(
                statements.isEmpty()
                    ? "No statement would run.\n"
                    : "These statements would run, in order:\n");
    appendStatements(b, statements);
    print(b.toString());
  }

  /** Each statement on a line of its own, ending with a semicolon, as psql takes it. */
  static void appendStatements(StringBuilder b, List<String> statements) {
    for (String sql : statements) {
      String st = sql.strip();
      b.append(st).append(st.endsWith(";") ? "\n" : ";\n");
    }
  }

  /**
   * Prints named values: for people as a two-column table (nulls empty, instants as PostgreSQL
   * prints them in {@code zone}), in JSON as one object.
   */
  final void printFields(Map<String, ?> fields, ZoneId zone) {
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      fields.forEach((k, v) -> doc.put(k, Values.json(v, zone)));
      printJson(doc);
      return;
    }
    TextTable table = new TextTable("field", "value");
    fields.forEach((k, v) -> table.row(k, Values.text(v, zone)));
    print(table.render());
  }

  /** {@code "1 child"}, {@code "3 children"}. */
  static String children(int n) {
    return n + (n == 1 ? " child" : " children");
  }

  /** Prints text for people. */
  final void print(String text) {
    out().print(Secrets.mask(text));
    out().flush();
  }
}
