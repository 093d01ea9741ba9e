package org.partman4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Properties;
import org.partman4j.Partman;
import org.partman4j.PartmanConfiguration;
import org.partman4j.cli.connect.ConnectionOptions;
import org.partman4j.cli.connect.Environment;
import org.partman4j.cli.daemon.MaintenanceFactory;
import org.partman4j.cli.daemon.PartmanMaintenance;
import org.partman4j.cli.output.OutputFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code partman} command: the root of the command tree, holding the options every subcommand
 * shares (connection, schema, zone, lock timeout, output, verbosity). They may be given before or
 * after the subcommand's name.
 */
@Command(
    name = "partman",
    versionProvider = PartmanCommand.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "PostgreSQL partition management, without an extension in the database.",
    subcommands = {
      InstallCommand.class,
      CreateParentCommand.class,
      CreatePartitionCommand.class,
      ShowPartitionsCommand.class,
      ShowPartitionNameCommand.class,
      ShowPartitionInfoCommand.class,
      CheckControlTypeCommand.class,
      DumpDefinitionCommand.class,
      ConfigCommand.class,
      RunMaintenanceCommand.class,
      DropPartitionCommand.class,
      ApplyConstraintsCommand.class,
      DropConstraintsCommand.class,
      ReapplyConstraintsCommand.class,
      ReapplyPrivilegesCommand.class,
      GapFillCommand.class,
      PartitionDataCommand.class,
      UndoPartitionCommand.class,
      CheckDefaultCommand.class,
      CreateSubParentCommand.class,
      StopSubPartitionCommand.class,
      StatusCommand.class,
      DemoCommand.class,
      DaemonCommand.class
    },
    exitCodeListHeading = "%nExit status:%n",
    footerHeading = "%n",
    footer = {
      "Connection settings not given as options come from the URL, then from PGHOST, PGPORT,"
          + " PGDATABASE, PGUSER, PGPASSWORD and the other PG* variables, and the password from"
          + " PGPASSFILE or ~/.pgpass, as with psql.",
      "Documentation: docs/cli.md"
    })
public final class PartmanCommand implements Runnable {

  @Option(
      names = {"-?", "--help"},
      usageHelp = true,
      scope = ScopeType.INHERIT,
      description = "Show this help and exit.")
  boolean help;

  @Option(
      names = {"-V", "--version"},
      versionHelp = true,
      description = "Show the version and exit.")
  boolean version;

  @Option(
      names = "--url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      order = 101,
      description =
          "The database: a JDBC URL (jdbc:postgresql://host:port/db?user=…) or a PostgreSQL URI"
              + " (postgresql://user@host:port/db?sslmode=…).")
  String url;

  @Option(
      names = {"-h", "--host"},
      scope = ScopeType.INHERIT,
      paramLabel = "HOST",
      order = 102,
      description = "The server's host name or address; a comma-separated list is tried in order.")
  String host;

  @Option(
      names = {"-p", "--port"},
      scope = ScopeType.INHERIT,
      paramLabel = "PORT",
      order = 103,
      description = "The server's port (default 5432); one for all hosts, or one per host.")
  String port;

  @Option(
      names = {"-d", "--dbname"},
      scope = ScopeType.INHERIT,
      paramLabel = "DBNAME",
      order = 104,
      description = "The database name (default: the user name).")
  String dbname;

  @Option(
      names = {"-U", "--user"},
      scope = ScopeType.INHERIT,
      paramLabel = "USER",
      order = 105,
      description = "The role to connect as (default: the operating-system user).")
  String user;

  @Option(
      names = "--schema",
      scope = ScopeType.INHERIT,
      paramLabel = "SCHEMA",
      order = 106,
      converter = Converters.SchemaConverter.class,
      description = "The schema of partman's tables (part_config …); default partman.")
  String schema = PartmanConfiguration.DEFAULT_SCHEMA;

  @Option(
      names = "--time-zone",
      scope = ScopeType.INHERIT,
      paramLabel = "ZONE",
      order = 107,
      converter = Converters.ZoneConverter.class,
      description =
          "The zone partition boundaries are computed in (default: the database's default zone"
              + " for the role, as a psql session gets).")
  ZoneId timeZone;

  @Option(
      names = "--lock-timeout",
      scope = ScopeType.INHERIT,
      paramLabel = "DURATION",
      order = 108,
      converter = Converters.DurationConverter.class,
      description =
          "How long a statement waits for a lock: 500ms, 10s, 2min; 0 waits forever."
              + " Default 10s.")
  Duration lockTimeout = PartmanConfiguration.DEFAULT_LOCK_TIMEOUT;

  @Option(
      names = "--lock-attempts",
      scope = ScopeType.INHERIT,
      paramLabel = "N",
      order = 109,
      converter = Converters.LockAttemptsConverter.class,
      description =
          "How many times a child's transaction is tried when a lock is not granted in time,"
              + " with growing pauses; 1 does not retry. Default 5.")
  Integer lockAttempts;

  @Option(
      names = {"-o", "--output"},
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      order = 110,
      description = "table (default; for people) or json (for scripts).")
  OutputFormat output = OutputFormat.table;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      order = 111,
      description =
          "-v: log progress, and show SQLState and statement of errors; -vv: also debug logs and"
              + " stack traces.")
  boolean[] verbose = new boolean[0];

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Environment environment;
  private final MaintenanceFactory maintenanceFactory;

  PartmanCommand(Environment environment, MaintenanceFactory maintenanceFactory) {
    this.environment = environment;
    this.maintenanceFactory = maintenanceFactory;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Entry point of the runnable jar. */
  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // Answered without building the command tree: picocli reading every subcommand's
      // annotations is most of a ~0.5 s start, and scripts call --version often.
      for (String line : new Version().getVersion()) {
        System.out.println(line);
      }
      return;
    }
    System.exit(newCommandLine().execute(args));
  }

  /** The command tree on this process's environment; tests run it with their own writers. */
  public static CommandLine newCommandLine() {
    return newCommandLine(Environment.system());
  }

  /** The command tree reading {@code PG*} variables and {@code ~/.pgpass} from {@code env}. */
  public static CommandLine newCommandLine(Environment env) {
    return newCommandLine(env, PartmanMaintenance::new);
  }

  /**
   * As {@link #newCommandLine(Environment)}, with the daemon's maintenance made by {@code factory}.
   */
  static CommandLine newCommandLine(Environment env, MaintenanceFactory maintenanceFactory) {
    CommandLine cl = new CommandLine(new PartmanCommand(env, maintenanceFactory));
    Failures failures = new Failures();
    cl.setExecutionExceptionHandler(failures);
    cl.setParameterExceptionHandler(failures);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpList());
    withExitStatuses(cl.getSubcommands().values());
    cl.getSubcommands()
        .get("config")
        .getSubcommands()
        .get("set")
        .getCommandSpec()
        .usageMessage()
        .footerHeading("%nColumns that can be set:%n")
        .footer("  " + String.join(", ", Partman.settableConfigColumns()));
    return cl;
  }

  private static void withExitStatuses(Iterable<CommandLine> commands) {
    for (CommandLine sub : commands) {
      sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n");
      sub.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpList());
      withExitStatuses(sub.getSubcommands().values());
    }
  }

  ConnectionOptions connectionOptions() {
    return new ConnectionOptions(url, host, port, dbname, user);
  }

  Environment environment() {
    return environment;
  }

  MaintenanceFactory maintenanceFactory() {
    return maintenanceFactory;
  }

  int verbosity() {
    return verbose.length;
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties p = new Properties();
      try (InputStream in =
          PartmanCommand.class.getResourceAsStream("/partman4j-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new String[] {
        "partman " + p.getProperty("version", "unknown"),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
