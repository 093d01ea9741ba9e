package org.partman4j.time;

import java.math.BigDecimal;
import java.time.DateTimeException;
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

/**
 * pg_partman's premade count, {@code round(EXTRACT(epoch FROM age(a, b)) / EXTRACT(epoch FROM
 * interval))}, against PostgreSQL: the quotient's digits and scale as well as the rounded count.
 */
class PremakeCountPostgresProperties {

  static final int CASES_PER_ZONE = 300;

  private static TestDatabase db;
  private static PgOracle pg;
  private static final Tally QUOTIENT = new Tally("PremakeCount quotient (digits and scale)");
  private static final Tally COUNT = new Tally("PremakeCount.count");

  @BeforeContainer
  static void start() {
    db = TestDatabase.create("premake_count");
    pg = PgOracle.open(db);
  }

  @AfterContainer
  static void stop() {
    QUOTIENT.report(pg.majorVersion());
    COUNT.report(pg.majorVersion());
    pg.close();
    db.close();
  }

  @Property(tries = 20, shrinking = ShrinkingMode.OFF)
  void countMatchesPostgres(@ForAll Random random) {
    for (ZoneId zone : TimeCases.ZONES) {
      List<Instant> as = new ArrayList<>();
      List<Instant> bs = new ArrayList<>();
      List<PgInterval> intervals = new ArrayList<>();
      while (intervals.size() < CASES_PER_ZONE) {
        PgInterval iv = random.nextBoolean() ? TimeCases.partitionInterval(random) : tiny(random);
        if (random.nextInt(3) == 0) {
          iv = TimeCases.interval(random);
        }
        if (iv.epochSeconds().signum() == 0) {
          continue; // "division by zero" in PostgreSQL too; covered by the unit test
        }
        Instant b = TimeCases.instant(random, zone);
        Instant a;
        try {
          a = near(random, b, iv, zone);
        } catch (DateTimeException | ArithmeticException e) {
          a = TimeCases.instant(random, zone); // k intervals away left PostgreSQL's range
        }
        as.add(a);
        bs.add(b);
        intervals.add(iv);
      }
      pg.useZone(zone);
      List<String[]> rows =
          pg.query(
              "SELECT micros_of(a), micros_of(b), iv_fields(i), q::text, round(q)::text"
                  + " FROM (SELECT a, b, i, EXTRACT(epoch FROM age(a, b)) / EXTRACT(epoch FROM i) AS q,"
                  + " ord FROM (SELECT ts_of(s1, us1) AS a, ts_of(s2, us2) AS b, iv_of(m, d, x) AS i,"
                  + " ord FROM unnest(?::bigint[], ?::int[], ?::bigint[], ?::int[], ?::int[], ?::int[],"
                  + " ?::bigint[]) WITH ORDINALITY AS u(s1, us1, s2, us2, m, d, x, ord)) p) q"
                  + " ORDER BY ord",
              PgOracle.seconds(as),
              PgOracle.micros(as),
              PgOracle.seconds(bs),
              PgOracle.micros(bs),
              intervals.stream().mapToInt(PgInterval::months).toArray(),
              intervals.stream().mapToInt(PgInterval::days).toArray(),
              intervals.stream().mapToLong(PgInterval::micros).toArray());
      for (int i = 0; i < rows.size(); i++) {
        Instant a = as.get(i);
        Instant b = bs.get(i);
        PgInterval iv = intervals.get(i);
        String[] row = rows.get(i);
        Transport.check(a, row[0]);
        Transport.check(b, row[1]);
        Transport.check(iv, row[2]);
        BigDecimal q = PremakeCount.quotient(a, b, iv, zone);
        String javaQ = q.toPlainString();
        QUOTIENT.check(
            zone,
            javaQ.equals(row[3]),
            () -> "age(" + a + ", " + b + ") / " + iv + ": " + javaQ + " vs " + row[3]);
        String javaCount = PgNumeric.round(q).toPlainString();
        // The public API's long must agree wherever the count fits one.
        String apiCount =
            javaCount.length() < 18 ? Long.toString(PremakeCount.count(a, b, iv, zone)) : javaCount;
        COUNT.check(
            zone,
            javaCount.equals(row[4]) && apiCount.equals(row[4]),
            () -> "count(" + a + ", " + b + ", " + iv + "): " + apiCount + " vs " + row[4]);
      }
    }
    QUOTIENT.assertNoMismatch();
    COUNT.assertNoMismatch();
  }

  /** Small steps (a microsecond to a few minutes), for large quotients and unusual scales. */
  static PgInterval tiny(Random random) {
    long[] steps = {1, 7, 1_000, 999_999, 1_000_000, 1_500_000, 60_000_000, 86_399_999_999L};
    return PgInterval.ofMicros(steps[random.nextInt(steps.length)] * (random.nextInt(9) + 1));
  }

  /**
   * An instant some intervals from {@code b}: a whole number of them (the usual partition case), a
   * half more (where rounding decides), or a bit off either way.
   */
  static Instant near(Random random, Instant b, PgInterval iv, ZoneId zone) {
    switch (random.nextInt(4)) {
      case 0:
        return TimeCases.instant(random, zone);
      case 1:
        return ZonedArithmetic.plus(b, iv.multipliedBy(random.nextInt(41) - 20), zone);
      case 2:
        if (iv.months() == 0 && iv.days() == 0 && Math.abs(iv.micros()) < 1_000_000_000_000L) {
          long k = random.nextInt(41) - 20;
          long half = iv.micros() / 2;
          return b.plusNanos((k * iv.micros() + half) * 1000);
        }
        return ZonedArithmetic.plus(b, iv.multipliedBy(random.nextInt(7) - 3), zone);
      default:
        Instant whole = ZonedArithmetic.plus(b, iv.multipliedBy(random.nextInt(21) - 10), zone);
        return whole.plusNanos((random.nextInt(2001) - 1000) * 1000L);
    }
  }
}
