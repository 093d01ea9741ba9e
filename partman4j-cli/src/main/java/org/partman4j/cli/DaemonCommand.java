package org.partman4j.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.partman4j.cli.daemon.ConfigException;
import org.partman4j.cli.daemon.ConfigLoader;
import org.partman4j.cli.daemon.ConfigWatcher;
import org.partman4j.cli.daemon.Daemon;
import org.partman4j.cli.daemon.DaemonConfig;
import org.partman4j.cli.daemon.DatabaseConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code partman daemon}: maintenance on a schedule for the databases of a configuration file. */
@Command(
    name = "daemon",
    sortOptions = false,
    description = {
      "Runs maintenance on a schedule for every database in the configuration file, until"
          + " stopped (SIGTERM or Ctrl-C let the run in flight finish its set). SIGHUP or a change"
          + " of the file reloads it. Serves /healthz, /readyz, /status.json and /metrics.",
      "Several daemons may manage the same databases: one works on a database at a time.",
      "The connection options of other commands are not used: each database has its url."
    })
final class DaemonCommand implements Callable<Integer> {

  @ParentCommand PartmanCommand root;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "The YAML configuration file (see docs/daemon.md).")
  Path config;

  @Option(
      names = "--check",
      description = "Check the configuration file, print what it configures, and exit.")
  boolean check;

  @Override
  public Integer call() throws InterruptedException {
    try (Logging ignored = Logging.verbosity(Math.max(1, root.verbosity()))) {
      ConfigLoader loader = new ConfigLoader(root.environment());
      DaemonConfig loaded;
      try {
        loaded = loader.load(config);
      } catch (ConfigException e) {
        throw new CliException(ExitCode.USAGE, e.getMessage());
      }
      if (check) {
        StringBuilder b = new StringBuilder(config + " is valid:");
        for (DatabaseConfig db : loaded.databases()) {
          b.append("\n  ").append(db.name()).append(": every ").append(db.interval());
        }
        spec.commandLine().getOut().println(b);
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
      }
      Daemon daemon = new Daemon(loaded, root.environment(), root.maintenanceFactory());
      try {
        daemon.start();
      } catch (UncheckedIOException e) {
        daemon.stop();
        throw new CliException(ExitCode.FAILED, e.getMessage());
      }
      ConfigWatcher watcher = new ConfigWatcher(config, loader, daemon);
      watcher.start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    watcher.stop();
                    daemon.stop();
                  },
                  "partman-shutdown"));
      daemon.awaitStop();
      return ExitCode.OK.code();
    }
  }
}
