package org.partman4j.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.partman4j.testkit.TestDatabase;

/**
 * {@code to_char(ts, fmt)} and {@code to_timestamp(text, fmt)} against PostgreSQL for the child
 * name formats, in every test zone.
 */
class ToCharPostgresProperties {

  static final int CASES_PER_ZONE = 300;

  private static TestDatabase db;
  private static PgOracle pg;
  private static final Tally TO_CHAR = new Tally("SuffixFormat.format (to_char)");
  private static final Tally ROUND_TRIP = new Tally("SuffixFormat.parse of to_char output");
  private static final Tally LOCAL_TEXT = new Tally("SuffixFormat.parse near transitions");

  @BeforeContainer
  static void start() {
    db = TestDatabase.create("to_char");
    pg = PgOracle.open(db);
  }

  @AfterContainer
  static void stop() {
    TO_CHAR.report(pg.majorVersion());
    ROUND_TRIP.report(pg.majorVersion());
    LOCAL_TEXT.report(pg.majorVersion());
    pg.close();
    db.close();
  }

  @Property(tries = 20, shrinking = ShrinkingMode.OFF)
  void formatAndParseMatchPostgres(@ForAll Random random) {
    SuffixFormat[] formats = SuffixFormat.values();
    for (ZoneId zone : TimeCases.ZONES) {
      List<Instant> ts = new ArrayList<>();
      String[] patterns = new String[CASES_PER_ZONE];
      String[] localTexts = new String[CASES_PER_ZONE];
      // 1 where the Java parse of the to_char text succeeds; PostgreSQL parses only those in the
      // batch, and must refuse the others (BC February 29 printed as an AD year, for one).
      int[] readable = new int[CASES_PER_ZONE];
      for (int i = 0; i < CASES_PER_ZONE; i++) {
        SuffixFormat format = formats[random.nextInt(formats.length)];
        patterns[i] = format.pattern();
        Instant t = instant(random, zone, format);
        ts.add(t);
        readable[i] = parses(format, format.format(t, zone), zone) ? 1 : 0;
        // A BC February 29 prints as an AD year without one, which neither side can read back
        // (and would fail the whole batch query): draw another local time then.
        do {
          localTexts[i] = format.format(localNearTransition(random, zone), ZoneOffset.UTC);
        } while (!parses(format, localTexts[i], zone));
      }
      pg.useZone(zone);
      List<String[]> rows =
          pg.query(
              "SELECT micros_of(t), to_char(t, f),"
                  + " CASE WHEN r = 1 THEN micros_of(to_timestamp(to_char(t, f), f)) END,"
                  + " micros_of(to_timestamp(l, f))"
                  + " FROM (SELECT ts_of(s, us) AS t, f, l, r, ord"
                  + " FROM unnest(?::bigint[], ?::int[], ?::text[], ?::text[], ?::int[])"
                  + " WITH ORDINALITY AS u(s, us, f, l, r, ord)) q ORDER BY ord",
              PgOracle.seconds(ts),
              PgOracle.micros(ts),
              patterns,
              localTexts,
              readable);
      int refusals = 0;
      for (int i = 0; i < rows.size(); i++) {
        Instant t = ts.get(i);
        String[] row = rows.get(i);
        Transport.check(t, row[0]);
        SuffixFormat format = SuffixFormat.ofPattern(patterns[i]);
        String text = format.format(t, zone);
        TO_CHAR.check(
            zone,
            text.equals(row[1]),
            () -> "to_char(" + t + ", " + format.pattern() + "): " + text + " vs " + row[1]);
        if (readable[i] == 1) {
          Instant back = format.parse(text, zone);
          Instant pgBack = PgOracle.instantOf(row[2]);
          ROUND_TRIP.check(
              zone,
              back.equals(pgBack),
              () ->
                  "to_timestamp('"
                      + text
                      + "', "
                      + format.pattern()
                      + "): "
                      + back
                      + " vs "
                      + pgBack);
        } else if (refusals++ < 3) {
          String error = pg.errorOf("SELECT to_timestamp(?, ?)", text, format.pattern());
          ROUND_TRIP.check(
              zone,
              error != null,
              () -> "to_timestamp('" + text + "', " + format.pattern() + ") fails in Java only");
        }
        String local = localTexts[i];
        Instant parsed = format.parse(local, zone);
        Instant pgParsed = PgOracle.instantOf(row[3]);
        LOCAL_TEXT.check(
            zone,
            parsed.equals(pgParsed),
            () ->
                "to_timestamp('"
                    + local
                    + "', "
                    + format.pattern()
                    + "): "
                    + parsed
                    + " vs "
                    + pgParsed);
      }
    }
    TO_CHAR.assertNoMismatch();
    ROUND_TRIP.assertNoMismatch();
    LOCAL_TEXT.assertNoMismatch();
  }

  static boolean parses(SuffixFormat format, String text, ZoneId zone) {
    try {
      format.parse(text, zone);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Mostly the usual instants (BC years among them); for the formats with a separator after the
   * year also five- and six-digit years, which PostgreSQL prints in full and reads back.
   */
  static Instant instant(Random random, ZoneId zone, SuffixFormat format) {
    boolean yearMayGrow =
        format != SuffixFormat.YYYYMMDD && format != SuffixFormat.YYYYMMDD_HH24MISS;
    if (yearMayGrow && random.nextInt(20) == 0) {
      return TimeCases.uniform(random, 10_000, 294_275);
    }
    return TimeCases.instant(random, zone);
  }

  /**
   * A local date and time within 90 minutes of a transition, as a UTC instant with those fields.
   */
  static Instant localNearTransition(Random random, ZoneId zone) {
    Instant t = TimeCases.landingNearTransition(random, zone, 0, 0);
    return PgZoneRules.toLocal(t, zone)
        .plusMinutes(random.nextInt(121) - 60)
        .toInstant(ZoneOffset.UTC);
  }

  @Example
  void fiveDigitYearsDoNotReadBackWithoutSeparator() {
    pg.useZone(ZoneId.of("UTC"));
    Instant year12345 = LocalDateTime.of(12345, 1, 2, 3, 4, 5).toInstant(ZoneOffset.UTC);
    for (SuffixFormat format :
        new SuffixFormat[] {SuffixFormat.YYYYMMDD, SuffixFormat.YYYYMMDD_HH24MISS}) {
      String text = format.format(year12345, ZoneId.of("UTC"));
      assertThat(pg.errorOf("SELECT to_timestamp(?, ?)", text, format.pattern()))
          .as("PostgreSQL reads %s back", text)
          .contains("out of range");
      assertThatThrownBy(() -> format.parse(text, ZoneId.of("UTC")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
