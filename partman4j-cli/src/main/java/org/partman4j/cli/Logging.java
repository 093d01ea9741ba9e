package org.partman4j.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets how much partman4j logs for one command run, and puts it back afterwards. */
final class Logging implements AutoCloseable {

  private static final String LIBRARY = "org.partman4j";

  private final Logger logger;
  private final Level before;

  private Logging(Logger logger, Level before) {
    this.logger = logger;
    this.before = before;
  }

  /** 0: warnings only; 1 ({@code -v}): progress; 2 or more ({@code -vv}): debug. */
  static Logging verbosity(int verbosity) {
    if (!(LoggerFactory.getLogger(LIBRARY) instanceof Logger logger)) {
      return new Logging(null, null); // another SLF4J backend: leave it alone
    }
    Level before = logger.getLevel();
    logger.setLevel(
        switch (verbosity) {
          case 0 -> Level.WARN;
          case 1 -> Level.INFO;
          default -> Level.DEBUG;
        });
    return new Logging(logger, before);
  }

  @Override
  public void close() {
    if (logger != null) {
      logger.setLevel(before);
    }
  }
}
