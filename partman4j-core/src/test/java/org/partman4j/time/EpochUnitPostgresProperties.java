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

/**
 * pg_partman's epoch bounds ({@code EXTRACT(epoch FROM ts)::bigint * factor}) and read-back ({@code
 * to_timestamp((col / factor)::float)}) against PostgreSQL.
 */
class EpochUnitPostgresProperties {

  static final int CASES_PER_ZONE = 300;
  static final EpochUnit[] UNITS = {
    EpochUnit.SECONDS, EpochUnit.MILLISECONDS, EpochUnit.MICROSECONDS, EpochUnit.NANOSECONDS
  };
  static final long[] FACTORS = {1, 1_000, 1_000_000, 1_000_000_000};

  private static TestDatabase db;
  private static PgOracle pg;
  private static final Tally BOUND = new Tally("EpochUnit.boundFor");
  private static final Tally READ = new Tally("EpochUnit.instantFor");

  @BeforeContainer
  static void start() {
    db = TestDatabase.create("epoch_unit");
    pg = PgOracle.open(db);
  }

  @AfterContainer
  static void stop() {
    BOUND.report(pg.majorVersion());
    READ.report(pg.majorVersion());
    pg.close();
    db.close();
  }

  @Property(tries = 20, shrinking = ShrinkingMode.OFF)
  void boundsAndReadBackMatchPostgres(@ForAll Random random) {
    long minSeconds = PgTimestamps.MIN.getEpochSecond();
    long endSeconds = PgTimestamps.END.getEpochSecond();
    // The session zone changes nothing here; the loop makes the counts comparable per zone.
    for (ZoneId zone : TimeCases.ZONES) {
      List<Instant> ts = new ArrayList<>();
      // bit u set when unit u's bound fits a bigint (in Java); only those are computed in SQL
      int[] fits = new int[CASES_PER_ZONE];
      long[][] values = new long[UNITS.length][CASES_PER_ZONE];
      for (int i = 0; i < CASES_PER_ZONE; i++) {
        // A few from PostgreSQL's last years, where EXTRACT(epoch) keeps only four decimals.
        Instant t =
            random.nextInt(20) == 0
                ? TimeCases.uniform(random, 294_240, 294_276)
                : TimeCases.instant(random, zone);
        if (random.nextInt(4) == 0) {
          // x.5 seconds, where rounding half away from zero matters, or just below it, where
          // EXTRACT's four decimals in the last years round up
          int micros = random.nextBoolean() ? 500_000 : 499_950 + random.nextInt(50);
          t = Instant.ofEpochSecond(t.getEpochSecond(), micros * 1000L);
        }
        ts.add(t);
        for (int u = 0; u < UNITS.length; u++) {
          EpochUnit unit = UNITS[u];
          Instant bound = t;
          fits[i] |= fits(() -> unit.boundFor(bound)) ? 1 << u : 0;
        }
        for (int u = 0; u < UNITS.length; u++) {
          values[u][i] = value(random, FACTORS[u], minSeconds, endSeconds);
        }
      }
      pg.useZone(zone);
      List<String[]> rows =
          pg.query(
              "SELECT micros_of(t), CASE WHEN f & 1 <> 0 THEN e END,"
                  + " CASE WHEN f & 2 <> 0 THEN e * 1000 END,"
                  + " CASE WHEN f & 4 <> 0 THEN e * 1000000 END,"
                  + " CASE WHEN f & 8 <> 0 THEN e * 1000000000 END,"
                  + " micros_of(to_timestamp(v1)), micros_of(to_timestamp((v2 / 1000)::float)),"
                  + " micros_of(to_timestamp((v3 / 1000000)::float)),"
                  + " micros_of(to_timestamp((v4 / 1000000000)::float)), e"
                  + " FROM (SELECT ts_of(s, us) AS t, EXTRACT(epoch FROM ts_of(s, us))::bigint AS e,"
                  + " f, v1, v2, v3, v4, ord"
                  + " FROM unnest(?::bigint[], ?::int[], ?::int[], ?::bigint[], ?::bigint[],"
                  + " ?::bigint[], ?::bigint[]) WITH ORDINALITY AS u(s, us, f, v1, v2, v3, v4, ord))"
                  + " q ORDER BY ord",
              PgOracle.seconds(ts),
              PgOracle.micros(ts),
              fits,
              values[0],
              values[1],
              values[2],
              values[3]);
      int[] overflowChecks = new int[UNITS.length];
      for (int i = 0; i < rows.size(); i++) {
        Instant t = ts.get(i);
        String[] row = rows.get(i);
        Transport.check(t, row[0]);
        for (int u = 0; u < UNITS.length; u++) {
          EpochUnit unit = UNITS[u];
          String pgBound = row[1 + u];
          if (pgBound == null) {
            // Beyond a bigint in Java; PostgreSQL must refuse it too (asked a few times per batch,
            // one statement each).
            if (overflowChecks[u]++ < 3) {
              long seconds = Long.parseLong(row[9]);
              long factor = FACTORS[u];
              BOUND.check(
                  zone,
                  pg.errorOf("SELECT " + seconds + "::bigint * " + factor) != null,
                  () -> unit + " bound of " + t + " overflows in Java only");
            }
          } else {
            long java = unit.boundFor(t);
            BOUND.check(
                zone,
                Long.toString(java).equals(pgBound),
                () -> unit + " bound of " + t + ": " + java + " vs " + pgBound);
          }
          long v = values[u][i];
          Instant read = unit.instantFor(v);
          Instant pgRead = PgOracle.instantOf(row[5 + u]);
          READ.check(
              zone,
              read.equals(pgRead),
              () -> unit + " value " + v + " reads as " + read + " vs " + pgRead);
        }
      }
    }
    BOUND.assertNoMismatch();
    READ.assertNoMismatch();
  }

  /**
   * A control-column value: its quotient by the factor lies in PostgreSQL's range (anywhere in it,
   * to reach the years where the float conversion rounds), and the remainder is arbitrary.
   */
  static long value(Random random, long factor, long minSeconds, long endSeconds) {
    long lo = Math.max(minSeconds, Long.MIN_VALUE / factor + 1);
    long hi = Math.min(endSeconds - 1, Long.MAX_VALUE / factor - 1);
    long seconds;
    if (random.nextBoolean()) {
      seconds = lo + (long) (random.nextDouble() * (hi - lo));
    } else {
      long near = TimeCases.uniform(random, 1900, 2150).getEpochSecond();
      seconds = Math.max(lo, Math.min(hi, near));
    }
    long remainder = factor == 1 ? 0 : Math.floorMod(random.nextLong(), factor);
    return seconds >= 0 ? seconds * factor + remainder : seconds * factor - remainder;
  }

  private static boolean fits(Runnable r) {
    try {
      r.run();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }
}
