package org.partman4j.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/** PostgreSQL reads back exactly what was quoted, for nasty random names and values. */
@PostgresTest
class SqlQuotingIT {

  private static final String NASTY = "\"'\\ .;-$()[]*%?\n\t\u00e9\u00df\u4e2d\ud83d\ude00aZ";

  @Test
  void randomLiteralsAndIdentifiersRoundTrip(TestDatabase db) throws Exception {
    Random random = new Random(20240917L);
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      for (int i = 0; i < 200; i++) {
        String value = randomString(random, 40);
        try (ResultSet rs = st.executeQuery("SELECT " + Sql.literal(value))) {
          rs.next();
          assertThat(rs.getString(1)).as("literal %s", value).isEqualTo(value);
        }
        String name = randomName(random);
        st.execute(
            "CREATE TABLE " + Sql.qualified("public", name) + " (" + Sql.ident(name) + " int)");
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT a.attname FROM pg_class t JOIN pg_attribute a ON a.attrelid = t.oid"
                    + " WHERE t.relname = ? AND a.attnum = 1")) {
          ps.setString(1, name);
          try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).as("table %s exists", name).isTrue();
            assertThat(rs.getString(1)).isEqualTo(name);
          }
        }
        st.execute("DROP TABLE " + Sql.qualified("public", name));
      }
    }
  }

  private static String randomString(Random r, int maxLength) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(maxLength + 1);
    while (b.length() < n) {
      b.appendCodePoint(
          NASTY.codePointAt(
              NASTY.offsetByCodePoints(0, r.nextInt(NASTY.codePointCount(0, NASTY.length())))));
    }
    return b.toString();
  }

  private static String randomName(Random r) {
    String s;
    do {
      s = randomString(r, 20);
    } while (s.isEmpty() || s.getBytes(StandardCharsets.UTF_8).length > Sql.MAX_IDENTIFIER_BYTES);
    return s;
  }
}
