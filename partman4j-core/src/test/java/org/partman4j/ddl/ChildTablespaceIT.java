package org.partman4j.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.partman4j.ddl.Children.column;
import static org.partman4j.ddl.Children.create;
import static org.partman4j.ddl.Children.range;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresServer;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/**
 * Tablespaces: the child goes where its parent is; template indexes where theirs are, a partial
 * unique index included (pg_partman 5.1 put TABLESPACE after WHERE, which PostgreSQL rejects).
 * Needs a server that can use a directory of this machine, so it is skipped against an external
 * server.
 */
@PostgresTest
class ChildTablespaceIT {

  private static final String SPACE = "pm_ddl_space_" + ProcessHandle.current().pid();
  private static boolean created;

  @BeforeAll
  static void scene(TestDatabase db) throws Exception {
    if (System.getenv(PostgresServer.EXTERNAL_URL_ENV) != null) {
      return;
    }
    Path dir = Files.createTempDirectory("pm_ddl_space");
    db.executeAsAdmin(
        "CREATE TABLESPACE " + SPACE + " LOCATION '" + dir + "'",
        "GRANT CREATE ON TABLESPACE " + SPACE + " TO " + db.ownerRole());
    created = true;
    db.execute(
        "CREATE TABLE spaced (id int NOT NULL, code text, note text) PARTITION BY RANGE (id)"
            + " TABLESPACE "
            + SPACE,
        "CREATE TABLE spaced_tpl (LIKE spaced)",
        "ALTER TABLE spaced_tpl ADD PRIMARY KEY (code) USING INDEX TABLESPACE " + SPACE,
        "CREATE UNIQUE INDEX spaced_tpl_note ON spaced_tpl (note) INCLUDE (id)"
            + " WITH (fillfactor = 80) TABLESPACE "
            + SPACE
            + " WHERE note <> ''");
  }

  @AfterAll
  static void dropSpace(TestDatabase db) {
    if (created) {
      db.execute("DROP TABLE spaced, spaced_tpl");
      db.executeAsAdmin("DROP TABLESPACE " + SPACE);
    }
  }

  @Test
  void childrenAndTemplateIndexesGoToTheirTablespaces(TestDatabase db) {
    assumeTrue(created, "needs a tablespace on the test server's machine");
    List<ChildResult> r =
        create(
            db,
            "public.spaced",
            "public.spaced_tpl",
            false,
            range("public.spaced_p0", "0", "10"),
            Children.defaultPartition("public.spaced_default"));
    assertThat(r.get(0).statements())
        .contains(
            "CREATE UNIQUE INDEX ON \"public\".\"spaced_p0\" USING btree (note) INCLUDE (id)"
                + " WITH (fillfactor='80') TABLESPACE \""
                + SPACE
                + "\" WHERE (note <> ''::text)");
    assertThat(
            column(
                db,
                "SELECT c.relname || ' ' || coalesce(t.spcname, '-') || ' '"
                    + " || coalesce(pg_get_expr(x.indpred, x.indrelid), '-')"
                    + " FROM pg_class c LEFT JOIN pg_tablespace t ON t.oid = c.reltablespace"
                    + " LEFT JOIN pg_index x ON x.indexrelid = c.oid"
                    + " WHERE c.relname LIKE 'spaced\\_p0%' OR c.relname LIKE 'spaced\\_default%'"
                    + " ORDER BY 1"))
        .containsExactly(
            "spaced_default " + SPACE + " -",
            "spaced_default_note_id_idx " + SPACE + " (note <> ''::text)",
            "spaced_default_pkey " + SPACE + " -",
            "spaced_p0 " + SPACE + " -",
            "spaced_p0_note_id_idx " + SPACE + " (note <> ''::text)",
            "spaced_p0_pkey " + SPACE + " -");
  }
}
