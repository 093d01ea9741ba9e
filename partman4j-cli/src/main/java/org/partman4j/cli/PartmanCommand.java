package org.partman4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code partman} command: the root of the command tree. */
@Command(
    name = "partman",
    mixinStandardHelpOptions = true,
    versionProvider = PartmanCommand.Version.class,
    description = "PostgreSQL partition management, without an extension in the database.")
public final class PartmanCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Entry point of the runnable jar. */
  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command tree; tests run it with their own writers. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new PartmanCommand());
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
