package org.partman4j.cli;

import org.partman4j.cli.connect.Secrets;

/** A failure found by the command itself (not the library), with the exit status it ends with. */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  CliException(ExitCode exitCode, String message) {
    super(Secrets.mask(message));
    this.exitCode = exitCode;
  }

  ExitCode exitCode() {
    return exitCode;
  }
}
