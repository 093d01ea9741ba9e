package org.partman4j.cli;

import java.io.PrintWriter;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParentCommand;

/**
 * A subcommand that works on a database: it resolves the connection from the shared options, the
 * environment and the pgpass file, configures a {@link Partman}, and prints through the command
 * line's own writers (so tests can capture everything).
 */
abstract class ConnectedCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(ConnectedCommand.class);

  @ParentCommand PartmanCommand root;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public final Integer call() {
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

  /** Prints text for people. */
  final void print(String text) {
    out().print(Secrets.mask(text));
    out().flush();
  }
}
