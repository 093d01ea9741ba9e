package org.partman4j.time;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.partman4j.testkit.TestDatabase;

/** {@code timestamptz + interval} and {@code - interval} against PostgreSQL, in every test zone. */
class ZonedArithmeticPostgresProperties {

  static final int CASES_PER_ZONE = 300;

  private static TestDatabase db;
  private static PgOracle pg;
  private static final Tally PLUS = new Tally("ZonedArithmetic.plus");
  private static final Tally MINUS = new Tally("ZonedArithmetic.minus");

  @BeforeContainer
  static void start() {
    db = TestDatabase.create("zoned_arithmetic");
    pg = PgOracle.open(db);
  }

  @AfterContainer
  static void stop() {
    PLUS.report(pg.majorVersion());
    MINUS.report(pg.majorVersion());
    pg.close();
    db.close();
  }

  @Property(tries = 20, shrinking = ShrinkingMode.OFF)
  void plusAndMinusMatchPostgres(@ForAll Random random) {
    for (ZoneId zone : TimeCases.ZONES) {
      List<Instant> ts = new ArrayList<>();
      List<PgInterval> intervals = new ArrayList<>();
      for (int i = 0; i < CASES_PER_ZONE; i++) {
        PgInterval iv = TimeCases.interval(random);
        intervals.add(iv);
        // A third of the sums and a third of the differences are aimed at a transition.
        switch (i % 3) {
          case 0:
            ts.add(TimeCases.landingNearTransition(random, zone, iv.months(), iv.days()));
            break;
          case 1:
            ts.add(TimeCases.landingNearTransition(random, zone, -iv.months(), -iv.days()));
            break;
          default:
            ts.add(TimeCases.instant(random, zone));
        }
      }
      pg.useZone(zone);
      List<String[]> rows =
          pg.query(
              "SELECT micros_of(t), iv_fields(i), micros_of(t + i), micros_of(t - i)"
                  + " FROM (SELECT ts_of(s, us) AS t, iv_of(m, d, x) AS i, ord"
                  + " FROM unnest(?::bigint[], ?::int[], ?::int[], ?::int[], ?::bigint[])"
                  + " WITH ORDINALITY AS u(s, us, m, d, x, ord)) q ORDER BY ord",
              PgOracle.seconds(ts),
              PgOracle.micros(ts),
              intervals.stream().mapToInt(PgInterval::months).toArray(),
              intervals.stream().mapToInt(PgInterval::days).toArray(),
              intervals.stream().mapToLong(PgInterval::micros).toArray());
      for (int i = 0; i < rows.size(); i++) {
        Instant t = ts.get(i);
        PgInterval iv = intervals.get(i);
        String[] row = rows.get(i);
        Transport.check(t, row[0]);
        Transport.check(iv, row[1]);
        Instant plus = ZonedArithmetic.plus(t, iv, zone);
        Instant minus = ZonedArithmetic.minus(t, iv, zone);
        Instant pgPlus = PgOracle.instantOf(row[2]);
        Instant pgMinus = PgOracle.instantOf(row[3]);
        PLUS.check(zone, plus.equals(pgPlus), () -> t + " + " + iv + ": " + plus + " vs " + pgPlus);
        MINUS.check(
            zone, minus.equals(pgMinus), () -> t + " - " + iv + ": " + minus + " vs " + pgMinus);
      }
    }
    PLUS.assertNoMismatch();
    MINUS.assertNoMismatch();
  }
}
