package org.partman4j.time;

import java.time.Instant;
import java.time.ZoneId;
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
 * The precondition of every other property: the JDK's tz rules and the server's tz database give
 * the same UTC offset for the tested zones. Checked at both sides of every transition in 1900-2150
 * and at random instants over PostgreSQL's whole range (local mean time in the far past, rules
 * extrapolated in the far future).
 */
class TzdataAgreementProperties {

  static final int SAMPLES_PER_ZONE = 1000;

  private static TestDatabase db;
  private static PgOracle pg;
  private static final Tally TRANSITIONS = new Tally("tzdata: offsets around transitions");
  private static final Tally SAMPLES = new Tally("tzdata: offsets at random instants");

  @BeforeContainer
  static void start() {
    db = TestDatabase.create("tzdata");
    pg = PgOracle.open(db);
  }

  @AfterContainer
  static void stop() {
    TRANSITIONS.report(pg.majorVersion());
    SAMPLES.report(pg.majorVersion());
    pg.close();
    db.close();
  }

  @Example
  void offsetsAgreeAroundEveryTransition() {
    for (ZoneId zone : DateTruncPostgresProperties.zones()) {
      List<Instant> ts = new ArrayList<>();
      for (Instant t : TimeCases.transitions(zone)) {
        ts.add(t.minusNanos(1000));
        ts.add(t);
      }
      compare(zone, ts, TRANSITIONS);
    }
    TRANSITIONS.assertNoMismatch();
  }

  @Property(tries = 3, shrinking = ShrinkingMode.OFF)
  void offsetsAgreeAtRandomInstants(@ForAll Random random) {
    for (ZoneId zone : DateTruncPostgresProperties.zones()) {
      List<Instant> ts = new ArrayList<>();
      for (int i = 0; i < SAMPLES_PER_ZONE; i++) {
        switch (i % 3) {
          case 0:
            ts.add(TimeCases.uniform(random, TimeCases.WIDE_FIRST_YEAR, TimeCases.WIDE_LAST_YEAR));
            break;
          case 1:
            ts.add(TimeCases.uniform(random, -4712, 294_275));
            break;
          default:
            ts.add(TimeCases.instant(random, zone));
        }
      }
      compare(zone, ts, SAMPLES);
    }
    SAMPLES.assertNoMismatch();
  }

  private static void compare(ZoneId zone, List<Instant> ts, Tally tally) {
    pg.useZone(zone);
    List<String[]> rows =
        pg.query(
            "SELECT micros_of(t), EXTRACT(timezone FROM t)::int FROM (SELECT ts_of(s, us) AS t, ord"
                + " FROM unnest(?::bigint[], ?::int[]) WITH ORDINALITY AS u(s, us, ord)) q"
                + " ORDER BY ord",
            PgOracle.seconds(ts),
            PgOracle.micros(ts));
    for (int i = 0; i < rows.size(); i++) {
      Instant t = ts.get(i);
      String[] row = rows.get(i);
      Transport.check(t, row[0]);
      int java = PgZoneRules.offsetAt(t, zone).getTotalSeconds();
      int postgres = Integer.parseInt(row[1]);
      tally.check(
          zone,
          java == postgres,
          () -> "offset at " + t + ": JDK " + java + " s, server " + postgres);
    }
  }
}
