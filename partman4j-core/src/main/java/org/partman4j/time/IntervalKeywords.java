package org.partman4j.time;

import java.util.Map;
import java.util.Set;

/** The words PostgreSQL recognises inside interval text, and what each means. */
final class IntervalKeywords {

  private IntervalKeywords() {}

  /**
   * Units a number may carry. {@code UNSUPPORTED} units are known words that interval input
   * rejects.
   */
  enum Unit {
    MICROSECOND,
    MILLISECOND,
    SECOND,
    MINUTE,
    HOUR,
    DAY,
    WEEK,
    MONTH,
    YEAR,
    DECADE,
    CENTURY,
    MILLENNIUM,
    UNSUPPORTED
  }

  /** What a word is to the interval decoder. */
  enum Kind {
    UNIT,
    AGO,
    IGNORED,
    INFINITY,
    MINUS_INFINITY,
    REJECTED,
    UNKNOWN
  }

  /**
   * A looked-up word.
   *
   * @param kind what the word is
   * @param unit the unit, for {@link Kind#UNIT}
   */
  record Keyword(Kind kind, Unit unit) {
    static final Keyword UNKNOWN_WORD = new Keyword(Kind.UNKNOWN, null);
  }

  /** PostgreSQL compares words on their first ten characters only (its TOKMAXLEN). */
  private static final int SIGNIFICANT_CHARS = 10;

  private static final Map<String, Keyword> UNIT_WORDS =
      Map.ofEntries(
          Map.entry("@", new Keyword(Kind.IGNORED, null)),
          Map.entry("ago", new Keyword(Kind.AGO, null)),
          unit(Unit.CENTURY, "c"),
          unit(Unit.CENTURY, "cent"),
          unit(Unit.CENTURY, "centuries"),
          unit(Unit.CENTURY, "century"),
          unit(Unit.DAY, "d"),
          unit(Unit.DAY, "day"),
          unit(Unit.DAY, "days"),
          unit(Unit.DECADE, "dec"),
          unit(Unit.DECADE, "decade"),
          unit(Unit.DECADE, "decades"),
          unit(Unit.DECADE, "decs"),
          unit(Unit.HOUR, "h"),
          unit(Unit.HOUR, "hour"),
          unit(Unit.HOUR, "hours"),
          unit(Unit.HOUR, "hr"),
          unit(Unit.HOUR, "hrs"),
          unit(Unit.MINUTE, "m"),
          unit(Unit.MICROSECOND, "microsecon"),
          unit(Unit.MILLENNIUM, "mil"),
          unit(Unit.MILLENNIUM, "millennia"),
          unit(Unit.MILLENNIUM, "millennium"),
          unit(Unit.MILLISECOND, "millisecon"),
          unit(Unit.MILLENNIUM, "mils"),
          unit(Unit.MINUTE, "min"),
          unit(Unit.MINUTE, "mins"),
          unit(Unit.MINUTE, "minute"),
          unit(Unit.MINUTE, "minutes"),
          unit(Unit.MONTH, "mon"),
          unit(Unit.MONTH, "mons"),
          unit(Unit.MONTH, "month"),
          unit(Unit.MONTH, "months"),
          unit(Unit.MILLISECOND, "ms"),
          unit(Unit.MILLISECOND, "msec"),
          unit(Unit.MILLISECOND, "msecond"),
          unit(Unit.MILLISECOND, "mseconds"),
          unit(Unit.MILLISECOND, "msecs"),
          unit(Unit.UNSUPPORTED, "qtr"),
          unit(Unit.UNSUPPORTED, "quarter"),
          unit(Unit.SECOND, "s"),
          unit(Unit.SECOND, "sec"),
          unit(Unit.SECOND, "second"),
          unit(Unit.SECOND, "seconds"),
          unit(Unit.SECOND, "secs"),
          unit(Unit.UNSUPPORTED, "timezone"),
          unit(Unit.UNSUPPORTED, "timezone_h"),
          unit(Unit.UNSUPPORTED, "timezone_m"),
          unit(Unit.MICROSECOND, "us"),
          unit(Unit.MICROSECOND, "usec"),
          unit(Unit.MICROSECOND, "usecond"),
          unit(Unit.MICROSECOND, "useconds"),
          unit(Unit.MICROSECOND, "usecs"),
          unit(Unit.WEEK, "w"),
          unit(Unit.WEEK, "week"),
          unit(Unit.WEEK, "weeks"),
          unit(Unit.YEAR, "y"),
          unit(Unit.YEAR, "year"),
          unit(Unit.YEAR, "years"),
          unit(Unit.YEAR, "yr"),
          unit(Unit.YEAR, "yrs"));

  /**
   * PostgreSQL's general date/time words. Interval input splits "word" from a following digit only
   * when the word is one of these, and (from PostgreSQL 17) falls back on them for words that are
   * not units.
   */
  private static final Set<String> DATE_WORDS =
      Set.of(
          "+infinity",
          "-infinity",
          "ad",
          "allballs",
          "am",
          "apr",
          "april",
          "at",
          "aug",
          "august",
          "bc",
          "d",
          "dec",
          "december",
          "dow",
          "doy",
          "dst",
          "epoch",
          "feb",
          "february",
          "fri",
          "friday",
          "h",
          "infinity",
          "isodow",
          "isoyear",
          "j",
          "jan",
          "january",
          "jd",
          "jul",
          "julian",
          "july",
          "jun",
          "june",
          "m",
          "mar",
          "march",
          "may",
          "mm",
          "mon",
          "monday",
          "nov",
          "november",
          "now",
          "oct",
          "october",
          "on",
          "pm",
          "s",
          "sat",
          "saturday",
          "sep",
          "sept",
          "september",
          "sun",
          "sunday",
          "t",
          "thu",
          "thur",
          "thurs",
          "thursday",
          "today",
          "tomorrow",
          "tue",
          "tues",
          "tuesday",
          "wed",
          "wednesday",
          "weds",
          "y",
          "yesterday");

  private static Map.Entry<String, Keyword> unit(Unit unit, String word) {
    return Map.entry(word, new Keyword(Kind.UNIT, unit));
  }

  /** Looks a lower-case word up among the interval units (and "ago", "@"). */
  static Keyword unitWord(String lowerWord) {
    Keyword k = UNIT_WORDS.get(lowerWord);
    if (k == null && lowerWord.length() > SIGNIFICANT_CHARS) {
      // Only the ten-character words ("microsecon", "millennium"...) can match a longer word.
      k = UNIT_WORDS.get(lowerWord.substring(0, SIGNIFICANT_CHARS));
    }
    return k == null ? Keyword.UNKNOWN_WORD : k;
  }

  /** Whether a lower-case alphabetic word is one of PostgreSQL's general date/time words. */
  static boolean isDateWord(String lowerWord) {
    return DATE_WORDS.contains(lowerWord);
  }

  /** The PostgreSQL 17+ fallback for words that are not units. */
  static Keyword dateWord(String lowerWord) {
    switch (lowerWord) {
      case "at":
      case "on":
        return new Keyword(Kind.IGNORED, null);
      case "mm":
        return new Keyword(Kind.UNIT, Unit.MINUTE);
      case "dow":
      case "doy":
      case "isodow":
      case "isoyear":
      case "j":
      case "jd":
      case "julian":
        // Units of EXTRACT: they take a number, which is then refused (after its own checks).
        return new Keyword(Kind.UNIT, Unit.UNSUPPORTED);
      case "infinity":
      case "+infinity":
        return new Keyword(Kind.INFINITY, null);
      case "-infinity":
        return new Keyword(Kind.MINUS_INFINITY, null);
      default:
        return DATE_WORDS.contains(lowerWord)
            ? new Keyword(Kind.REJECTED, null)
            : Keyword.UNKNOWN_WORD;
    }
  }
}
