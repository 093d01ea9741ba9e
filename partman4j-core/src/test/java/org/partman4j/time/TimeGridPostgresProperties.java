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
 * {@link TimeGrid} against pg_partman's {@code calculate_time_partition_info} rules evaluated by
 * PostgreSQL: the interval comparisons with PostgreSQL's interval ordering and {@code date_trunc}
 * in the session zone.
 */
class TimeGridPostgresProperties {

  static final int CASES_PER_ZONE = 300;

  /** pg_partman's decision ladder, as one SQL expression per output. */
  static final String GRID_SQL =
      "SELECT micros_of(t), iv_fields(i),"
          + " CASE WHEN i < interval '1 day' THEN 'YYYYMMDD_HH24MISS' ELSE 'YYYYMMDD' END,"
          + " micros_of(CASE"
          + "  WHEN u IS NOT NULL THEN date_trunc(u, t)"
          + "  WHEN i >= interval '1000 years' THEN date_trunc('millennium', t)"
          + "  WHEN i >= interval '100 years' THEN date_trunc('century', t)"
          + "  WHEN i >= interval '10 years' THEN date_trunc('decade', t)"
          + "  WHEN i >= interval '1 year' THEN date_trunc('year', t)"
          + "  WHEN i >= interval '1 month' THEN date_trunc('month', t)"
          + "  WHEN i >= interval '1 day' THEN date_trunc('day', t)"
          + "  WHEN i >= interval '1 minute' THEN date_trunc('hour', t)"
          + "  ELSE date_trunc('minute', t) END)"
          + " FROM (SELECT ts_of(s, us) AS t, iv_of(m, d, x) AS i, u, ord"
          + " FROM unnest(?::bigint[], ?::int[], ?::int[], ?::int[], ?::bigint[], ?::text[])"
          + " WITH ORDINALITY AS z(s, us, m, d, x, u, ord)) q ORDER BY ord";

  /** Intervals on and next to the ladder's thresholds. */
  static final PgInterval[] THRESHOLDS = {
    PgInterval.ofMonths(12000),
    new PgInterval(11999, 29, 86_399_999_999L),
    PgInterval.ofDays(360_000),
    PgInterval.ofMonths(1200),
    PgInterval.ofMonths(120),
    PgInterval.ofDays(3600),
    PgInterval.ofDays(3599),
    PgInterval.ofMonths(12),
    PgInterval.ofDays(360),
    PgInterval.ofDays(365),
    new PgInterval(11, 29, 86_399_999_999L),
    PgInterval.ofMonths(1),
    PgInterval.ofDays(30),
    new PgInterval(0, 29, 86_399_999_999L),
    PgInterval.ofDays(1),
    PgInterval.ofMicros(86_400_000_000L),
    PgInterval.ofMicros(86_399_999_999L),
    new PgInterval(0, 1, -1),
    new PgInterval(1, -30, 0),
    PgInterval.ofMicros(60_000_000L),
    PgInterval.ofMicros(59_999_999L),
    PgInterval.ZERO,
    PgInterval.ofDays(-1),
  };

  private static TestDatabase db;
  private static PgOracle pg;
  private static final Tally FORMAT = new Tally("TimeGrid.datetimeString");
  private static final Tally BASE = new Tally("TimeGrid.base");

  @BeforeContainer
  static void start() {
    db = TestDatabase.create("time_grid");
    pg = PgOracle.open(db);
  }

  @AfterContainer
  static void stop() {
    FORMAT.report(pg.majorVersion());
    BASE.report(pg.majorVersion());
    pg.close();
    db.close();
  }

  @Property(tries = 20, shrinking = ShrinkingMode.OFF)
  void gridMatchesPostgres(@ForAll Random random) {
    for (ZoneId zone : DateTruncPostgresProperties.zones()) {
      List<Instant> ts = new ArrayList<>();
      List<PgInterval> intervals = new ArrayList<>();
      String[] units = new String[CASES_PER_ZONE];
      for (int i = 0; i < CASES_PER_ZONE; i++) {
        ts.add(TimeCases.instant(random, zone));
        switch (random.nextInt(3)) {
          case 0:
            intervals.add(THRESHOLDS[random.nextInt(THRESHOLDS.length)]);
            break;
          case 1:
            intervals.add(TimeCases.partitionInterval(random));
            break;
          default:
            intervals.add(TimeCases.interval(random));
        }
        units[i] = random.nextInt(3) == 0 ? DateTruncPostgresProperties.unitSpelling(random) : null;
      }
      pg.useZone(zone);
      List<String[]> rows =
          pg.query(
              GRID_SQL,
              PgOracle.seconds(ts),
              PgOracle.micros(ts),
              intervals.stream().mapToInt(PgInterval::months).toArray(),
              intervals.stream().mapToInt(PgInterval::days).toArray(),
              intervals.stream().mapToLong(PgInterval::micros).toArray(),
              units);
      for (int i = 0; i < rows.size(); i++) {
        Instant t = ts.get(i);
        PgInterval iv = intervals.get(i);
        String unit = units[i];
        String[] row = rows.get(i);
        Transport.check(t, row[0]);
        Transport.check(iv, row[1]);
        String format = TimeGrid.datetimeString(iv);
        FORMAT.check(zone, format.equals(row[2]), () -> iv + ": " + format + " vs " + row[2]);
        Instant base = TimeGrid.base(iv, t, unit == null ? null : TruncUnit.parse(unit), zone);
        Instant pgBase = PgOracle.instantOf(row[3]);
        BASE.check(
            zone,
            base.equals(pgBase),
            () -> "base(" + iv + ", " + t + ", " + unit + "): " + base + " vs " + pgBase);
      }
    }
    FORMAT.assertNoMismatch();
    BASE.assertNoMismatch();
  }
}
