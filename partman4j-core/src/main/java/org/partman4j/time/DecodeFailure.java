package org.partman4j.time;

/** Why the interval decoders gave up; {@link IntervalParser} turns it into a user message. */
final class DecodeFailure extends Exception {
  private static final long serialVersionUID = 1L;

  /** The server's own classes of failure, which decide what it does next and what it reports. */
  enum Code {
    /** PostgreSQL's "invalid input syntax"; the field decoder's failure leads to an ISO attempt. */
    BAD_FORMAT,
    /** PostgreSQL's "interval field value out of range". */
    FIELD_OVERFLOW,
    /** PostgreSQL's "interval out of range" (more months than 32 bits hold). */
    RESULT_OUT_OF_RANGE,
    /** PostgreSQL 14 would compute this with 32-bit wrap-around and store a wrong value. */
    WRAPS_ON_SERVER
  }

  private final Code code;

  DecodeFailure(Code code, String problem) {
    super(problem, null, false, false);
    this.code = code;
  }

  static DecodeFailure badFormat(String problem) {
    return new DecodeFailure(Code.BAD_FORMAT, problem);
  }

  static DecodeFailure overflow(String problem) {
    return new DecodeFailure(Code.FIELD_OVERFLOW, problem);
  }

  Code code() {
    return code;
  }

  /** What is wrong, in words for the user (without the input itself). */
  String problem() {
    return getMessage();
  }
}
