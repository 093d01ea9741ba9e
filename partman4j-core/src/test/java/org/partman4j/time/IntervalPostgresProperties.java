package org.partman4j.time;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/**
 * Our interval parsing, printing, ordering, EXTRACT(epoch) and multiplication against the test
 * server itself, thousands of random cases per property, a few hundred per query.
 */
@PostgresTest
class IntervalPostgresProperties {

  /** Texts or values per query; raise it (-Dinterval.batch=2500) for a longer hunt. */
  private static final int BATCH = Integer.getInteger("interval.batch", 250);

  private static final int TRIES = 40;

  private static TestDatabase db;
  private static Connection connection;
  private static IntervalServerProbe server;
  private static int major;
  private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
  private static final java.util.Set<String> WRAP_EXAMPLES =
      java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());

  @BeforeContainer
  static void connect() throws SQLException {
    db = TestDatabase.create("interval");
    connection = db.dataSource().getConnection();
    major = db.server().majorVersion();
    server = new IntervalServerProbe(connection, major);
  }

  @AfterContainer
  static void disconnect() throws SQLException {
    System.out.println(
        "IntervalPostgresProperties on PostgreSQL " + major + ": " + new TreeMap<>(COUNTS));
    if (!WRAP_EXAMPLES.isEmpty()) {
      System.out.println("  refused, PostgreSQL 14 would wrap around: " + WRAP_EXAMPLES);
    }
    connection.close();
    db.close();
  }

  private static void count(String what, long n) {
    COUNTS.computeIfAbsent(what, k -> new AtomicLong()).addAndGet(n);
  }

  // ---------------------------------------------------------------- (a) output text

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void printsAsPostgresDoes(@ForAll("values") List<PgInterval> values) throws SQLException {
    List<String> texts = values.stream().map(IntervalServerProbe::exactText).toList();
    List<String[]> rows =
        server.rows(
            "SELECT encode(interval_send(t::interval), 'hex'), t::interval::text,"
                + " (extract(year from t::interval) * 12 + extract(month from t::interval))::text,"
                + " extract(day from t::interval)::text,"
                + " (extract(hour from t::interval) * 3600000000"
                + " + extract(minute from t::interval) * 60000000"
                + " + extract(microseconds from t::interval))::text"
                + " FROM unnest(?::text[]) WITH ORDINALITY u(t, ord) ORDER BY ord",
            texts,
            5);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      PgInterval v = values.get(i);
      String[] r = rows.get(i);
      PgInterval stored = IntervalServerProbe.decode(java.util.HexFormat.of().parseHex(r[0]));
      expect(mismatches, v, "stored fields", v, stored);
      expect(mismatches, v, "text", r[1], v.toString());
      String decomposed = r[2] + "/" + r[3] + "/" + r[4];
      expect(mismatches, v, "extract", v.months() + "/" + v.days() + "/" + v.micros(), decomposed);
    }
    count("a_output_cases", values.size());
    assertNone(mismatches);
  }

  // ---------------------------------------------------------------- (b) input text

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void parsesAsPostgresDoes(@ForAll("texts") List<String> texts) throws SQLException {
    List<IntervalServerProbe.Answer> answers = server.probe(texts);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      compareParse(texts.get(i), answers.get(i), mismatches);
    }
    count("b_input_cases", texts.size());
    assertNone(mismatches);
  }

  private static void compareParse(String text, IntervalServerProbe.Answer pg, List<String> out) {
    PgInterval ours = null;
    InvalidIntervalException error = null;
    try {
      ours = PgInterval.parse(text, major);
    } catch (InvalidIntervalException e) {
      error = e;
    }
    String shown = "\"" + text + "\"";
    if (pg.accepted()) {
      count("b_input_accepted", 1);
      boolean pgInfinite = "infinity".equals(pg.text()) || "-infinity".equals(pg.text());
      if (pgInfinite) {
        if (error == null || error.reason() != InvalidIntervalException.Reason.INFINITE) {
          out.add(shown + ": PostgreSQL gives " + pg.text() + ", we " + describe(ours, error));
        }
        count("b_input_infinite", 1);
      } else if (error != null
          && error.reason() == InvalidIntervalException.Reason.WRAPS_ON_SERVER
          && major <= 14) {
        count("b_input_refused_pg14_wraps", 1);
        if (WRAP_EXAMPLES.size() < 8) {
          WRAP_EXAMPLES.add(shown + " -> " + pg.text());
        }
      } else if (error != null) {
        out.add(
            shown
                + ": PostgreSQL accepts as "
                + pg.value()
                + " ["
                + pg.text()
                + "], we "
                + describe(null, error));
      } else {
        if (!ours.equals(pg.value())) {
          out.add(shown + ": fields " + pg.value() + " vs ours " + ours);
        }
        if (pg.text() == null) {
          count("b_input_pg14_cannot_print", 1);
        } else if (!pg.text().equals(ours.toString())) {
          if (major <= 14 && pg.text().equals(pg14DoubleMinus(ours))) {
            count("b_input_pg14_prints_double_minus", 1);
          } else {
            out.add(shown + ": text \"" + pg.text() + "\" vs ours \"" + ours + "\"");
          }
        }
      }
    } else {
      count("b_input_rejected", 1);
      InvalidIntervalException.Reason expected =
          "22007".equals(pg.sqlState())
              ? InvalidIntervalException.Reason.SYNTAX
              : InvalidIntervalException.Reason.OUT_OF_RANGE;
      if (error == null || error.reason() != expected) {
        out.add(
            shown + ": PostgreSQL rejects (" + pg.sqlState() + "), we " + describe(ours, error));
      }
    }
  }

  /**
   * PostgreSQL 14 keeps hours in a 32-bit int and prints -2^31 hours as "--2147483648:..."; we
   * print what 15 and later print.
   */
  private static String pg14DoubleMinus(PgInterval ours) {
    return ours.toString().replace("-2147483648:", "--2147483648:");
  }

  private static String describe(PgInterval ours, InvalidIntervalException error) {
    return error == null
        ? "accept as " + ours + " [" + ours + "]"
        : "refuse: " + error.getMessage();
  }

  // ---------------------------------------------------------------- (c) ordering

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void ordersAsPostgresDoes(@ForAll("pairs") List<PgInterval> flat) throws SQLException {
    List<String> texts = flat.stream().map(IntervalServerProbe::exactText).toList();
    List<String[]> rows =
        server.rows(
            "SELECT (a::interval < b::interval)::text, (a::interval = b::interval)::text,"
                + " (a::interval > b::interval)::text FROM (SELECT t AS a,"
                + " lead(t) OVER (ORDER BY ord) AS b, ord FROM unnest(?::text[]) WITH ORDINALITY"
                + " u(t, ord)) p WHERE ord % 2 = 1 ORDER BY ord",
            texts, 3);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      PgInterval a = flat.get(2 * i);
      PgInterval b = flat.get(2 * i + 1);
      int c = a.compareTo(b);
      String ours = (c < 0) + "/" + (c == 0) + "/" + (c > 0);
      String pg = String.join("/", rows.get(i));
      expect(mismatches, a + " vs " + b, "compare", pg, ours);
      expect(mismatches, a + " vs " + b, "pgEquals", "true".equals(rows.get(i)[1]), a.pgEquals(b));
    }
    count("c_compare_pairs", rows.size());
    assertNone(mismatches);
  }

  // ---------------------------------------------------------------- (d) EXTRACT(epoch)

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void epochAsPostgres(@ForAll("values") List<PgInterval> values) throws SQLException {
    List<String> texts = values.stream().map(IntervalServerProbe::exactText).toList();
    List<String[]> rows =
        server.rows(
            "SELECT extract(epoch from t::interval)::text"
                + " FROM unnest(?::text[]) WITH ORDINALITY u(t, ord) ORDER BY ord",
            texts,
            1);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      PgInterval v = values.get(i);
      expect(mismatches, v, "epoch", rows.get(i)[0], v.epochSeconds().toPlainString());
    }
    count("d_epoch_cases", values.size());
    assertNone(mismatches);
  }

  // ---------------------------------------------------------------- (e) interval * k

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void multipliesAsPostgres(@ForAll("products") List<Tuple.Tuple2<PgInterval, Long>> cases)
      throws SQLException {
    List<String> param = new ArrayList<>();
    for (Tuple.Tuple2<PgInterval, Long> c : cases) {
      param.add(IntervalServerProbe.exactText(c.get1()));
      param.add(String.valueOf(c.get2()));
    }
    List<String[]> rows =
        server.rows(
            "SELECT encode(interval_send(a::interval * b::bigint), 'hex') FROM (SELECT t AS a,"
                + " lead(t) OVER (ORDER BY ord) AS b, ord FROM unnest(?::text[]) WITH ORDINALITY"
                + " u(t, ord)) p WHERE ord % 2 = 1 ORDER BY ord",
            param, 1);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      PgInterval v = cases.get(i).get1();
      long k = cases.get(i).get2();
      PgInterval pg = IntervalServerProbe.decode(java.util.HexFormat.of().parseHex(rows.get(i)[0]));
      expect(mismatches, v + " * " + k, "product", pg, v.multipliedBy(k));
    }
    count("e_multiply_cases", cases.size());
    assertNone(mismatches);
  }

  // ---------------------------------------------------------------- generators

  @Provide
  Arbitrary<List<String>> texts() {
    return IntervalTextArbitraries.texts().list().ofSize(BATCH);
  }

  @Provide
  Arbitrary<List<PgInterval>> values() {
    return IntervalValueArbitraries.values(major).list().ofSize(BATCH);
  }

  @Provide
  Arbitrary<List<PgInterval>> pairs() {
    return IntervalValueArbitraries.pairsFlattened(major)
        .list()
        .ofSize(BATCH / 2)
        .map(l -> l.stream().flatMap(List::stream).toList());
  }

  @Provide
  Arbitrary<List<Tuple.Tuple2<PgInterval, Long>>> products() {
    return IntervalValueArbitraries.products().list().ofSize(BATCH);
  }

  // ---------------------------------------------------------------- helpers

  private static void expect(
      List<String> out, Object subject, String what, Object pg, Object ours) {
    if (!pg.equals(ours)) {
      out.add(subject + ": " + what + " PostgreSQL=" + pg + " ours=" + ours);
    }
  }

  private static void assertNone(List<String> mismatches) {
    if (!mismatches.isEmpty()) {
      count("mismatches", mismatches.size());
      throw new AssertionError(
          mismatches.size()
              + " mismatches with PostgreSQL "
              + major
              + ":\n"
              + String.join("\n", mismatches.subList(0, Math.min(40, mismatches.size()))));
    }
  }
}
