package org.partman4j.time;

import java.util.List;
import org.partman4j.time.InvalidIntervalException.Reason;

/**
 * Reads interval text exactly as PostgreSQL's {@code interval_in} does under a given major version:
 * first the server's own syntax, then, when that is not understood, ISO 8601.
 */
final class IntervalParser {

  private static final String EXAMPLES =
      "write an interval such as '1 day', '3 months', '01:30:00' or 'P1D'";

  private IntervalParser() {}

  static PgInterval parse(String text, int serverMajor) {
    if (text == null) {
      throw new NullPointerException("interval text is null");
    }
    IntervalRules rules = IntervalRules.forMajor(serverMajor);
    if (text.indexOf('\0') >= 0) {
      throw syntax(text, "it contains a NUL character");
    }
    IntervalSums sums = rules.newSums();
    IntervalFieldDecoder.Outcome outcome;
    try {
      List<IntervalTokenizer.Field> fields = IntervalTokenizer.scan(text);
      outcome = IntervalFieldDecoder.decode(fields, rules, sums);
    } catch (IntervalTokenizer.ScanFailure e) {
      return parseIso(text, rules, e.getMessage());
    } catch (DecodeFailure e) {
      if (e.code() != DecodeFailure.Code.BAD_FORMAT) {
        throw refusal(text, e);
      }
      return parseIso(text, rules, e.problem());
    }
    if (outcome != IntervalFieldDecoder.Outcome.FINITE) {
      throw infinite(text);
    }
    return finish(text, rules, sums);
  }

  private static PgInterval parseIso(String text, IntervalRules rules, String fieldProblem) {
    IntervalSums sums = rules.newSums();
    try {
      IsoIntervalDecoder.decode(text, rules, sums);
    } catch (DecodeFailure e) {
      if (e.code() != DecodeFailure.Code.BAD_FORMAT) {
        throw refusal(text, e);
      }
      // Report what the ISO reader found only for text that was meant as ISO 8601.
      boolean meantIso = text.length() >= 2 && text.charAt(0) == 'P';
      throw syntax(text, meantIso ? e.problem() : fieldProblem);
    }
    return finish(text, rules, sums);
  }

  private static PgInterval finish(String text, IntervalRules rules, IntervalSums sums) {
    PgInterval value;
    try {
      value = sums.toInterval();
    } catch (DecodeFailure e) {
      throw refusal(text, e);
    }
    // PostgreSQL 17 stores its infinities as the extreme finite values, so these are infinite.
    if (rules.hasInfinity()
        && (isAll(value, Integer.MAX_VALUE, Long.MAX_VALUE)
            || isAll(value, Integer.MIN_VALUE, Long.MIN_VALUE))) {
      throw infinite(text);
    }
    return value;
  }

  private static boolean isAll(PgInterval v, int i, long l) {
    return v.months() == i && v.days() == i && v.micros() == l;
  }

  private static InvalidIntervalException refusal(String text, DecodeFailure e) {
    switch (e.code()) {
      case BAD_FORMAT:
        return syntax(text, e.problem());
      case WRAPS_ON_SERVER:
        return new InvalidIntervalException(
            text,
            Reason.WRAPS_ON_SERVER,
            "invalid interval "
                + quote(text)
                + ": out of range: "
                + e.problem()
                + "; write a smaller interval");
      default:
        return new InvalidIntervalException(
            text,
            Reason.OUT_OF_RANGE,
            "invalid interval "
                + quote(text)
                + ": out of range: "
                + e.problem()
                + "; PostgreSQL intervals hold at most 2147483647 months, 2147483647 days and"
                + " 9223372036854775807 microseconds (each either sign); write a smaller interval");
    }
  }

  private static InvalidIntervalException syntax(String text, String problem) {
    return new InvalidIntervalException(
        text, Reason.SYNTAX, "invalid interval " + quote(text) + ": " + problem + "; " + EXAMPLES);
  }

  private static InvalidIntervalException infinite(String text) {
    return new InvalidIntervalException(
        text,
        Reason.INFINITE,
        "invalid interval " + quote(text) + ": partition intervals must be finite; " + EXAMPLES);
  }

  private static String quote(String text) {
    String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
    return '"' + shown + '"';
  }
}
