package org.partman4j.time;

import static org.partman4j.time.CNumbers.at;

import java.util.List;
import org.partman4j.time.IntervalKeywords.Keyword;
import org.partman4j.time.IntervalKeywords.Unit;
import org.partman4j.time.IntervalTokenizer.Field;
import org.partman4j.time.IntervalTokenizer.FieldKind;

/**
 * Decodes PostgreSQL's own interval syntax ("1 day 02:00:00", "3 mons ago", "1-2", "@ 1 hour") from
 * scanned fields. Like the server, it reads the fields right to left, so that a unit is known
 * before the number it belongs to, and a number without a unit means seconds (or days, left of a
 * clock or an hour count).
 */
final class IntervalFieldDecoder {

  /** Whether the text was finite or one of PostgreSQL 17's infinities. */
  enum Outcome {
    FINITE,
    INFINITY,
    MINUS_INFINITY
  }

  // One bit per kind of part, to reject a part given twice. Weeks, decades, centuries and
  // millennia have bits of their own, so "1 week 1 day" and "1 decade 1 year" are accepted.
  private static final int YEAR = 1 << 2;
  private static final int MONTH = 1 << 1;
  private static final int DAY = 1 << 3;
  private static final int HOUR = 1 << 10;
  private static final int MINUTE = 1 << 11;
  private static final int SECOND = 1 << 12;
  private static final int MILLISECOND = 1 << 13;
  private static final int MICROSECOND = 1 << 14;
  private static final int WEEK = 1 << 24;
  private static final int DECADE = 1 << 25;
  private static final int CENTURY = 1 << 26;
  private static final int MILLENNIUM = 1 << 27;
  private static final int ALL_SECONDS = SECOND | MILLISECOND | MICROSECOND;
  private static final int DATE_PARTS = YEAR | MONTH | DAY;
  private static final int TIME_PARTS = HOUR | MINUTE | ALL_SECONDS;

  private final List<Field> fields;
  private final IntervalRules rules;
  private final IntervalSums sums;

  private Unit pendingUnit;
  private String pendingWord;
  private boolean afterAgo;
  private boolean unitAwaitsNumber;
  private boolean ago;
  private int seen;
  private Outcome outcome = Outcome.FINITE;

  private IntervalFieldDecoder(List<Field> fields, IntervalRules rules, IntervalSums sums) {
    this.fields = fields;
    this.rules = rules;
    this.sums = sums;
  }

  /** Decodes the fields into {@code sums}; returns whether the result is finite. */
  static Outcome decode(List<Field> fields, IntervalRules rules, IntervalSums sums)
      throws DecodeFailure {
    return new IntervalFieldDecoder(fields, rules, sums).run();
  }

  private Outcome run() throws DecodeFailure {
    for (int i = fields.size() - 1; i >= 0; i--) {
      Field f = fields.get(i);
      Integer mask;
      switch (f.kind()) {
        case TIME:
          sums.clock(IntervalNumbers.clock(f.text(), rules), false);
          mask = afterClock();
          break;
        case SIGNED:
          mask = signedClock(f.text());
          if (mask == null) {
            mask = number(f.text());
          }
          break;
        case DATE:
        case NUMBER:
          mask = number(f.text());
          break;
        case STRING:
        case SPECIAL:
          mask = word(f.text(), i);
          break;
        default:
          throw new IllegalStateException("unexpected field kind " + f.kind());
      }
      if (mask == null) {
        continue; // a word that is ignored
      }
      if ((mask & seen) != 0) {
        throw DecodeFailure.badFormat(describeRepeat(f));
      }
      seen |= mask;
    }
    if (seen == 0) {
      throw DecodeFailure.badFormat(fields.isEmpty() ? "it is empty" : "it has no number");
    }
    if (unitAwaitsNumber && rules.strictUnits()) {
      throw DecodeFailure.badFormat("the unit \"" + pendingWord + "\" has no number before it");
    }
    if (rules.legacyArithmetic()) {
      sums.normalizeFraction();
    }
    if (ago) {
      sums.negate();
    }
    return outcome;
  }

  private int afterClock() {
    pendingUnit = Unit.DAY;
    pendingWord = null;
    afterAgo = false;
    unitAwaitsNumber = false;
    return TIME_PARTS;
  }

  /** "+hh:mm[:ss]" or "-hh:mm[:ss]"; null when the field is not such a clock. */
  private Integer signedClock(String text) throws DecodeFailure {
    if (text.indexOf(':', 1) < 0) {
      return null;
    }
    IntervalSums.ClockTime time;
    try {
      time = IntervalNumbers.clock(text.substring(1), rules);
      sums.clock(time, text.charAt(0) == '-');
    } catch (DecodeFailure notAClock) {
      return null; // the server then reads the field as a signed number (and fails)
    }
    return afterClock();
  }

  private int number(String text) throws DecodeFailure {
    Unit unit = pendingUnit;
    if (unit == null && !afterAgo) {
      unit = Unit.SECOND; // a bare number counts seconds
    }
    CNumbers.ScannedLong whole =
        rules.legacyArithmetic() ? CNumbers.strtoint(text, 0) : CNumbers.strtoi64(text, 0);
    if (whole.outOfRange()) {
      throw DecodeFailure.overflow("the number \"" + text + "\" is too large");
    }
    long value = whole.value();
    int cp = whole.end();
    double fraction = 0;
    boolean negative = text.charAt(0) == '-';
    if (at(text, cp) == '-') {
      value = yearsAndMonths(text, value, cp, negative);
      unit = Unit.MONTH;
      pendingUnit = Unit.MONTH;
      afterAgo = false;
    } else if (at(text, cp) == '.') {
      fraction = IntervalNumbers.fraction(text, cp, rules);
      if (negative) {
        fraction = -fraction;
      }
    } else if (cp != text.length()) {
      throw DecodeFailure.badFormat("\"" + text + "\" is not a number");
    }
    unitAwaitsNumber = false;
    if (unit == null) {
      throw DecodeFailure.badFormat("the number \"" + text + "\" before \"ago\" has no unit");
    }
    return add(unit, value, fraction, text);
  }

  /** SQL's "years-months" form, e.g. "1-2" (one year two months). */
  private long yearsAndMonths(String text, long years, int dash, boolean negative)
      throws DecodeFailure {
    CNumbers.ScannedLong m = CNumbers.strtoint(text, dash + 1);
    if (m.outOfRange() || m.value() < 0 || m.value() >= 12) {
      throw DecodeFailure.overflow("in \"" + text + "\" the months must be 0 to 11");
    }
    if (m.end() != text.length()) {
      throw DecodeFailure.badFormat("\"" + text + "\" is not of the form years-months");
    }
    long months = negative ? -m.value() : m.value();
    if (rules.legacyArithmetic()) {
      double total = (double) years * 12 + months;
      if (total > Integer.MAX_VALUE || total < Integer.MIN_VALUE) {
        throw DecodeFailure.overflow("\"" + text + "\" has too many months");
      }
      return years * 12 + months;
    }
    try {
      return Math.addExact(Math.multiplyExact(years, 12), months);
    } catch (ArithmeticException e) {
      throw DecodeFailure.overflow("\"" + text + "\" has too many months");
    }
  }

  private int add(Unit unit, long value, double fraction, String text) throws DecodeFailure {
    switch (unit) {
      case MICROSECOND:
        sums.microseconds(value, fraction);
        return MICROSECOND;
      case MILLISECOND:
        sums.milliseconds(value, fraction);
        return MILLISECOND;
      case SECOND:
        sums.seconds(value, fraction);
        // Fractional seconds count as milli- and microseconds too.
        return fraction == 0 ? SECOND : ALL_SECONDS;
      case MINUTE:
        sums.minutes(value, fraction);
        return MINUTE;
      case HOUR:
        sums.hours(value, fraction);
        pendingUnit = Unit.DAY; // "1 02 hours" reads the 1 as days
        return HOUR;
      case DAY:
        sums.days(value, fraction);
        return DAY;
      case WEEK:
        sums.weeks(value, fraction);
        return WEEK;
      case MONTH:
        sums.months(value, fraction);
        return MONTH;
      case YEAR:
        sums.years(value, fraction, 1);
        return YEAR;
      case DECADE:
        sums.years(value, fraction, 10);
        return DECADE;
      case CENTURY:
        sums.years(value, fraction, 100);
        return CENTURY;
      case MILLENNIUM:
        sums.years(value, fraction, 1000);
        return MILLENNIUM;
      default:
        throw DecodeFailure.badFormat(
            "PostgreSQL does not accept the unit \"" + pendingWord + "\" in intervals");
    }
  }

  private Integer word(String text, int index) throws DecodeFailure {
    if (unitAwaitsNumber && rules.strictUnits()) {
      throw DecodeFailure.badFormat("the unit \"" + pendingWord + "\" has no number before it");
    }
    Keyword k = IntervalKeywords.unitWord(text);
    if (k.kind() == IntervalKeywords.Kind.UNKNOWN && rules.generalWords()) {
      k = IntervalKeywords.dateWord(text);
    }
    boolean last = index == fields.size() - 1;
    switch (k.kind()) {
      case IGNORED:
        // The server's unit memory is cleared too, so "5 on 5 minutes" is 5 min 5 s.
        pendingUnit = null;
        afterAgo = false;
        return null;
      case UNIT:
        pendingUnit = k.unit();
        pendingWord = text;
        afterAgo = false;
        unitAwaitsNumber = true;
        return 0;
      case AGO:
        if (rules.strictUnits() && !last) {
          throw DecodeFailure.badFormat("\"ago\" must come last");
        }
        ago = true;
        pendingUnit = null;
        afterAgo = true;
        return 0;
      case INFINITY:
      case MINUS_INFINITY:
        if (!last) {
          throw DecodeFailure.badFormat("\"" + text + "\" cannot be combined with anything");
        }
        outcome =
            k.kind() == IntervalKeywords.Kind.INFINITY ? Outcome.INFINITY : Outcome.MINUS_INFINITY;
        pendingUnit = null;
        afterAgo = true; // a number left of it has no unit, as after "ago"
        return DATE_PARTS | TIME_PARTS;
      default:
        throw DecodeFailure.badFormat("unknown unit \"" + text + "\"");
    }
  }

  private static String describeRepeat(Field f) {
    return f.kind() == FieldKind.TIME || f.kind() == FieldKind.SIGNED
        ? "the time \"" + f.text() + "\" repeats hours, minutes or seconds given elsewhere"
        : "\"" + f.text() + "\" repeats a unit given elsewhere";
  }
}
