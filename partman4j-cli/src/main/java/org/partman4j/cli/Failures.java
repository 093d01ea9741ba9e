package org.partman4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.partman4j.PartmanException;
import org.partman4j.cli.connect.BadConnectionSettingException;
import org.partman4j.cli.connect.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints a failure as one line, {@code partman: <what is wrong and what to do>}, on the error
 * stream and picks the exit status. With {@code -v} the error code, SQLState and failed statement
 * follow; with {@code -vv} the stack trace too. Everything printed is passed through {@link
 * Secrets#mask}.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String message = ex.getMessage();
    if (message != null && !message.endsWith(".")) {
      message += ".";
    }
    if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      message += " Did you mean " + String.join(" or ", u.getSuggestions()) + "?";
    }
    err.println(
        Secrets.mask(
            "partman: " + message + " See '" + cmd.getCommandSpec().qualifiedName() + " --help'."));
    err.flush();
    return ExitCode.USAGE.code();
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    int verbosity = verbosity(cmd);
    ExitCode exit;
    String message;
    if (ex instanceof PartmanException pe) {
      exit = ExitCode.of(pe.code());
      message = pe.getMessage();
    } else if (ex instanceof CliException ce) {
      exit = ce.exitCode();
      message = ce.getMessage();
    } else if (ex instanceof BadConnectionSettingException be) {
      exit = ExitCode.USAGE;
      message = be.getMessage();
    } else {
      exit = ExitCode.FAILED;
      message =
          "Internal error: "
              + ex
              + ". This is a bug in partman; rerun with -vv and report the output.";
    }
    err.println(Secrets.mask("partman: " + message));
    if (verbosity >= 1) {
      if (ex instanceof PartmanException pe) {
        err.println("  error code: " + pe.code());
        if (pe.sqlState() != null) {
          err.println("  SQLState: " + pe.sqlState());
        }
        if (pe.statement() != null) {
          err.println(Secrets.mask("  statement: " + pe.statement()));
        }
      }
      err.println("  exit status: " + exit.code() + " (" + exit.name() + ")");
    }
    if (verbosity >= 2) {
      StringWriter trace = new StringWriter();
      ex.printStackTrace(new PrintWriter(trace));
      err.print(Secrets.mask(trace.toString()));
    }
    err.flush();
    return exit.code();
  }

  private static int verbosity(CommandLine cmd) {
    CommandLine c = cmd;
    while (c.getParent() != null) {
      c = c.getParent();
    }
    return c.getCommand() instanceof PartmanCommand root ? root.verbosity() : 0;
  }
}
