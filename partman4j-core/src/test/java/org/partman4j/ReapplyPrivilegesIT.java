package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/** reapplyPrivileges against PostgreSQL, run as the ordinary owner role. */
@PostgresTest
class ReapplyPrivilegesIT {

  private static final String READER = "pm_extras_reader";
  private static final String WRITER = "pm_extras_writer";
  private static final String OTHER = "pm_extras_other";
  private static final String BOSS = "pm_extras_boss";

  private static void roles(TestDatabase db) {
    for (String r : List.of(READER, WRITER, OTHER, BOSS)) {
      db.executeAsAdmin(
          "DO $$ BEGIN CREATE ROLE "
              + r
              + " NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    }
    db.executeAsAdmin("GRANT " + BOSS + " TO " + db.ownerRole());
  }

  /** {@code table owner reader=… writer=… other=…} for every child of the set and the default. */
  private static List<String> privileges(TestDatabase db, String parent) {
    List<String> out = new ArrayList<>();
    for (String child :
        db.queryColumn(
            "SELECT c.oid::regclass::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = '"
                + parent
                + "'::regclass ORDER BY 1")) {
      StringBuilder b =
          new StringBuilder(child)
              .append(" owner=")
              .append(
                  db.queryString(
                      "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = '"
                          + child
                          + "'::regclass"));
      for (String role : List.of(READER, WRITER, OTHER)) {
        b.append(' ').append(role.substring("pm_extras_".length())).append('=');
        List<String> have = new ArrayList<>();
        for (String p : List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE")) {
          if ("t"
              .equals(
                  db.queryString(
                      "SELECT has_table_privilege('"
                          + role
                          + "', '"
                          + child
                          + "', '"
                          + p
                          + "')"))) {
            have.add(p);
          }
        }
        b.append(String.join(",", have));
      }
      out.add(b.toString());
    }
    return out;
  }

  @Test
  void childrenAndTheDefaultGetTheParentsGrantsAndOwnerAndLoseTheRest(TestDatabase db) {
    roles(db);
    db.execute(
        "CREATE SCHEMA pv",
        "GRANT USAGE, CREATE ON SCHEMA pv TO " + BOSS,
        "CREATE TABLE pv.t (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
    Partman partman = CreateParentGoldenIT.partman(db, "UTC", CreateParentGoldenIT.NOW);
    partman.createParent(PartitionSetDefinition.of("pv.t", "ts", "1 day"));
    db.execute(
        "GRANT SELECT ON pv.t TO " + READER,
        "GRANT SELECT, INSERT ON pv.t TO " + WRITER,
        "GRANT DELETE ON pv.t_p20261120 TO " + WRITER,
        "GRANT SELECT, UPDATE ON pv.t_default TO " + OTHER,
        "ALTER TABLE pv.t OWNER TO " + BOSS);

    ReapplyPrivilegesResult r = partman.reapplyPrivileges("pv.t");

    assertThat(r.tablesChecked()).isEqualTo(10);
    assertThat(r.tablesChanged()).hasSize(10).first().isEqualTo("pv.t_default");
    assertThat(r.statements())
        .contains(
            "REVOKE ALL ON \"pv\".\"t_default\" FROM \"" + OTHER + "\"",
            "ALTER TABLE \"pv\".\"t_p20261120\" OWNER TO \"" + BOSS + "\"");
    List<String> expected = new ArrayList<>();
    for (String child :
        List.of(
            "pv.t_default",
            "pv.t_p20261118",
            "pv.t_p20261119",
            "pv.t_p20261120",
            "pv.t_p20261121",
            "pv.t_p20261122",
            "pv.t_p20261123",
            "pv.t_p20261124",
            "pv.t_p20261125",
            "pv.t_p20261126")) {
      expected.add(child + " owner=" + BOSS + " reader=SELECT writer=SELECT,INSERT other=");
    }
    assertThat(privileges(db, "pv.t")).isEqualTo(expected);

    // the parent loses a grant: so do the children; a second run then changes nothing
    db.executeAsAdmin("REVOKE SELECT ON pv.t FROM " + READER);
    ReapplyPrivilegesResult revoked = partman.reapplyPrivileges("pv.t");
    assertThat(revoked.tablesChanged()).hasSize(10);
    assertThat(privileges(db, "pv.t")).allSatisfy(line -> assertThat(line).contains(" reader= "));
    String before = Catalog.snapshot(db.adminDataSource());
    ReapplyPrivilegesResult again = partman.reapplyPrivileges("pv.t");
    assertThat(again.tablesChanged()).isEmpty();
    assertThat(again.statements()).isEmpty();
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void anUnknownSetIsRefusedAndChangesNothing(TestDatabase db) {
    db.execute("CREATE SCHEMA pu", "CREATE TABLE pu.plain (id int)");
    Partman partman = CreateParentGoldenIT.partman(db, "UTC", CreateParentGoldenIT.NOW);
    partman.install();
    String before = Catalog.snapshot(db.adminDataSource());
    assertThatThrownBy(() -> partman.reapplyPrivileges("pu.nope"))
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OBJECT_NOT_FOUND))
        .hasMessageContaining("pu.nope");
    assertThatThrownBy(() -> partman.reapplyPrivileges("pu.plain"))
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SET_NOT_FOUND));
    assertThatThrownBy(() -> partman.reapplyPrivileges("no_schema_given"))
        .isInstanceOfSatisfying(
            PartmanException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void aChildLockedByAReaderIsRetriedThenReportedAndARerunFinishes(TestDatabase db)
      throws Exception {
    roles(db);
    db.execute(
        "CREATE SCHEMA pl",
        "GRANT USAGE, CREATE ON SCHEMA pl TO " + BOSS,
        "CREATE TABLE pl.t (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
    Partman impatient =
        Partman.configure()
            .dataSource(db.dataSource())
            .timeZone(ZoneId.of("UTC"))
            .clock(CreateParentGoldenIT.NOW)
            .lockTimeout(Duration.ofMillis(100))
            .lockAttempts(2)
            .load();
    impatient.createParent(PartitionSetDefinition.of("pl.t", "ts", "1 day"));
    db.execute("ALTER TABLE pl.t OWNER TO " + BOSS);
    try (Connection reader = db.dataSource().getConnection();
        Statement st = reader.createStatement()) {
      reader.setAutoCommit(false);
      st.execute("SELECT count(*) FROM pl.t_p20261122"); // OWNER TO waits for this reader
      assertThatThrownBy(() -> impatient.reapplyPrivileges("pl.t"))
          .isInstanceOfSatisfying(
              PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT))
          .hasMessageContaining("pl.t_p20261122");
      assertThat(
              db.queryString(
                  "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'pl.t_p20261122'::regclass"))
          .isEqualTo(db.ownerRole());
      reader.commit();
    }
    ReapplyPrivilegesResult rerun = impatient.reapplyPrivileges("pl.t");
    assertThat(rerun.tablesChanged()).contains("pl.t_p20261122");
    assertThat(
            db.queryColumn(
                "SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_inherits i"
                    + " JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'pl.t'::regclass"))
        .containsExactly(BOSS);
  }
}
