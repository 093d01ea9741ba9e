package org.partman4j.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partman4j.ddl.Children.column;
import static org.partman4j.ddl.Children.create;
import static org.partman4j.ddl.Children.one;
import static org.partman4j.ddl.Children.range;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partman4j.exec.Session;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/**
 * inherit_privileges: the child gets the parent's grants (and loses what default privileges gave
 * it) and the parent's owner, while the tool runs as an ordinary role that is a member of the
 * owner.
 */
@PostgresTest
class ChildPrivilegesIT {

  private static final String APP = "pm_ddl_app";
  private static final String READER = "pm_ddl_reader";
  private static final String WRITER = "pm_ddl_writer";
  private static final String STRAY = "pm_ddl_stray";

  /** Each grantee with its privileges, for comparing a child with its parent. */
  private static final String GRANTS =
      """
      SELECT CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END || '='
             || string_agg(DISTINCT x.privilege_type, ',' ORDER BY x.privilege_type)
        FROM pg_class c, aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) x
       WHERE c.oid = '%s'::regclass AND x.privilege_type <> 'MAINTAIN'
       GROUP BY x.grantee ORDER BY 1
      """;

  @BeforeAll
  static void scene(TestDatabase db) {
    for (String role : List.of(APP, READER, WRITER, STRAY)) {
      db.server().ensureLoginRole(role, "secret");
    }
    db.executeAsAdmin(
        "GRANT " + APP + " TO " + db.ownerRole(),
        "CREATE SCHEMA priv AUTHORIZATION " + db.ownerRole(),
        "GRANT USAGE, CREATE ON SCHEMA priv TO " + APP,
        "CREATE TABLE priv.orders (id bigint NOT NULL) PARTITION BY RANGE (id)",
        "ALTER TABLE priv.orders OWNER TO " + APP,
        "GRANT SELECT ON priv.orders TO " + READER + ", PUBLIC",
        "GRANT SELECT, INSERT, UPDATE ON priv.orders TO " + WRITER,
        // What every new table of the tool's role gets: one stray grantee, one extra privilege.
        "ALTER DEFAULT PRIVILEGES FOR ROLE "
            + db.ownerRole()
            + " IN SCHEMA priv GRANT ALL ON TABLES TO "
            + STRAY,
        "ALTER DEFAULT PRIVILEGES FOR ROLE "
            + db.ownerRole()
            + " IN SCHEMA priv GRANT DELETE ON TABLES TO "
            + READER);
  }

  @Test
  void theChildGetsTheParentsGrantsAndOwner(TestDatabase db) {
    List<ChildResult> r = create(db, "priv.orders", null, true, range("priv.orders_p0", "0", "10"));

    assertThat(column(db, GRANTS.formatted("priv.orders_p0")))
        .isEqualTo(column(db, GRANTS.formatted("priv.orders")))
        .contains("PUBLIC=SELECT", READER + "=SELECT", WRITER + "=INSERT,SELECT,UPDATE");
    assertThat(
            one(db, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'orders_p0'"))
        .isEqualTo(APP);
    List<String> sqls = r.get(0).statements();
    assertThat(sqls)
        .contains(
            "REVOKE DELETE, INSERT, REFERENCES, TRIGGER, TRUNCATE, UPDATE ON"
                + " \"priv\".\"orders_p0\" FROM \""
                + READER
                + "\" CASCADE",
            "REVOKE ALL ON \"priv\".\"orders_p0\" FROM \"" + STRAY + "\"",
            "REVOKE ALL ON \"priv\".\"orders_p0\" FROM \"" + db.ownerRole() + "\"")
        .last()
        .isEqualTo("ALTER TABLE \"priv\".\"orders_p0\" OWNER TO \"" + APP + "\"");
  }

  @Test
  void aDryRunPredictsTheSamePrivilegeStatementsDefaultPrivilegesIncluded(TestDatabase db) {
    List<String> preview;
    try (Session s = Children.sessions(db).open()) {
      ChildProperties p = Children.read(s, "priv.orders", null, true);
      preview =
          new ChildCreator()
              .dryRun(s, p, List.of(range("priv.orders_p20", "20", "30")))
              .get(0)
              .statements();
    }
    List<ChildResult> r =
        create(db, "priv.orders", null, true, range("priv.orders_p20", "20", "30"));
    assertThat(r.get(0).statements()).isEqualTo(preview);
  }

  @Test
  void withoutInheritPrivilegesTheChildKeepsWhatItWasCreatedWith(TestDatabase db) {
    create(db, "priv.orders", null, false, range("priv.orders_p10", "10", "20"));
    assertThat(
            one(db, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'orders_p10'"))
        .isEqualTo(db.ownerRole());
    assertThat(column(db, GRANTS.formatted("priv.orders_p10")))
        .contains(
            STRAY + "=DELETE,INSERT,REFERENCES,SELECT,TRIGGER,TRUNCATE,UPDATE", READER + "=DELETE")
        .noneMatch(g -> g.startsWith("PUBLIC") || g.startsWith(WRITER));
  }
}
