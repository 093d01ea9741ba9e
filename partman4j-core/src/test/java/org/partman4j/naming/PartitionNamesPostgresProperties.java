package org.partman4j.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.partman4j.testkit.TestDatabase;

/**
 * Our names against pg_partman's formula evaluated by PostgreSQL itself: {@code check_name_length}
 * is {@code object||suffix} when it survives a cast to {@code name}, else {@code substr((suffix ||
 * object)::name, length(suffix) + 1) || suffix}.
 */
class PartitionNamesPostgresProperties {

  private static final String PG_CHECK_NAME_LENGTH =
      "SELECT CASE WHEN (o || s)::name::text = (o || s) THEN o || s"
          + " ELSE substr((s || o)::name::text, length(s) + 1) || s END"
          + " FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS t(o, s, n) ORDER BY n";

  private static TestDatabase db;
  private static final AtomicLong CASES = new AtomicLong();

  @BeforeContainer
  static void start() {
    db = TestDatabase.create("names");
  }

  @AfterContainer
  static void stop() {
    System.out.println("PartitionNamesPostgresProperties: " + CASES.get() + " names checked");
    db.close();
  }

  @Property(tries = 25)
  void withSuffixMatchesPostgres(
      @ForAll("pairs") @Size(200) List<Tuple.Tuple2<String, String>> pairs) throws SQLException {
    List<String> objects = new ArrayList<>();
    List<String> suffixes = new ArrayList<>();
    for (Tuple.Tuple2<String, String> p : pairs) {
      objects.add(p.get1());
      suffixes.add(p.get2());
    }
    List<String> expected = askPostgres(objects, suffixes);
    for (int i = 0; i < pairs.size(); i++) {
      assertThat(PartitionNames.withSuffix(objects.get(i), suffixes.get(i)))
          .as("object %s suffix %s", objects.get(i), suffixes.get(i))
          .isEqualTo(expected.get(i));
    }
    CASES.addAndGet(pairs.size());
  }

  @Property(tries = 10)
  void truncateMatchesCastToName(@ForAll @Size(200) List<@From("names") String> names)
      throws SQLException {
    List<String> empty = names.stream().map(n -> "").toList();
    // With an empty suffix the formula reduces to the plain cast to name.
    List<String> expected = askPostgres(names, empty);
    for (int i = 0; i < names.size(); i++) {
      assertThat(Identifiers.truncate(names.get(i))).isEqualTo(expected.get(i));
    }
    CASES.addAndGet(names.size());
  }

  private static List<String> askPostgres(List<String> objects, List<String> suffixes)
      throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(PG_CHECK_NAME_LENGTH)) {
      Array o = c.createArrayOf("text", objects.toArray());
      Array s = c.createArrayOf("text", suffixes.toArray());
      ps.setArray(1, o);
      ps.setArray(2, s);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  @Provide
  Arbitrary<List<Tuple.Tuple2<String, String>>> pairs() {
    Arbitrary<String> suffix =
        Arbitraries.oneOf(
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20).map(s -> "_p" + s),
            Arbitraries.of("_default", "_p20261118", "_p20261122_013000", "_p-1000", "_x"),
            mixedText(0, 12).map(s -> "_" + s));
    return Combinators.combine(names(), suffix).as(Tuple::of).list();
  }

  @Provide
  Arbitrary<String> names() {
    return mixedText(1, 80);
  }

  /** ASCII, 2-, 3- and 4-byte characters, so cuts land inside characters often. */
  private static Arbitrary<String> mixedText(int min, int max) {
    Arbitrary<Character> chars =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.chars().range('a', 'z')),
            Tuple.of(1, Arbitraries.chars().range('0', '9')),
            Tuple.of(2, Arbitraries.chars().range('à', 'ÿ')),
            Tuple.of(2, Arbitraries.chars().range('一', '龥')));
    Arbitrary<String> text =
        chars.list().ofMinSize(min).ofMaxSize(max).map(PartitionNamesPostgresProperties::join);
    Arbitrary<String> withEmoji =
        text.map(
            t ->
                t.isEmpty()
                    ? t
                    : t.substring(0, t.length() / 2) + "😀" + t.substring(t.length() / 2));
    return Arbitraries.oneOf(text, text, withEmoji).filter(s -> s.length() >= min);
  }

  private static String join(List<Character> chars) {
    StringBuilder sb = new StringBuilder(chars.size());
    chars.forEach(sb::append);
    return sb.toString();
  }
}
