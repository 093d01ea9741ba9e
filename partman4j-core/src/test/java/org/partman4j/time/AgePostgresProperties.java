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

/** {@code age(timestamptz, timestamptz)} against PostgreSQL, in every test zone. */
class AgePostgresProperties {

  static final int CASES_PER_ZONE = 300;

  private static TestDatabase db;
  private static PgOracle pg;
  private static final Tally AGE = new Tally("Age.age");

  @BeforeContainer
  static void start() {
    db = TestDatabase.create("age");
    pg = PgOracle.open(db);
  }

  @AfterContainer
  static void stop() {
    AGE.report(pg.majorVersion());
    pg.close();
    db.close();
  }

  @Property(tries = 20, shrinking = ShrinkingMode.OFF)
  void ageMatchesPostgres(@ForAll Random random) {
    for (ZoneId zone : TimeCases.ZONES) {
      List<Instant> as = new ArrayList<>();
      List<Instant> bs = new ArrayList<>();
      for (int i = 0; i < CASES_PER_ZONE; i++) {
        Instant b = TimeCases.instant(random, zone);
        Instant a;
        switch (random.nextInt(3)) {
          case 0:
            a = TimeCases.instant(random, zone);
            break;
          case 1:
            // A calendar step away: the borrowing cases (month ends, DST days) live here.
            a = ZonedArithmetic.plus(b, TimeCases.interval(random), zone);
            break;
          default:
            b = TimeCases.monthEnd(random, zone);
            a =
                ZonedArithmetic.plus(
                    TimeCases.monthEnd(random, zone),
                    PgInterval.ofMonths(random.nextInt(25) - 12),
                    zone);
            break;
        }
        if (random.nextBoolean()) {
          as.add(a);
          bs.add(b);
        } else {
          as.add(b);
          bs.add(a);
        }
      }
      pg.useZone(zone);
      List<String[]> rows =
          pg.query(
              "SELECT micros_of(a), micros_of(b), iv_fields(age(a, b))"
                  + " FROM (SELECT ts_of(s1, us1) AS a, ts_of(s2, us2) AS b, ord"
                  + " FROM unnest(?::bigint[], ?::int[], ?::bigint[], ?::int[])"
                  + " WITH ORDINALITY AS u(s1, us1, s2, us2, ord)) q ORDER BY ord",
              PgOracle.seconds(as),
              PgOracle.micros(as),
              PgOracle.seconds(bs),
              PgOracle.micros(bs));
      for (int i = 0; i < rows.size(); i++) {
        Instant a = as.get(i);
        Instant b = bs.get(i);
        String[] row = rows.get(i);
        Transport.check(a, row[0]);
        Transport.check(b, row[1]);
        PgInterval java = Age.age(a, b, zone);
        PgInterval postgres = PgOracle.intervalOf(row[2]);
        AGE.check(
            zone,
            java.equals(postgres),
            () -> "age(" + a + ", " + b + "): " + java + " vs " + postgres);
      }
    }
    AGE.assertNoMismatch();
  }
}
