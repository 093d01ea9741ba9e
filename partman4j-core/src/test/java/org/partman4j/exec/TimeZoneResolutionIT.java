package org.partman4j.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.exec.SessionZone.Source;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.LogCapture;
import org.partman4j.testsupport.OneConnectionDataSource;
import org.partman4j.testsupport.RawStartup;

/**
 * The session zone is the one a plain psql session of the same role gets in the same database
 * (checked against a real login that sends no TimeZone), not the JVM's (Asia/Kolkata in tests).
 */
@PostgresTest
class TimeZoneResolutionIT {

  private static final String ROLE = "partman_tz_role";
  private static final String ROLE_PASSWORD = "tz-secret";

  /** Instants near midnight and DST changes, so a wrong zone shows in days and names. */
  private static final String BOUNDARIES =
      """
      SELECT date_trunc('day', t)::text, to_char(t, 'YYYYMMDD_HH24MISS'),
             (date_trunc('month', t) + interval '1 month')::text,
             (date_trunc('hour', t) + interval '1 day')::text
        FROM unnest(ARRAY['2024-03-10 04:30:00+00', '2024-11-03 05:30:00+00',
                          '2024-12-31 23:30:00+00', '2025-06-30 20:00:00+00']::timestamptz[]) t
      """;

  @Test
  void theDatabaseDefaultIsUsedNotTheJvmZone() throws Exception {
    try (TestDatabase db = TestDatabase.create("tz_db")) {
      db.execute("ALTER DATABASE " + db.name() + " SET timezone = 'america/new_york'");
      SessionZone zone = resolve(db.dataSource());
      assertThat(zone.zone()).isEqualTo(ZoneId.of("America/New_York"));
      assertThat(zone.source()).isEqualTo(Source.DATABASE);
      assertThat(zone.postgresName()).isEqualTo(truth(db, db.ownerRole()));
      assertThat(ZoneId.systemDefault()).isNotEqualTo(zone.zone());
    }
  }

  @Test
  void roleSettingsOutrankTheDatabaseAsPostgresAppliesThem() throws Exception {
    try (TestDatabase db = TestDatabase.create("tz_role")) {
      db.server().ensureLoginRole(ROLE, ROLE_PASSWORD);
      DataSource asRole = db.dataSourceAs(ROLE, ROLE_PASSWORD);
      try {
        db.executeAsAdmin("ALTER DATABASE " + db.name() + " SET timezone = 'America/New_York'");
        db.executeAsAdmin("ALTER ROLE " + ROLE + " SET timezone = 'Asia/Tokyo'");
        SessionZone role = resolve(asRole);
        assertThat(role.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(role.source()).isEqualTo(Source.ROLE);
        assertThat(role.postgresName()).isEqualTo(truth(db, ROLE));

        db.executeAsAdmin(
            "ALTER ROLE "
                + ROLE
                + " IN DATABASE "
                + db.name()
                + " SET timezone = 'Australia/Sydney'");
        SessionZone both = resolve(asRole);
        assertThat(both.zone()).isEqualTo(ZoneId.of("Australia/Sydney"));
        assertThat(both.source()).isEqualTo(Source.DATABASE_AND_ROLE);
        assertThat(both.postgresName()).isEqualTo(truth(db, ROLE));

        // Another role in the same database still gets the database's zone.
        assertThat(resolve(db.dataSource()).zone()).isEqualTo(ZoneId.of("America/New_York"));
      } finally {
        db.executeAsAdmin("ALTER ROLE " + ROLE + " RESET timezone");
      }
    }
  }

  @Test
  void aSettingForAllRolesIsTheLeastSpecific() throws Exception {
    try (TestDatabase db = TestDatabase.create("tz_all")) {
      try {
        db.executeAsAdmin("ALTER ROLE ALL SET timezone = 'Europe/Lisbon'");
        SessionZone all = resolve(db.dataSource());
        assertThat(all.zone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(all.source()).isEqualTo(Source.ALL_ROLES);
        assertThat(all.postgresName()).isEqualTo(truth(db, db.ownerRole()));

        db.execute("ALTER DATABASE " + db.name() + " SET timezone = 'America/Chicago'");
        assertThat(resolve(db.dataSource()).zone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(resolve(db.dataSource()).postgresName()).isEqualTo(truth(db, db.ownerRole()));
      } finally {
        db.executeAsAdmin("ALTER ROLE ALL RESET timezone");
      }
    }
  }

  @Test
  void withNothingSetAnOrdinaryRoleFallsBackToLogTimezoneAndSaysSo(TestDatabase db)
      throws Exception {
    try (LogCapture log = new LogCapture(TimeZoneResolver.class)) {
      SessionZone zone = resolve(db.dataSource());
      assertThat(zone.source()).isEqualTo(Source.LOG_TIMEZONE);
      assertThat(zone.postgresName()).isEqualTo(db.queryString("SHOW log_timezone"));
      assertThat(log.lines())
          .singleElement()
          .asString()
          .startsWith("INFO Database " + db.name())
          .contains("log_timezone")
          .contains(".timeZone(ZoneId.of(");
      // On the test server log_timezone and timezone are both UTC: the fallback is right here.
      assertThat(zone.postgresName()).isEqualTo(truth(db, db.ownerRole()));
    }
  }

  @Test
  void aSuperuserReadsTheServerConfigurationFile() throws Exception {
    try (TestDatabase db = TestDatabase.create("tz_file")) {
      SessionZone zone = resolve(db.adminDataSource());
      assertThat(zone.source()).isEqualTo(Source.SERVER_CONFIG_FILE);
      // The embedded server's file says Etc/UTC (initdb's guess) and its command line UTC, which
      // pg_file_settings cannot see: a documented limit. Both are the same zone here.
      ZoneId truth = ZoneId.of(truth(db, "postgres"));
      Instant now = Instant.now();
      assertThat(zone.zone().getRules().getOffset(now)).isEqualTo(truth.getRules().getOffset(now));
    }
  }

  @Test
  void aConfiguredZoneOverridesTheDatabase() throws Exception {
    try (TestDatabase db = TestDatabase.create("tz_override")) {
      db.execute("ALTER DATABASE " + db.name() + " SET timezone = 'America/New_York'");
      Sessions berlin =
          new Sessions(db.dataSource(), ZoneId.of("Europe/Berlin"), Duration.ofSeconds(5));
      try (Session s = berlin.open()) {
        assertThat(s.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(s.sessionZone().source()).isEqualTo(Source.CONFIGURED);
        assertThat(setting(s.connection(), "SHOW TimeZone")).isEqualTo("Europe/Berlin");
      }
      // A Java offset means east of Greenwich in PostgreSQL too.
      Sessions offset =
          new Sessions(db.dataSource(), ZoneOffset.ofHoursMinutes(5, 45), Duration.ofSeconds(5));
      try (Session s = offset.open()) {
        assertThat(setting(s.connection(), "SELECT to_char(now(), 'OF')")).isEqualTo("+05:45");
      }
    }
  }

  @Test
  void aConfiguredZonePostgresDoesNotKnowIsAConfigurationErrorAndChangesNothing(TestDatabase db)
      throws Exception {
    ZoneId unknown = UnknownToPostgres.zone();
    try (OneConnectionDataSource pool = new OneConnectionDataSource(db.dataSource())) {
      String before = setting(pool.physical(), "SHOW TimeZone");
      assertThatThrownBy(() -> new Sessions(pool, unknown, Duration.ofSeconds(5)).open())
          .isInstanceOfSatisfying(
              PartmanException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
          // PostgreSQL would silently read it as the POSIX rule "Partman" 4 hours west.
          .hasMessageContaining("PostgreSQL has no time zone named 'Partman4j/Nowhere'")
          .hasMessageContaining("POSIX rule")
          .hasMessageContaining("pg_timezone_names");
      assertThat(setting(pool.physical(), "SHOW TimeZone")).isEqualTo(before);
    }
  }

  /** A zone Java knows (registered here) and PostgreSQL does not. */
  static final class UnknownToPostgres extends java.time.zone.ZoneRulesProvider {
    private static final String ID = "Partman4j/Nowhere";

    static synchronized ZoneId zone() {
      if (!ZoneId.getAvailableZoneIds().contains(ID)) {
        java.time.zone.ZoneRulesProvider.registerProvider(new UnknownToPostgres());
      }
      return ZoneId.of(ID);
    }

    @Override
    protected java.util.Set<String> provideZoneIds() {
      return java.util.Set.of(ID);
    }

    @Override
    protected java.time.zone.ZoneRules provideRules(String zoneId, boolean forCaching) {
      // Rules with DST, so that the zone stays a region (a fixed one would normalize to an offset).
      return ZoneId.of("Europe/Paris").getRules();
    }

    @Override
    protected java.util.NavigableMap<String, java.time.zone.ZoneRules> provideVersions(
        String zoneId) {
      return new java.util.TreeMap<>(java.util.Map.of("1", provideRules(zoneId, false)));
    }
  }

  @Test
  void boundariesMatchASessionInTheDatabaseZoneAndDifferFromTheJvmZone() throws Exception {
    try (TestDatabase db = TestDatabase.create("tz_bounds")) {
      db.execute("ALTER DATABASE " + db.name() + " SET timezone = 'America/New_York'");
      List<String> ours;
      try (Session s = new Sessions(db.dataSource(), null, Duration.ofSeconds(5)).open()) {
        ours = rows(s.connection(), BOUNDARIES);
      }
      List<String> explicit;
      List<String> jvm;
      try (Connection c = db.dataSource().getConnection()) {
        jvm = rows(c, BOUNDARIES); // pgjdbc's session: the JVM's zone, Asia/Kolkata
        try (Statement st = c.createStatement()) {
          st.execute("SET TimeZone = 'America/New_York'");
        }
        explicit = rows(c, BOUNDARIES);
      }
      assertThat(ours).isEqualTo(explicit);
      assertThat(ours).first().asString().startsWith("2024-03-09 00:00:00-05|20240309_233000");
      assertThat(jvm).isNotEqualTo(ours);
      assertThat(jvm).first().asString().startsWith("2024-03-10 00:00:00+05:30|20240310_100000");
    }
  }

  @Test
  void aDatabaseZoneJavaCannotShareIsRefusedAndTheConnectionIsLeftAsFound() throws Exception {
    try (TestDatabase db = TestDatabase.create("tz_posix")) {
      // PostgreSQL reads 'UTC+3' as three hours WEST; Java would read it as east.
      db.execute("ALTER DATABASE " + db.name() + " SET timezone = 'UTC+3'");
      try (OneConnectionDataSource pool = new OneConnectionDataSource(db.dataSource())) {
        try (Statement st = pool.physical().createStatement()) {
          st.execute("SET IntervalStyle = 'iso_8601'"); // as a pool's init SQL might
        }
        String before = setting(pool.physical(), "SHOW TimeZone");
        Sessions sessions = new Sessions(pool, null, Duration.ofSeconds(5));
        assertThatThrownBy(sessions::open)
            .isInstanceOfSatisfying(
                PartmanException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_TIME_ZONE))
            .hasMessageContaining("'UTC+3'")
            .hasMessageContaining("ALTER DATABASE ... SET timezone")
            .hasMessageContaining(".timeZone(ZoneId.of(");
        assertThat(setting(pool.physical(), "SHOW TimeZone")).isEqualTo(before);
        assertThat(setting(pool.physical(), "SHOW IntervalStyle")).isEqualTo("iso_8601");
        assertThat(setting(pool.physical(), "SHOW application_name")).isEqualTo("partman4j-tests");
      }
    }
  }

  @Test
  void concurrentFirstSessionsResolveOnceAndAgree(TestDatabase db) throws Exception {
    try (LogCapture log = new LogCapture(TimeZoneResolver.class)) {
      Sessions sessions = new Sessions(db.dataSource(), null, Duration.ofSeconds(5));
      ExecutorService pool = Executors.newFixedThreadPool(6);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> zones = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          zones.add(
              pool.submit(
                  () -> {
                    start.await();
                    try (Session s = sessions.open()) {
                      return s.zone().getId() + " " + setting(s.connection(), "SHOW TimeZone");
                    }
                  }));
        }
        start.countDown();
        for (Future<String> z : zones) {
          assertThat(z.get()).isEqualTo("UTC UTC");
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(log.lines()).hasSize(1);
    }
  }

  private static SessionZone resolve(DataSource ds) throws SQLException {
    try (Session s = new Sessions(ds, null, Duration.ofSeconds(5)).open()) {
      assertThat(setting(s.connection(), "SHOW TimeZone"))
          .isEqualTo(s.sessionZone().postgresName());
      return s.sessionZone();
    }
  }

  /** The TimeZone a login that sends none gets; skips the test where that cannot be observed. */
  private static String truth(TestDatabase db, String role) throws Exception {
    Optional<String> zone = RawStartup.parameters(db.jdbcUrl(), role).map(p -> p.get("TimeZone"));
    assumeTrue(zone.isPresent(), "the server wants a password; cannot observe a bare login");
    return zone.get();
  }

  static String setting(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }
}
