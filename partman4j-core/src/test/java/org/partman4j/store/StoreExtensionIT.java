package org.partman4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.partman4j.ErrorCode;
import org.partman4j.Partman;
import org.partman4j.PartmanException;
import org.partman4j.testkit.PostgresServer;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/**
 * A schema that belongs to the pg_partman extension is refused. The test installs a real (tiny)
 * extension of that name into the local embedded server's extension directory.
 */
@PostgresTest
class StoreExtensionIT {

  private static final String CONTROL =
      """
      comment = 'stand-in for pg_partman in partman4j tests'
      default_version = '5.2.4'
      relocatable = false
      superuser = true
      """;

  private static final String SCRIPT =
      """
      CREATE TABLE @extschema@.part_config (parent_table text PRIMARY KEY, control text NOT NULL);
      CREATE TABLE @extschema@.part_config_sub (sub_parent text PRIMARY KEY);
      """;

  @Test
  void aSchemaOwnedByPgPartmanIsRefusedAndLeftAlone(TestDatabase db) throws Exception {
    assumeTrue(
        System.getenv(PostgresServer.EXTERNAL_URL_ENV) == null,
        "an external server's extension directory is not on this machine");
    Path dir = Path.of(sharedir(db), "extension");
    assumeTrue(Files.isDirectory(dir) && Files.isWritable(dir), dir + " is not writable");
    Path control = dir.resolve("pg_partman.control");
    Path script = dir.resolve("pg_partman--5.2.4.sql");
    assumeTrue(
        !Files.exists(control), "a real pg_partman is installed on this server; not replacing it");
    try {
      Files.writeString(control, CONTROL, StandardCharsets.UTF_8);
      Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
      db.executeAsAdmin("CREATE SCHEMA partman", "CREATE EXTENSION pg_partman SCHEMA partman");
      String before = Catalog.snapshot(db.adminDataSource());
      assertThat(before).contains("extension pg_partman 5.2.4 in partman");

      assertThatThrownBy(() -> Partman.configure().dataSource(db.dataSource()).load().install())
          .isInstanceOfSatisfying(
              PartmanException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_OWNED_BY_EXTENSION))
          .hasMessageContaining("Schema \"partman\" in database " + db.name())
          .hasMessageContaining("belongs to the pg_partman extension (version 5.2.4)")
          .hasMessageContaining(".schema(\"partman4j\")")
          .hasMessageContaining("--schema partman4j");
      assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);

      // The advice works: another schema installs next to the extension.
      assertThat(
              Partman.configure()
                  .dataSource(db.dataSource())
                  .schema("partman4j")
                  .load()
                  .install()
                  .versionAfter())
          .isEqualTo(StoreScripts.all().size());
      // ...and leaves the extension's objects exactly as they were.
      assertThat(Catalog.snapshot(db.adminDataSource()).lines())
          .containsAll(before.lines().toList());
    } finally {
      Files.deleteIfExists(control);
      Files.deleteIfExists(script);
    }
  }

  private static String sharedir(TestDatabase db) {
    try (var c = db.adminDataSource().getConnection();
        var st = c.createStatement();
        var rs = st.executeQuery("SELECT setting FROM pg_config WHERE name = 'SHAREDIR'")) {
      rs.next();
      return rs.getString(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
