package org.partman4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.partman4j.ErrorCode;
import org.partman4j.InstallResult;
import org.partman4j.Partman;
import org.partman4j.PartmanException;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/** Install needs no superuser: CREATE on the database, or a schema the role owns, is enough. */
@PostgresTest
class StorePrivilegesIT {

  private static final String SCHEMA_OWNER = "pm_store_schema_owner";
  private static final String PLAIN = "pm_store_plain";
  private static final String PASSWORD = "store-secret";

  @Test
  void anOrdinaryRoleWithCreateOnTheDatabaseInstalls(TestDatabase db) {
    assertThat(db.queryString("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
        .isEqualTo("f");
    assertThat(db.queryString("SELECT has_database_privilege(current_database(), 'CREATE')"))
        .isEqualTo("t");
    assertThat(install(db.dataSource(), "by_db_create").versionAfter())
        .isEqualTo(StoreScripts.all().size());
  }

  @Test
  void aRoleThatOnlyOwnsAPrecreatedSchemaInstalls(TestDatabase db) {
    db.server().ensureLoginRole(SCHEMA_OWNER, PASSWORD);
    db.executeAsAdmin("CREATE SCHEMA given AUTHORIZATION " + SCHEMA_OWNER);
    DataSource role = db.dataSourceAs(SCHEMA_OWNER, PASSWORD);
    assertThat(
            db.queryString(
                "SELECT has_database_privilege('"
                    + SCHEMA_OWNER
                    + "', current_database(), 'CREATE')"))
        .isEqualTo("f");

    InstallResult result = install(role, "given");

    assertThat(result.scriptsApplied()).isEqualTo(StoreScripts.FILE_NAMES);
    assertThat(
            db.queryString(
                "SELECT string_agg(DISTINCT pg_get_userbyid(relowner), ',') FROM pg_class"
                    + " WHERE relnamespace = 'given'::regnamespace"))
        .isEqualTo(SCHEMA_OWNER);
    assertThat(install(role, "given").changed()).isFalse();
  }

  @Test
  void aRoleWithNeitherIsToldWhatToDoAndNothingIsCreated(TestDatabase db) {
    db.server().ensureLoginRole(PLAIN, PASSWORD);
    String before = Catalog.snapshot(db.adminDataSource());

    assertThatThrownBy(() -> install(db.dataSourceAs(PLAIN, PASSWORD), "partman"))
        .isInstanceOfSatisfying(
            PartmanException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGE))
        .hasMessageContaining("Role " + PLAIN + " cannot create schema \"partman\"")
        .hasMessageContaining("in database " + db.name())
        .hasMessageContaining("GRANT CREATE ON DATABASE \"" + db.name() + "\" TO \"" + PLAIN + "\"")
        .hasMessageContaining("CREATE SCHEMA \"partman\" AUTHORIZATION \"" + PLAIN + "\"")
        .hasMessageContaining("Nothing was created");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void aSchemaOfAnotherOwnerIsRefusedWithoutCreateOrUsage(TestDatabase db) {
    db.server().ensureLoginRole(PLAIN, PASSWORD);
    db.execute("CREATE SCHEMA foreign_owned", "CREATE SCHEMA usable_only");
    db.execute("GRANT USAGE ON SCHEMA usable_only TO " + PLAIN);
    String before = Catalog.snapshot(db.adminDataSource());
    DataSource plain = db.dataSourceAs(PLAIN, PASSWORD);

    assertThatThrownBy(() -> install(plain, "foreign_owned"))
        .isInstanceOfSatisfying(
            PartmanException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGE))
        .hasMessageContaining("has no USAGE privilege on schema \"foreign_owned\"")
        .hasMessageContaining("owned by partman_owner")
        .hasMessageContaining("ALTER SCHEMA \"foreign_owned\" OWNER TO \"" + PLAIN + "\"");
    assertThatThrownBy(() -> install(plain, "usable_only"))
        .isInstanceOfSatisfying(
            PartmanException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGE))
        .hasMessageContaining("has no CREATE privilege on schema \"usable_only\"")
        .hasMessageContaining("GRANT USAGE, CREATE ON SCHEMA \"usable_only\"");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void aRoleWithoutCreateMayStillUseACurrentStore(TestDatabase db) {
    db.server().ensureLoginRole(PLAIN, PASSWORD);
    install(db.dataSource(), "shared");
    db.execute(
        "GRANT USAGE ON SCHEMA shared TO " + PLAIN,
        "GRANT SELECT ON ALL TABLES IN SCHEMA shared TO " + PLAIN);
    String before = Catalog.snapshot(db.adminDataSource());

    InstallResult result = install(db.dataSourceAs(PLAIN, PASSWORD), "shared");

    assertThat(result)
        .isEqualTo(
            new InstallResult(
                "shared",
                StoreScripts.all().size(),
                StoreScripts.all().size(),
                java.util.List.of()));
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  private static InstallResult install(DataSource ds, String schema) {
    return Partman.configure().dataSource(ds).schema(schema).load().install();
  }
}
