package org.partman4j.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.partman4j.testkit.TestDatabase;

/**
 * Texts of {@code timestamptz}, {@code timestamp} and {@code date} against PostgreSQL's output with
 * {@code DateStyle = ISO}, and parsing in both directions, in every test zone.
 */
class TimestampTextPostgresProperties {

  static final int CASES_PER_ZONE = 300;

  private static TestDatabase db;
  private static PgOracle pg;
  private static final Tally TZ_OUT = new Tally("TimestampText.formatTimestamptz");
  private static final Tally TZ_IN = new Tally("TimestampText.parseTimestamptz");
  private static final Tally LOCAL_IN = new Tally("TimestampText.parseTimestampInZone");
  private static final Tally TS_OUT = new Tally("TimestampText.formatTimestamp");
  private static final Tally DATE_OUT = new Tally("TimestampText.formatDate/parseDate");
  private static final Tally BOUND_TEXT = new Tally("TimestampText on pg_get_expr(relpartbound)");

  @BeforeContainer
  static void start() {
    db = TestDatabase.create("timestamp_text");
    pg = PgOracle.open(db);
  }

  @AfterContainer
  static void stop() {
    for (Tally t : new Tally[] {TZ_OUT, TZ_IN, LOCAL_IN, TS_OUT, DATE_OUT, BOUND_TEXT}) {
      t.report(pg.majorVersion());
    }
    pg.close();
    db.close();
  }

  /**
   * The texts as partition bounds really come back: {@code pg_get_expr(relpartbound)} of
   * timestamptz, timestamp and date range partitions, read in every zone.
   */
  @Example
  void partitionBoundsAsPgGetExprShowsThem() {
    Random random = new Random(20261118);
    TreeSet<Instant> points = new TreeSet<>();
    while (points.size() < 41) {
      points.add(TimeCases.instant(random, TimeCases.ZONES.get(random.nextInt(5))));
    }
    List<Instant> sorted = new ArrayList<>(points);
    List<String> ddl = new ArrayList<>();
    ddl.add("CREATE TABLE bounds_tz (ts timestamptz) PARTITION BY RANGE (ts)");
    ddl.add("CREATE TABLE bounds_ts (ts timestamp) PARTITION BY RANGE (ts)");
    ddl.add("CREATE TABLE bounds_d (d date) PARTITION BY RANGE (d)");
    Map<String, List<Instant>> expected = new HashMap<>();
    for (int i = 0; i + 1 < sorted.size(); i++) {
      Instant from = sorted.get(i);
      Instant to = sorted.get(i + 1);
      ddl.add(
          String.format(
              "CREATE TABLE bounds_tz_%d PARTITION OF bounds_tz FOR VALUES FROM ('%s') TO ('%s')",
              i,
              TimestampText.formatTimestamptz(from, ZoneOffset.UTC),
              TimestampText.formatTimestamptz(to, ZoneOffset.UTC)));
      expected.put("bounds_tz_" + i, List.of(from, to));
      ddl.add(
          String.format(
              "CREATE TABLE bounds_ts_%d PARTITION OF bounds_ts FOR VALUES FROM ('%s') TO ('%s')",
              i,
              TimestampText.formatTimestamp(LocalDateTime.ofInstant(from, ZoneOffset.UTC)),
              TimestampText.formatTimestamp(LocalDateTime.ofInstant(to, ZoneOffset.UTC))));
    }
    List<LocalDate> days =
        sorted.stream()
            .map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC))
            .distinct()
            .collect(Collectors.toList());
    for (int i = 0; i + 1 < days.size(); i++) {
      ddl.add(
          String.format(
              "CREATE TABLE bounds_d_%d PARTITION OF bounds_d FOR VALUES FROM ('%s') TO ('%s')",
              i, TimestampText.formatDate(days.get(i)), TimestampText.formatDate(days.get(i + 1))));
    }
    db.execute(ddl.toArray(String[]::new));
    Pattern quoted = Pattern.compile("'([^']*)'");
    for (ZoneId zone : DateTruncPostgresProperties.zones()) {
      pg.useZone(zone);
      List<String[]> rows =
          pg.query(
              "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_class c"
                  + " WHERE c.relispartition AND c.relname LIKE 'bounds%' AND c.relname = ANY(?)",
              (Object) allNames(sorted.size() - 1, days.size() - 1));
      assertThat(rows).hasSize(2 * (sorted.size() - 1) + days.size() - 1);
      for (String[] row : rows) {
        Matcher m = quoted.matcher(row[1]);
        List<String> literals = new ArrayList<>();
        while (m.find()) {
          literals.add(m.group(1));
        }
        assertThat(literals).as(row[1]).hasSize(2);
        String name = row[0];
        int index = Integer.parseInt(name.substring(name.lastIndexOf('_') + 1));
        if (name.startsWith("bounds_tz_")) {
          List<Instant> bounds = expected.get(name);
          for (int k = 0; k < 2; k++) {
            assertThat(literals.get(k))
                .isEqualTo(TimestampText.formatTimestamptz(bounds.get(k), zone));
            assertThat(TimestampText.parseTimestamptz(literals.get(k))).isEqualTo(bounds.get(k));
          }
        } else if (name.startsWith("bounds_ts_")) {
          assertThat(TimestampText.parseTimestamp(literals.get(0)))
              .isEqualTo(LocalDateTime.ofInstant(sorted.get(index), ZoneOffset.UTC));
        } else {
          assertThat(TimestampText.parseDate(literals.get(0))).isEqualTo(days.get(index));
        }
        BOUND_TEXT.check(zone, true, () -> "");
      }
    }
  }

  private static String[] allNames(int timestampPartitions, int datePartitions) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < timestampPartitions; i++) {
      names.add("bounds_tz_" + i);
      names.add("bounds_ts_" + i);
    }
    for (int i = 0; i < datePartitions; i++) {
      names.add("bounds_d_" + i);
    }
    return names.toArray(String[]::new);
  }

  @Property(tries = 20, shrinking = ShrinkingMode.OFF)
  void textsMatchPostgres(@ForAll Random random) {
    for (ZoneId zone : TimeCases.ZONES) {
      List<Instant> ts = new ArrayList<>();
      String[] ourTexts = new String[CASES_PER_ZONE];
      String[] localTexts = new String[CASES_PER_ZONE];
      int[] days = new int[CASES_PER_ZONE];
      for (int i = 0; i < CASES_PER_ZONE; i++) {
        Instant t =
            random.nextInt(20) == 0
                ? TimeCases.uniform(random, 10_000, 294_275)
                : TimeCases.instant(random, zone);
        ts.add(t);
        ourTexts[i] = TimestampText.formatTimestamptz(t, zone);
        LocalDateTime local =
            PgZoneRules.toLocal(TimeCases.landingNearTransition(random, zone, 0, 0), zone)
                .plusMinutes(random.nextInt(121) - 60);
        localTexts[i] = TimestampText.formatTimestamp(local);
        LocalDate date =
            random.nextBoolean()
                ? TimeCases.monthEndDate(
                    random, TimeCases.WIDE_FIRST_YEAR, TimeCases.WIDE_LAST_YEAR)
                : LocalDate.ofInstant(TimeCases.instant(random, zone), ZoneOffset.UTC);
        days[i] = (int) (date.toEpochDay() - LocalDate.of(2000, 1, 1).toEpochDay());
      }
      pg.useZone(zone);
      List<String[]> rows =
          pg.query(
              "SELECT micros_of(t), t::text, micros_of(o::timestamptz), micros_of(l::timestamptz),"
                  + " (t AT TIME ZONE 'UTC')::text, (date '2000-01-01' + d)::text"
                  + " FROM (SELECT ts_of(s, us) AS t, o, l, d, ord"
                  + " FROM unnest(?::bigint[], ?::int[], ?::text[], ?::text[], ?::int[])"
                  + " WITH ORDINALITY AS u(s, us, o, l, d, ord)) q ORDER BY ord",
              PgOracle.seconds(ts),
              PgOracle.micros(ts),
              ourTexts,
              localTexts,
              days);
      for (int i = 0; i < rows.size(); i++) {
        Instant t = ts.get(i);
        String[] row = rows.get(i);
        Transport.check(t, row[0]);
        String ours = ourTexts[i];
        TZ_OUT.check(zone, ours.equals(row[1]), () -> t + "::text: " + ours + " vs " + row[1]);
        Instant pgReadOurs = PgOracle.instantOf(row[2]);
        Instant weReadPg = TimestampText.parseTimestamptz(row[1]);
        TZ_IN.check(
            zone,
            pgReadOurs.equals(t) && weReadPg.equals(t),
            () ->
                "'"
                    + row[1]
                    + "' read back as "
                    + weReadPg
                    + ", PostgreSQL read ours as "
                    + pgReadOurs
                    + ", expected "
                    + t);
        String local = localTexts[i];
        Instant java = TimestampText.parseTimestampInZone(local, zone);
        Instant postgres = PgOracle.instantOf(row[3]);
        LOCAL_IN.check(
            zone,
            java.equals(postgres),
            () -> "'" + local + "'::timestamptz: " + java + " vs " + postgres);
        LocalDateTime utcFields = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        String timestamp = TimestampText.formatTimestamp(utcFields);
        TS_OUT.check(
            zone,
            timestamp.equals(row[4]) && TimestampText.parseTimestamp(row[4]).equals(utcFields),
            () -> "timestamp " + utcFields + ": " + timestamp + " vs " + row[4]);
        LocalDate date = LocalDate.of(2000, 1, 1).plusDays(days[i]);
        String dateText = TimestampText.formatDate(date);
        DATE_OUT.check(
            zone,
            dateText.equals(row[5]) && TimestampText.parseDate(row[5]).equals(date),
            () -> "date " + date + ": " + dateText + " vs " + row[5]);
      }
    }
    for (Tally t : new Tally[] {TZ_OUT, TZ_IN, LOCAL_IN, TS_OUT, DATE_OUT}) {
      t.assertNoMismatch();
    }
  }
}
