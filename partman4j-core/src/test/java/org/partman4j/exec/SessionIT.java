package org.partman4j.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partman4j.exec.TimeZoneResolutionIT.setting;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.OneConnectionDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Every session is set up as partman4j needs it and handed back exactly as it was found. */
@PostgresTest
class SessionIT {

  private static final String STATE =
      "SELECT current_setting('TimeZone') || '|' || current_setting('DateStyle') || '|'"
          + " || current_setting('IntervalStyle') || '|' || current_setting('application_name')"
          + " || '|' || current_setting('lock_timeout')";

  @Test
  void aSessionIsSetUpAndThePooledConnectionGetsItsOwnSettingsBack(TestDatabase db)
      throws Exception {
    try (OneConnectionDataSource pool = new OneConnectionDataSource(db.dataSource())) {
      // What a pool's init SQL might have set: these must come back, not the startup values.
      exec(
          pool.physical(),
          "SET TimeZone = 'Asia/Tokyo'",
          "SET IntervalStyle = 'sql_standard'",
          "SET DateStyle = 'ISO, DMY'",
          "SET lock_timeout = '1min'");
      String before = setting(pool.physical(), STATE);
      assertThat(before).isEqualTo("Asia/Tokyo|ISO, DMY|sql_standard|partman4j-tests|1min");

      Sessions sessions = new Sessions(pool, null, Duration.ofMillis(1500));
      try (Session s = sessions.open()) {
        assertThat(setting(s.connection(), STATE))
            .isEqualTo(
                s.sessionZone().postgresName() + "|ISO, DMY|postgres|partman4j-tests|1500ms");
        assertThat(s.connection().getAutoCommit()).isTrue();
      }
      assertThat(setting(pool.physical(), STATE)).isEqualTo(before);
      // The second session (zone already known) does the same.
      try (Session s = sessions.open()) {
        assertThat(setting(s.connection(), "SHOW IntervalStyle")).isEqualTo("postgres");
      }
      assertThat(setting(pool.physical(), STATE)).isEqualTo(before);
      assertThat(pool.borrowed()).isEqualTo(2);
    }
  }

  @Test
  void settingsComeBackAfterAFailedTransactionAndTheWorkIsRolledBack(TestDatabase db)
      throws Exception {
    db.execute("CREATE TABLE session_probe (x int)");
    try (OneConnectionDataSource pool = new OneConnectionDataSource(db.dataSource())) {
      pool.physical().setAutoCommit(false); // some pools hand out connections like this
      String before = setting(pool.physical(), STATE);
      pool.physical().commit();
      try (Session s = new Sessions(pool, null, Duration.ofSeconds(2)).open()) {
        assertThatThrownBy(
                () ->
                    s.inTransaction(
                        "testing a failure",
                        c -> {
                          exec(c, "INSERT INTO session_probe VALUES (1)");
                          return setting(c, "SELECT 1/0");
                        }))
            .isInstanceOfSatisfying(
                PartmanException.class,
                e -> {
                  assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_ERROR);
                  assertThat(e.sqlState()).isEqualTo("22012");
                  assertThat(e.getCause()).isInstanceOf(SQLException.class);
                })
            .hasMessageContaining("testing a failure")
            .hasMessageContaining("division by zero");
        // The session is still usable after the failure.
        String count =
            s.inTransaction("reading", c -> setting(c, "SELECT count(*) FROM session_probe"));
        assertThat(count).isEqualTo("0");
      }
      assertThat(pool.physical().getAutoCommit()).isFalse();
      assertThat(setting(pool.physical(), STATE)).isEqualTo(before);
      pool.physical().rollback();
    }
    assertThat(db.queryString("SELECT count(*) FROM session_probe")).isEqualTo("0");
  }

  @Test
  void applicationNameIsOursOnlyWhenTheDataSourceGaveNone(TestDatabase db) throws Exception {
    PGSimpleDataSource unnamed = (PGSimpleDataSource) db.dataSource();
    unnamed.setApplicationName(null);
    try (Session s = new Sessions(unnamed, null, Duration.ofSeconds(2)).open()) {
      assertThat(setting(s.connection(), "SHOW application_name")).isEqualTo("partman4j");
    }
    PGSimpleDataSource named = (PGSimpleDataSource) db.dataSource();
    named.setApplicationName("billing-service");
    try (Session s = new Sessions(named, null, Duration.ofSeconds(2)).open()) {
      assertThat(setting(s.connection(), "SHOW application_name")).isEqualTo("billing-service");
    }
  }

  @Test
  void standardConformingStringsOffIsRefusedAndNothingIsChanged(TestDatabase db) throws Exception {
    try (OneConnectionDataSource pool = new OneConnectionDataSource(db.dataSource())) {
      exec(pool.physical(), "SET standard_conforming_strings = off");
      String before = setting(pool.physical(), STATE);
      assertThatThrownBy(() -> new Sessions(pool, null, Duration.ofSeconds(2)).open())
          .isInstanceOfSatisfying(
              PartmanException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_SERVER))
          .hasMessageContaining("standard_conforming_strings = off")
          .hasMessageContaining("SET standard_conforming_strings = on");
      assertThat(setting(pool.physical(), STATE)).isEqualTo(before);
    }
  }

  @Test
  void anUnreachableDataSourceIsAConnectionFailure(TestDatabase db) {
    PGSimpleDataSource wrong = (PGSimpleDataSource) db.dataSource();
    wrong.setDatabaseName("no_such_database_" + db.name());
    assertThatThrownBy(() -> new Sessions(wrong, null, Duration.ofSeconds(2)).open())
        .isInstanceOfSatisfying(
            PartmanException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILED);
              assertThat(e.sqlState()).isNotNull();
            })
        .hasMessageContaining("Check the JDBC URL, user and password");
  }

  @Test
  void theLockTimeoutBoundsWaitsAndIsReportedAsSuch(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE locked (x int)");
    DataSource ds = db.dataSource();
    try (Connection holder = ds.getConnection()) {
      holder.setAutoCommit(false);
      exec(holder, "LOCK TABLE locked IN ACCESS EXCLUSIVE MODE");
      try (Session s = new Sessions(ds, null, Duration.ofMillis(200)).open()) {
        long start = System.nanoTime();
        assertThatThrownBy(
                () -> s.inTransaction("reading table locked", c -> rows(c, "SELECT * FROM locked")))
            .isInstanceOfSatisfying(
                PartmanException.class,
                e -> {
                  assertThat(e.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
                  assertThat(e.sqlState()).isEqualTo("55P03");
                })
            .hasMessageContaining(".lockTimeout(");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      }
      holder.rollback();
    }
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    return TimeZoneResolutionIT.rows(c, sql);
  }

  private static void exec(Connection c, String... sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  @Test
  void oneRoundTripIsOneTransactionThatLeavesNothingWhenAStatementFails(TestDatabase db) {
    Sessions sessions = new Sessions(db.dataSource(), null, Duration.ofSeconds(5));
    try (Session session = sessions.open()) {
      session.inOneRoundTrip(
          "making a", List.of("CREATE TABLE one_a (x int)", "INSERT INTO one_a VALUES (1)"));
      assertThatThrownBy(
              () ->
                  session.inOneRoundTrip(
                      "making b",
                      List.of(
                          "CREATE TABLE one_b (x int)",
                          "LOCK TABLE one_b IN ACCESS EXCLUSIVE MODE",
                          "SELECT 1 / 0",
                          "CREATE TABLE one_c (x int)")))
          .isInstanceOfSatisfying(
              PartmanException.class,
              e -> {
                assertThat(e.sqlState()).isEqualTo("22012");
                assertThat(e.getMessage()).contains("making b");
              });
      // The session is out of the failed transaction and goes on.
      session.inOneRoundTrip("making d", List.of("CREATE TABLE one_d (x int)"));
    }
    assertThat(
            db.queryColumn(
                "SELECT relname FROM pg_class WHERE relname LIKE 'one\\_%' ORDER BY relname"))
        .containsExactly("one_a", "one_d");
    assertThat(db.queryString("SELECT x FROM one_a")).isEqualTo("1");
  }

  @Test
  void oneRoundTripRefusesToRunInsideATransaction(TestDatabase db) {
    Sessions sessions = new Sessions(db.dataSource(), null, Duration.ofSeconds(5));
    try (Session session = sessions.open()) {
      assertThatThrownBy(
              () ->
                  session.inTransaction(
                      "outer",
                      c -> {
                        session.inOneRoundTrip(
                            "making inner", List.of("CREATE TABLE inner_t (x int)"));
                        return null;
                      }))
          .hasStackTraceContaining("inside a transaction (making inner)");
      session.inOneRoundTrip("making after", List.of("CREATE TABLE after_t (x int)"));
    }
    assertThat(db.queryColumn("SELECT relname FROM pg_class WHERE relname LIKE '%\\_t'"))
        .contains("after_t")
        .doesNotContain("inner_t");
  }
}
