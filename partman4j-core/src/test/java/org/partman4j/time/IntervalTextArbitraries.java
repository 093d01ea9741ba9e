package org.partman4j.time;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random interval texts for comparing our parser with PostgreSQL's: every syntax the server accepts
 * (its own, SQL-standard, ISO 8601 with designators and the alternative forms), every unit
 * spelling, odd spacing and case, and deliberately broken variants of all of these.
 */
final class IntervalTextArbitraries {

  private IntervalTextArbitraries() {}

  static final List<String> UNIT_WORDS =
      List.of(
          "microsecond",
          "microseconds",
          "us",
          "usec",
          "usecs",
          "useconds",
          "usecond",
          "millisecond",
          "milliseconds",
          "ms",
          "msec",
          "msecs",
          "mseconds",
          "msecond",
          "second",
          "seconds",
          "s",
          "sec",
          "secs",
          "minute",
          "minutes",
          "m",
          "min",
          "mins",
          "hour",
          "hours",
          "h",
          "hr",
          "hrs",
          "day",
          "days",
          "d",
          "week",
          "weeks",
          "w",
          "month",
          "months",
          "mon",
          "mons",
          "year",
          "years",
          "y",
          "yr",
          "yrs",
          "decade",
          "decades",
          "dec",
          "decs",
          "century",
          "centuries",
          "c",
          "cent",
          "millennium",
          "millennia",
          "mil",
          "mils",
          "microsecondsx",
          "millisecondz",
          "millenniums",
          "mm",
          "qtr",
          "quarter",
          "timezone",
          "dya",
          "mnth",
          "hourz",
          "ago",
          "at",
          "on",
          "infinity",
          "epoch",
          "now",
          "jan",
          "mon",
          "julian",
          "t");

  /** Small numbers most of the time, sometimes at and beyond the 32- and 64-bit limits. */
  static Arbitrary<String> integer() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.integers().between(0, 100).map(String::valueOf)),
        Tuple.of(3, Arbitraries.integers().between(0, 100_000).map(String::valueOf)),
        Tuple.of(
            2,
            Arbitraries.of(
                "2147483647",
                "2147483648",
                "4294967296",
                "9223372036854775807",
                "9223372036854775808",
                "99999999999999999999",
                "178956970",
                "178956971",
                "306783378",
                "306783379",
                "2562047788",
                "2562047789",
                "153722867280912930",
                "0000000001",
                "00")),
        Tuple.of(2, Arbitraries.longs().between(0, Long.MAX_VALUE).map(String::valueOf)));
  }

  static Arbitrary<String> fraction() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(".5", ".25", ".1", ".75", ".999999", ".0000005", ".0000015")),
        Tuple.of(
            3, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9).map(s -> "." + s)),
        Tuple.of(1, Arbitraries.of(".", ".99999999999")));
  }

  static Arbitrary<String> number() {
    Arbitrary<String> sign = Arbitraries.of("", "", "", "-", "+");
    Arbitrary<String> frac =
        Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just(""), fraction());
    return Combinators.combine(sign, integer(), frac).as((s, i, f) -> s + i + f);
  }

  static Arbitrary<String> unitWord() {
    return Arbitraries.of(UNIT_WORDS).flatMap(IntervalTextArbitraries::randomCase);
  }

  private static Arbitrary<String> randomCase(String word) {
    return Arbitraries.of(0, 0, 0, 1, 2)
        .map(c -> c == 0 ? word : c == 1 ? word.toUpperCase() : capitalize(word));
  }

  private static String capitalize(String w) {
    return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  static Arbitrary<String> clock() {
    Arbitrary<String> h =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.integers().between(0, 30).map(i -> String.format("%02d", i))),
            Tuple.of(
                1, Arbitraries.of("100", "2147483647", "2147483648", "2562047788", "9999999999")));
    Arbitrary<String> mm = Arbitraries.integers().between(0, 61).map(i -> String.format("%02d", i));
    Arbitrary<String> tail =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just("")),
            Tuple.of(4, mm.map(s -> ":" + s)),
            Tuple.of(3, Combinators.combine(mm, fraction()).as((s, f) -> ":" + s + f)),
            Tuple.of(1, fraction()),
            Tuple.of(1, Arbitraries.of(":", "::", ":60.5")));
    Arbitrary<String> sign = Arbitraries.of("", "", "", "-", "+", "- ");
    return Combinators.combine(sign, h, mm, tail).as((s, hh, m, t) -> s + hh + ":" + m + t);
  }

  static Arbitrary<String> part() {
    Arbitrary<String> sep = Arbitraries.of(" ", " ", " ", "", "  ", "\t");
    return Arbitraries.frequencyOf(
        Tuple.of(10, Combinators.combine(number(), sep, unitWord()).as((n, s, u) -> n + s + u)),
        Tuple.of(3, clock()),
        Tuple.of(
            2,
            Combinators.combine(
                    Arbitraries.of("", "-", "+"), integer(), Arbitraries.integers().between(-1, 13))
                .as((s, y, m) -> s + y + "-" + m)),
        Tuple.of(2, number()),
        Tuple.of(1, unitWord()));
  }

  static Arbitrary<String> postgresSyntax() {
    Arbitrary<String> prefix = Arbitraries.of("", "", "", "@ ", "@", " ", "on ", "at ");
    Arbitrary<String> suffix = Arbitraries.of("", "", "", "", " ago", " AGO", " ", ",");
    Arbitrary<String> joiner = Arbitraries.of(" ", " ", " ", ", ", "  ", "\t", "");
    Arbitrary<List<String>> parts = part().list().ofMinSize(1).ofMaxSize(5);
    return Combinators.combine(prefix, parts, joiner, suffix)
        .as((p, ps, j, s) -> p + String.join(j, ps) + s);
  }

  static Arbitrary<String> isoNumber() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.integers().between(0, 100).map(String::valueOf)),
        Tuple.of(
            3,
            Combinators.combine(Arbitraries.integers().between(0, 30), fraction())
                .as((i, f) -> i + f)),
        Tuple.of(2, Arbitraries.integers().between(-50, -1).map(String::valueOf)),
        Tuple.of(
            1,
            Arbitraries.of(
                "2147483648",
                "1e3",
                "1.5e2",
                "1e15",
                "999999999999999",
                "1000000000000001",
                ".5",
                "-.5",
                "0x10",
                "-0",
                "1e400",
                "2562047788",
                "9e18")));
  }

  static Arbitrary<String> iso() {
    Arbitrary<String> designated =
        Combinators.combine(
                designators("YMWD"), designators("HMS"), Arbitraries.of(true, true, false))
            .as((d, t, withT) -> "P" + d + (withT || !t.isEmpty() ? "T" + t : ""));
    Arbitrary<String> d2 = Arbitraries.integers().between(0, 99).map(i -> String.format("%02d", i));
    Arbitrary<String> y4 =
        Arbitraries.integers().between(0, 9999).map(i -> String.format("%04d", i));
    Arbitrary<String> extended =
        Combinators.combine(y4, d2, d2, d2, d2, d2, Arbitraries.of(0, 1, 2, 3, 4))
            .as(
                (y, mo, d, h, mi, s, form) ->
                    switch (form) {
                      case 0 -> "P" + y + "-" + mo + "-" + d + "T" + h + ":" + mi + ":" + s;
                      case 1 -> "P" + y + "-" + mo;
                      case 2 -> "P" + y + mo + d + "T" + h + mi + s;
                      case 3 -> "P" + y + "-" + mo + "-" + d;
                      default -> "PT" + h + ":" + mi;
                    });
    return Arbitraries.frequencyOf(Tuple.of(3, designated), Tuple.of(1, extended));
  }

  private static Arbitrary<String> designators(String letters) {
    List<Arbitrary<String>> each = new ArrayList<>();
    for (char c : letters.toCharArray()) {
      each.add(Arbitraries.oneOf(Arbitraries.just(""), isoNumber().map(n -> n + c)));
    }
    return Combinators.combine(each).as(parts -> String.join("", parts));
  }

  /** Fixed texts from PostgreSQL's documentation and edge cases found along the way. */
  static Arbitrary<String> known() {
    return Arbitraries.of(
        "1 day",
        "1 week",
        "3 months",
        "90 minutes",
        "01:30:00",
        "1:30",
        "1 year 2 mons",
        "@ 1 day ago",
        "-1 day +02:00:00",
        "P1D",
        "PT1H30M",
        "P1Y2M3DT4H5M6.5S",
        "P1W",
        "P0001-02-03T04:05:06",
        "1-2",
        "1 2:03:04",
        "1.5 days",
        "0.5 months",
        "1.5 years",
        "1.5 weeks",
        "10",
        "infinity",
        "-infinity",
        "+infinity",
        "",
        " ",
        "1-",
        "1d2h",
        "01:00:00 1.5 days",
        "1.5 days 01:00:00",
        "10 ago",
        "1:30:",
        "1::30",
        "1 week infinity",
        "P0x10D",
        "P-nanD",
        "PT010203.5",
        "P20010203T040506",
        "1 mon -0.05 years",
        "1.",
        "178956970 years 7 mons",
        "-178956970 years -8 mons",
        "2147483647 days 1 day",
        "0.0000015 s",
        "-2147483648 hours",
        "2147483648 hours",
        "1.99 years",
        "1 day hour",
        "1 day ago 2 hours",
        "5 mm",
        "P",
        "PT",
        "1 millisecondfoo",
        "1:59:60.5",
        "+ 5",
        "- 5 days",
        "1 2 3",
        "1 hour 2",
        "P1DT",
        "2147483647 mons 2147483647 days 9223372036854775807 us",
        "-2147483648 mons -2147483648 days -9223372036854775808 us",
        "0".repeat(253) + "1 d",
        "0".repeat(254) + "1 d",
        "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25");
  }

  /** A text with one or two random edits: the parsers must agree on broken input too. */
  static Arbitrary<String> mutated(Arbitrary<String> base) {
    Arbitrary<Integer> kind = Arbitraries.integers().between(0, 3);
    Arbitrary<Character> ch =
        Arbitraries.of(
            ' ', '-', '+', '.', ':', ',', '@', '/', 'P', 'T', 'Y', 'M', 'D', 'H', 'S', '0', '1',
            '5', '9', 'a', 'd', 'h', 'm', 's', 'y', 'e', 'x', '_', '\'', 'é');
    Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
    return Combinators.combine(base, kind, ch, where)
        .as(
            (s, k, c, w) -> {
              int at = (int) Math.floor(w * s.length());
              return switch (k) {
                case 0 -> s.substring(0, at) + c + s.substring(at);
                case 1 ->
                    s.isEmpty()
                        ? s
                        : s.substring(0, Math.min(at, s.length() - 1))
                            + s.substring(Math.min(at, s.length() - 1) + 1);
                case 2 ->
                    s.isEmpty()
                        ? String.valueOf(c)
                        : s.substring(0, Math.min(at, s.length() - 1))
                            + c
                            + s.substring(Math.min(at, s.length() - 1) + 1);
                default -> s + s.substring(at);
              };
            });
  }

  static Arbitrary<String> garbage() {
    return Arbitraries.strings().withChars(" -+.:,@PTYMWDHSpdhmsy0123456789e").ofMaxLength(10);
  }

  /** The whole mix. */
  static Arbitrary<String> texts() {
    Arbitrary<String> valid =
        Arbitraries.frequencyOf(
            Tuple.of(6, postgresSyntax()), Tuple.of(3, iso()), Tuple.of(1, known()));
    return Arbitraries.frequencyOf(
        Tuple.of(6, valid), Tuple.of(3, mutated(valid)), Tuple.of(1, garbage()));
  }
}
