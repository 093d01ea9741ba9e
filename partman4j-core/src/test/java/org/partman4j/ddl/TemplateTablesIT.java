package org.partman4j.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partman4j.ddl.Children.column;
import static org.partman4j.ddl.Children.one;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partman4j.ErrorCode;
import org.partman4j.Partman;
import org.partman4j.PartmanException;
import org.partman4j.exec.Session;
import org.partman4j.model.TableName;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/** The automatic template: made once, owned by the parent's owner, never shared by accident. */
@PostgresTest
class TemplateTablesIT {

  private static final String OWNER = "pm_ddl_tpl_owner";

  /** 50 characters: two parents that differ only after them get the same template name. */
  private static final String LONG = "x".repeat(50);

  private static final String LONG_B = "b".repeat(50);

  @BeforeAll
  static void scene(TestDatabase db) {
    db.server().ensureLoginRole(OWNER, "secret");
    db.executeAsAdmin("GRANT " + OWNER + " TO " + db.ownerRole());
    Partman.configure().dataSource(db.dataSource()).load().install();
    db.execute(
        "CREATE SCHEMA app",
        "GRANT CREATE ON SCHEMA partman, app TO " + OWNER,
        "CREATE TABLE app.events (id bigint NOT NULL DEFAULT 1, at timestamptz NOT NULL,"
            + " note text CHECK (note <> '')) PARTITION BY RANGE (at)",
        "ALTER TABLE app.events OWNER TO " + OWNER,
        "CREATE TABLE app." + LONG + "_alpha (id bigint NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE app." + LONG + "_omega (id int NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE app." + LONG_B + "_beta1 (id int NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE app." + LONG_B + "_beta2 (id int NOT NULL) PARTITION BY RANGE (id)");
  }

  private static TemplateTables.Result ensure(TestDatabase db, String parent) {
    try (Session s = Children.sessions(db).open()) {
      return TemplateTables.ensure(s, "partman", TableName.parse(parent));
    }
  }

  @Test
  void madeOnceAsAPlainLikeOwnedByTheParentsOwner(TestDatabase db) {
    TemplateTables.Result r = ensure(db, "app.events");
    assertThat(r.template()).isEqualTo(new TableName("partman", "template_app_events"));
    assertThat(r.created()).isTrue();
    assertThat(r.statements())
        .containsExactly(
            "CREATE TABLE IF NOT EXISTS \"partman\".\"template_app_events\""
                + " (LIKE \"app\".\"events\")",
            "ALTER TABLE \"partman\".\"template_app_events\" OWNER TO \"" + OWNER + "\"");
    assertThat(
            one(
                db,
                "SELECT pg_get_userbyid(relowner) FROM pg_class"
                    + " WHERE oid = 'partman.template_app_events'::regclass"))
        .isEqualTo(OWNER);
    // Plain LIKE: columns, types and NOT NULL; no defaults, no checks.
    assertThat(
            column(
                db,
                "SELECT attname || ' ' || format_type(atttypid, atttypmod) || ' ' || attnotnull"
                    + " || ' ' || atthasdef FROM pg_attribute WHERE attnum > 0"
                    + " AND attrelid = 'partman.template_app_events'::regclass ORDER BY attnum"))
        .containsExactly(
            "id bigint true false",
            "at timestamp with time zone true false",
            "note text false false");
    assertThat(
            one(
                db,
                // PostgreSQL 18 records NOT NULL as constraints of type 'n'; those are columns'.
                "SELECT count(*) FROM pg_constraint"
                    + " WHERE conrelid = 'partman.template_app_events'::regclass"
                    + " AND contype <> 'n'"))
        .isEqualTo("0");

    TemplateTables.Result again = ensure(db, "app.events");
    assertThat(again.created()).isFalse();
    assertThat(again.statements()).isEmpty();
  }

  @Test
  void anotherSetsTemplateWithOtherColumnsIsNotReused(TestDatabase db) {
    TemplateTables.Result alpha = ensure(db, "app." + LONG + "_alpha");
    assertThat(alpha.template().table()).hasSize(63).startsWith("template_app_xxx");
    String before = Catalog.snapshot(db.adminDataSource());
    assertThatThrownBy(() -> ensure(db, "app." + LONG + "_omega"))
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NAME_COLLISION))
        .hasMessageContaining("Cannot use " + alpha.template())
        .hasMessageContaining(
            "with other columns (id bigint) than app." + LONG + "_omega (id integer)")
        .hasMessageContaining("template_table in part_config");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void anotherSetsTemplateWithTheSameColumnsIsNotReusedEither(TestDatabase db) {
    TemplateTables.Result beta1 = ensure(db, "app." + LONG_B + "_beta1");
    db.execute(
        "INSERT INTO partman.part_config (parent_table, control, partition_interval,"
            + " partition_type, template_table) VALUES ('app."
            + LONG_B
            + "_beta1', 'id', '10', 'range', '"
            + beta1.template()
            + "')");
    assertThatThrownBy(() -> ensure(db, "app." + LONG_B + "_beta2"))
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NAME_COLLISION))
        .hasMessageContaining("it is already the template of app." + LONG_B + "_beta1");
    // The set that owns it still finds it.
    assertThat(ensure(db, "app." + LONG_B + "_beta1").created()).isFalse();
  }
}
