package org.partman4j.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partman4j.ddl.Children.create;
import static org.partman4j.ddl.Children.one;
import static org.partman4j.ddl.Children.range;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partman4j.exec.Session;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/** PostgreSQL does not give new partitions their parent's replica identity; we do. */
@PostgresTest
class ChildReplicaIdentityIT {

  @BeforeAll
  static void scene(TestDatabase db) {
    db.execute(
        "CREATE TABLE ri_full (id int NOT NULL) PARTITION BY RANGE (id)",
        "ALTER TABLE ri_full REPLICA IDENTITY FULL",
        "CREATE TABLE ri_nothing (id int NOT NULL) PARTITION BY RANGE (id)",
        "ALTER TABLE ri_nothing REPLICA IDENTITY NOTHING",
        "CREATE TABLE ri_index (id int NOT NULL, code text NOT NULL) PARTITION BY RANGE (id)",
        "CREATE UNIQUE INDEX ri_index_key ON ri_index (code, id)",
        "CREATE INDEX ri_index_other ON ri_index (id, code)",
        "ALTER TABLE ri_index REPLICA IDENTITY USING INDEX ri_index_key");
  }

  private static String identity(TestDatabase db, String table) {
    return one(db, "SELECT relreplident::text FROM pg_class WHERE relname = '" + table + "'");
  }

  @Test
  void fullAndNothing(TestDatabase db) {
    create(db, "public.ri_full", null, false, range("public.ri_full_p0", "0", "10"));
    create(db, "public.ri_nothing", null, false, range("public.ri_nothing_p0", "0", "10"));
    assertThat(identity(db, "ri_full_p0")).isEqualTo("f");
    assertThat(identity(db, "ri_nothing_p0")).isEqualTo("n");
  }

  @Test
  void usingIndexPicksTheChildsOwnIndexAttachedToTheParents(TestDatabase db) {
    List<ChildResult> r =
        create(
            db,
            "public.ri_index",
            null,
            false,
            range("public.ri_index_p0", "0", "10"),
            Children.defaultPartition("public.ri_index_default"));
    for (String child : List.of("ri_index_p0", "ri_index_default")) {
      assertThat(identity(db, child)).isEqualTo("i");
      assertThat(
              one(
                  db,
                  "SELECT count(*) FROM pg_index x JOIN pg_inherits i ON i.inhrelid = x.indexrelid"
                      + " WHERE x.indisreplident AND x.indrelid = '"
                      + child
                      + "'::regclass AND i.inhparent = 'ri_index_key'::regclass"))
          .isEqualTo("1");
    }
    String childIndex =
        one(
            db,
            "SELECT c.relname FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid"
                + " WHERE x.indisreplident AND x.indrelid = 'ri_index_p0'::regclass");
    assertThat(r.get(0).statements())
        .last()
        .isEqualTo(
            "ALTER TABLE \"public\".\"ri_index_p0\" REPLICA IDENTITY USING INDEX \""
                + childIndex
                + "\"");
  }

  @Test
  void aDryRunMarksTheIndexItCannotNameYet(TestDatabase db) {
    try (Session s = Children.sessions(db).open()) {
      ChildProperties p = Children.read(s, "public.ri_index", null, false);
      assertThat(
              new ChildCreator()
                  .dryRun(s, p, List.of(range("public.ri_index_p90", "90", "100")))
                  .get(0)
                  .statements())
          .last()
          .asString()
          .contains("REPLICA IDENTITY USING INDEX /* dry run:")
          .contains("\"ri_index_key\"");
    }
  }
}
