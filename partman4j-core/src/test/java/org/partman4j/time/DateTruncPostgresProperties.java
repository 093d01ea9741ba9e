package org.partman4j.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.partman4j.testkit.TestDatabase;

/** {@code date_trunc(unit, timestamptz)} against PostgreSQL for every unit and test zone. */
class DateTruncPostgresProperties {

  static final int INSTANTS_PER_ZONE = 250;

  private static TestDatabase db;
  private static PgOracle pg;
  private static final Tally TRUNC = new Tally("DateTrunc (all 13 units)");
  private static final Tally UNIT_TEXT = new Tally("DateTrunc (unit given as text)");

  @BeforeContainer
  static void start() {
    db = TestDatabase.create("date_trunc");
    pg = PgOracle.open(db);
  }

  @AfterContainer
  static void stop() {
    TRUNC.report(pg.majorVersion());
    UNIT_TEXT.report(pg.majorVersion());
    pg.close();
    db.close();
  }

  static List<ZoneId> zones() {
    List<ZoneId> zones = new ArrayList<>(TimeCases.ZONES);
    zones.add(TimeCases.MIDNIGHT_DST);
    return zones;
  }

  @Property(tries = 20, shrinking = ShrinkingMode.OFF)
  void everyUnitMatchesPostgres(@ForAll Random random) {
    TruncUnit[] units = TruncUnit.values();
    StringBuilder sql = new StringBuilder("SELECT micros_of(t), micros_of(date_trunc(u, t))");
    for (TruncUnit unit : units) {
      sql.append(", micros_of(date_trunc('").append(unit.sqlName()).append("', t))");
    }
    sql.append(
        " FROM (SELECT ts_of(s, us) AS t, u, ord FROM unnest(?::bigint[], ?::int[], ?::text[])"
            + " WITH ORDINALITY AS x(s, us, u, ord)) q ORDER BY ord");
    for (ZoneId zone : zones()) {
      List<Instant> ts = new ArrayList<>();
      String[] unitTexts = new String[INSTANTS_PER_ZONE];
      for (int i = 0; i < INSTANTS_PER_ZONE; i++) {
        ts.add(TimeCases.instant(random, zone));
        unitTexts[i] = unitSpelling(random);
      }
      pg.useZone(zone);
      List<String[]> rows =
          pg.query(sql.toString(), PgOracle.seconds(ts), PgOracle.micros(ts), unitTexts);
      for (int i = 0; i < rows.size(); i++) {
        Instant t = ts.get(i);
        String[] row = rows.get(i);
        Transport.check(t, row[0]);
        String unitText = unitTexts[i];
        Instant byText = DateTrunc.trunc(unitText, t, zone);
        Instant pgByText = PgOracle.instantOf(row[1]);
        UNIT_TEXT.check(
            zone,
            byText.equals(pgByText),
            () -> "date_trunc('" + unitText + "', " + t + "): " + byText + " vs " + pgByText);
        for (int u = 0; u < units.length; u++) {
          TruncUnit unit = units[u];
          Instant java = DateTrunc.trunc(unit, t, zone);
          Instant postgres = PgOracle.instantOf(row[2 + u]);
          TRUNC.check(
              zone,
              java.equals(postgres),
              () -> "date_trunc('" + unit.sqlName() + "', " + t + "): " + java + " vs " + postgres);
        }
      }
    }
    TRUNC.assertNoMismatch();
    UNIT_TEXT.assertNoMismatch();
  }

  /** One of PostgreSQL's spellings of a random unit, in random letter case. */
  static String unitSpelling(Random random) {
    TruncUnit unit = TruncUnit.values()[random.nextInt(TruncUnit.values().length)];
    String keyword = unit.keywords().get(random.nextInt(unit.keywords().size()));
    if (keyword.length() == 10) {
      // PostgreSQL reads only ten characters: "microsecon" stands for "microseconds" and more.
      keyword += random.nextBoolean() ? "ds" : "d";
    }
    switch (random.nextInt(3)) {
      case 0:
        return keyword.toUpperCase(Locale.ROOT);
      case 1:
        return Character.toUpperCase(keyword.charAt(0)) + keyword.substring(1);
      default:
        return keyword;
    }
  }

  @Example
  void unitNamesAreAcceptedAndRejectedAsPostgresDoes() {
    List<String> candidates = new ArrayList<>();
    for (TruncUnit unit : TruncUnit.values()) {
      for (String k : unit.keywords()) {
        candidates.add(k);
        candidates.add(k.toUpperCase(Locale.ROOT));
        candidates.add(k + "x");
        candidates.add(k.substring(0, k.length() - 1));
        candidates.add(" " + k);
      }
    }
    candidates.addAll(
        List.of(
            "",
            "epoch",
            "timezone",
            "timezone_hour",
            "dow",
            "isodow",
            "doy",
            "julian",
            "isoyear",
            "fortnight",
            "ago",
            "@",
            "millisecondsXYZ",
            "microsecondsabc",
            "millenniumfoo",
            "centuriesx",
            "weeks ",
            "day\t",
            "Ｄay"));
    pg.useZone(ZoneId.of("UTC"));
    Instant t = Instant.parse("2026-11-18T10:11:12.345678Z");
    for (String candidate : candidates) {
      String pgError =
          pg.errorOf(
              "SELECT date_trunc(?, timestamptz '2026-11-18 10:11:12.345678+00')", candidate);
      TruncUnit parsed;
      try {
        parsed = TruncUnit.parse(candidate);
      } catch (IllegalArgumentException e) {
        parsed = null;
      }
      if (pgError != null) {
        assertThat(parsed).as("PostgreSQL rejects '%s' (%s)", candidate, pgError).isNull();
      } else {
        assertThat(parsed).as("PostgreSQL accepts '%s'", candidate).isNotNull();
        String pgResult =
            pg.query(
                    "SELECT micros_of(date_trunc(u, timestamptz '2026-11-18 10:11:12.345678+00'))"
                        + " FROM unnest(?::text[]) u",
                    (Object) new String[] {candidate})
                .get(0)[0];
        assertThat(DateTrunc.trunc(parsed, t, ZoneId.of("UTC")))
            .as("date_trunc('%s')", candidate)
            .isEqualTo(PgOracle.instantOf(pgResult));
      }
    }
  }
}
