package org.partman4j.time;

/**
 * Interval text that PostgreSQL would not store as a finite interval. The message names the input
 * and says what to write instead.
 */
public final class InvalidIntervalException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Why the text was refused. */
  public enum Reason {
    /** Not interval syntax; PostgreSQL reports "invalid input syntax for type interval". */
    SYNTAX,
    /** A part, or the whole, does not fit; PostgreSQL reports "... out of range". */
    OUT_OF_RANGE,
    /**
     * PostgreSQL 14 would accept the text but silently store a wrong value (its 32-bit counters
     * wrap around); refused as out of range.
     */
    WRAPS_ON_SERVER,
    /**
     * {@code 'infinity'} or {@code '-infinity'} (PostgreSQL 17+): partitions need a finite size.
     */
    INFINITE
  }

  private final String input;
  private final Reason reason;

  InvalidIntervalException(String input, Reason reason, String message) {
    super(message);
    this.input = input;
    this.reason = reason;
  }

  /** The text that was refused. */
  public String input() {
    return input;
  }

  /** Why it was refused. */
  public Reason reason() {
    return reason;
  }
}
