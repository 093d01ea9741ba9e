package org.partman4j.cli.daemon;

import java.nio.file.Path;

/** A configuration file that cannot be used; the message names the file, the line and the fix. */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int line;

  ConfigException(Path file, int line, String problem) {
    super(file + (line > 0 ? ", line " + line : "") + ": " + problem);
    this.line = line;
  }

  /** The line the problem is on, from 1; 0 when it concerns the whole file. */
  public int line() {
    return line;
  }
}
