package org.partman4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

@PostgresTest
class TestDatabaseIT {

  @Test
  void ownerRoleIsOrdinaryAndOwnsTheDatabase(TestDatabase db) {
    assertThat(db.queryString("SELECT current_user")).isEqualTo(PostgresServer.OWNER_ROLE);
    assertThat(db.queryString("SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
        .isEqualTo("false");
    assertThat(
            db.queryString(
                "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
        .isEqualTo(PostgresServer.OWNER_ROLE);
    assertThat(db.queryString("SELECT current_database()")).isEqualTo(db.name());
  }

  @Test
  void serverIsTheRequestedMajorVersion(TestDatabase db) {
    String requested = System.getProperty("pg.version");
    if (System.getenv(PostgresServer.EXTERNAL_URL_ENV) == null && requested != null) {
      assertThat(db.server().majorVersion()).isEqualTo(Integer.parseInt(requested));
    }
    assertThat(db.server().majorVersion()).isBetween(14, 99);
  }

  @Test
  void databaseIsUtf8AndJvmZoneDiffersFromServerZone(TestDatabase db) {
    assertThat(db.queryString("SHOW server_encoding")).isEqualTo("UTF8");
    // The surefire configuration runs tests in a zone the server does not use, so that any place
    // where the JVM's zone leaks into a session shows up as a wrong boundary.
    assertThat(ZoneId.systemDefault().getId()).isEqualTo("Asia/Kolkata");
  }

  @Test
  void eachClassGetsItsOwnDatabase(TestDatabase db) {
    try (TestDatabase other = TestDatabase.create("other")) {
      assertThat(other.name()).isNotEqualTo(db.name());
      other.execute("CREATE TABLE t (id int)");
      assertThat(db.queryString("SELECT to_regclass('public.t')::text")).isNull();
    }
  }

  @Test
  void aCopyHoldsTheTemplatesTablesAndIsOwnedByTheOrdinaryRole(TestDatabase db) {
    try (TestDatabase template = TestDatabase.create("template")) {
      template.execute("CREATE TABLE t (id int)", "INSERT INTO t VALUES (1), (2)");
      try (TestDatabase copy = TestDatabase.copyOf(template, "copy")) {
        assertThat(copy.name()).isNotEqualTo(template.name());
        assertThat(copy.queryString("SELECT sum(id)::text FROM t")).isEqualTo("3");
        assertThat(
                copy.queryString(
                    "SELECT pg_get_userbyid(datdba) FROM pg_database"
                        + " WHERE datname = current_database()"))
            .isEqualTo(PostgresServer.OWNER_ROLE);
        copy.execute("DROP TABLE t");
        assertThat(template.queryString("SELECT count(*)::text FROM t")).isEqualTo("2");
      }
    }
  }

  @Test
  void residentMemoryOfThisProcessIsReadOnLinux() throws Exception {
    long kib = ProcessMemory.residentKib(ProcessHandle.current().pid());
    if (System.getProperty("os.name").startsWith("Linux")) {
      assertThat(kib).isGreaterThan(1024);
    } else {
      assertThat(kib).isEqualTo(-1);
    }
    assertThat(ProcessMemory.residentKib(Long.MAX_VALUE)).isEqualTo(-1);
  }
}
