package org.partman4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.partman4j.testkit.TestDatabase;

/** The id grid against PostgreSQL's bigint arithmetic, as pg_partman's SQL computes it. */
class IdGridPostgresProperties {

  private static TestDatabase db;
  private static final AtomicLong CASES = new AtomicLong();

  @BeforeContainer
  static void start() {
    db = TestDatabase.create("idgrid");
  }

  @AfterContainer
  static void stop() {
    System.out.println("IdGridPostgresProperties: " + CASES.get() + " values checked");
    db.close();
  }

  @Property(tries = 20)
  void startAndPremadeMatchPostgres(
      @ForAll @Size(250) List<@From("values") Long> values,
      @ForAll @Size(250) List<@From("values") Long> others,
      @ForAll("intervals") long interval)
      throws SQLException {
    String sql =
        "SELECT v - (v % n), (o - (o % n) - (v - (v % n))) / n"
            + " FROM unnest(?::bigint[], ?::bigint[]) WITH ORDINALITY AS t(v, o, i),"
            + " (SELECT ?::bigint AS n) AS k ORDER BY i";
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("bigint", values.toArray()));
      ps.setArray(2, c.createArrayOf("bigint", others.toArray()));
      ps.setLong(3, interval);
      try (ResultSet rs = ps.executeQuery()) {
        for (int i = 0; i < values.size(); i++) {
          rs.next();
          long v = values.get(i);
          long start = IdGrid.startFor(v, interval);
          assertThat(start).as("start of %d by %d", v, interval).isEqualTo(rs.getLong(1));
          long otherStart = IdGrid.startFor(others.get(i), interval);
          assertThat(IdGrid.premadeCount(otherStart, start, interval)).isEqualTo(rs.getLong(2));
        }
      }
    }
    CASES.addAndGet(values.size());
  }

  @Provide
  Arbitrary<Long> values() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(-10_000, 10_000),
        Arbitraries.longs().between(-4_000_000_000_000L, 4_000_000_000_000L),
        Arbitraries.of(0L, -1L, 1L, 9L, 10L, -10L, 3_000_000_000L, -2_147_483_648L));
  }

  @Provide
  Arbitrary<Long> intervals() {
    return Arbitraries.oneOf(
        Arbitraries.of(1L, 2L, 10L, 100L, 1000L, 100_000L, 1_000_000L),
        Arbitraries.longs().between(1, 1_000_000_000L));
  }
}
