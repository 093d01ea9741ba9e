package org.partman4j;

import java.time.Instant;
import java.time.ZoneId;
import org.partman4j.testkit.TestDatabase;

/** Shared helpers of the data-move tests: a Partman at a fixed clock, checksums of rows. */
final class DataMoves {

  static final Instant NOW = Instant.parse("2026-11-22T03:22:39Z");

  private DataMoves() {}

  static Partman partman(TestDatabase db) {
    return Partman.configure()
        .dataSource(db.dataSource())
        .timeZone(ZoneId.of("UTC"))
        .clock(NOW)
        .load();
  }

  /**
   * {@code count:sum-of-row-hashes} over the rows of all tables given (same columns): equal before
   * and after a move when no row was lost, duplicated or changed.
   */
  static String checksum(TestDatabase db, String... tables) {
    StringBuilder union = new StringBuilder();
    for (String t : tables) {
      if (union.length() > 0) {
        union.append(" UNION ALL ");
      }
      union.append("SELECT * FROM ").append(t);
    }
    return db.queryString(
        "SELECT count(*) || ':' || coalesce(sum(hashtext(x::text)::bigint), 0) FROM ("
            + union
            + ") x");
  }

  static long count(TestDatabase db, String sql) {
    return Long.parseLong(db.queryString(sql));
  }
}
