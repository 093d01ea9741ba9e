package org.partman4j.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.partman4j.catalog.PartitionBound;
import org.partman4j.model.Grantee;
import org.partman4j.model.TableName;
import org.partman4j.model.TablePrivilege;
import org.partman4j.plan.EpochCheck;
import org.partman4j.plan.NewChild;
import org.partman4j.time.EpochUnit;

class ChildStatementsTest {

  private static final TableName PARENT = new TableName("app", "Events");
  private static final TableName CHILD = new TableName("app", "Events_p20261118");
  private static final TableName TEMPLATE = new TableName("partman", "template_app_Events");
  private static final PartitionBound.Range DAY =
      new PartitionBound.Range("2026-11-18 00:00:00+00", "2026-11-19 00:00:00+00");

  private static final IndexDefinition PARENT_PK =
      index("events_pkey", true, "USING btree (id, at)", null, List.of("id", "at"), null);
  private static final IndexDefinition PARENT_CODE =
      index("events_code", false, "USING btree (code)", null, List.of("code"), null);

  private static IndexDefinition index(
      String name, boolean primary, String tail, String pred, List<String> cols, String ts) {
    return new IndexDefinition(name, primary, true, tail, pred, cols, List.of(), ts);
  }

  private static TablePrivileges owned(String owner) {
    return new TablePrivileges(owner, Map.of(Grantee.role(owner), TablePrivilege.ALL));
  }

  private static ChildProperties props(
      TemplateProperties template, ReplicaIdentity ri, boolean inherit, Map<String, Integer> st) {
    return new ChildProperties(
        PARENT,
        42,
        "pg_catalog",
        "timestamptz",
        "fast space",
        owned("app_owner"),
        inherit,
        ri,
        List.of(PARENT_PK, PARENT_CODE),
        template,
        st,
        owned("tool"));
  }

  private static TemplateProperties fullTemplate() {
    return new TemplateProperties(
        TEMPLATE,
        true,
        List.of(
            // same columns as the parent's primary key: skipped
            index("t_pkey", true, "USING btree (id, at)", null, List.of("id", "at"), null),
            // same text as a parent index: skipped
            index("t_code", false, "USING btree (code)", null, List.of("code"), null),
            index(
                "t_ref",
                false,
                "USING btree (ref) WHERE (note IS NOT NULL)",
                "(note IS NOT NULL)",
                List.of("ref"),
                "idx space"),
            index("t_serial", false, "USING btree (serial)", null, List.of("serial"), null)),
        List.of("fillfactor=70", "autovacuum_enabled=false"),
        List.of("autovacuum_enabled=false"));
  }

  private static List<String> sqls(List<Step> steps) {
    return steps.stream()
        .map(
            s ->
                s instanceof Step.Run r
                    ? r.sql()
                    : s instanceof Step.ApplyPrivileges ? "<privileges>" : "<replica index>")
        .toList();
  }

  @Test
  void anOrdinaryChildGetsEverythingInPgPartmansOrder() {
    Map<String, Integer> stats = new LinkedHashMap<>();
    stats.put("code", 500);
    stats.put("Amount", 0);
    ChildProperties p =
        props(fullTemplate(), new ReplicaIdentity('i', 7, "events_ri"), true, stats);
    NewChild child = new NewChild(CHILD, DAY, null);

    assertThat(sqls(ChildStatements.steps(p, child)))
        .containsExactly(
            "CREATE TABLE \"app\".\"Events_p20261118\" (LIKE \"app\".\"Events\" INCLUDING COMMENTS"
                + " INCLUDING COMPRESSION INCLUDING CONSTRAINTS INCLUDING DEFAULTS INCLUDING"
                + " GENERATED INCLUDING STATISTICS INCLUDING STORAGE) TABLESPACE \"fast space\"",
            "ALTER TABLE \"app\".\"Events_p20261118\" ALTER COLUMN \"code\" SET STATISTICS 500,"
                + " ALTER COLUMN \"Amount\" SET STATISTICS 0",
            "CREATE UNIQUE INDEX ON \"app\".\"Events_p20261118\" USING btree (ref)"
                + " TABLESPACE \"idx space\" WHERE (note IS NOT NULL)",
            "CREATE UNIQUE INDEX ON \"app\".\"Events_p20261118\" USING btree (serial)",
            "ALTER TABLE \"app\".\"Events_p20261118\" SET UNLOGGED",
            "ALTER TABLE \"app\".\"Events_p20261118\" SET (\"fillfactor\" = '70')",
            "ALTER TABLE \"app\".\"Events_p20261118\" SET (\"autovacuum_enabled\" = 'false')",
            "ALTER TABLE \"app\".\"Events_p20261118\" SET (toast.\"autovacuum_enabled\" = 'false')",
            "ALTER TABLE \"app\".\"Events\" ATTACH PARTITION \"app\".\"Events_p20261118\""
                + " FOR VALUES FROM ('2026-11-18 00:00:00+00') TO ('2026-11-19 00:00:00+00')",
            "<privileges>",
            "<replica index>");
  }

  @Test
  void theDefaultIsAttachedFirstAndGetsItsPropertiesAfter() {
    ChildProperties p =
        props(fullTemplate(), new ReplicaIdentity('f', 0, null), false, Map.of("code", 10));
    NewChild def =
        new NewChild(new TableName("app", "Events_default"), new PartitionBound.Default(), null);

    List<String> sqls = sqls(ChildStatements.steps(p, def));

    assertThat(sqls.get(0)).startsWith("CREATE TABLE \"app\".\"Events_default\" (LIKE");
    assertThat(sqls.get(1))
        .isEqualTo(
            "ALTER TABLE \"app\".\"Events\" ATTACH PARTITION \"app\".\"Events_default\" DEFAULT");
    assertThat(sqls.get(2))
        .isEqualTo("ALTER TABLE \"app\".\"Events_default\" REPLICA IDENTITY FULL");
    assertThat(sqls.get(3)).contains("SET STATISTICS 10");
    assertThat(sqls.subList(4, sqls.size()))
        .first()
        .asString()
        .startsWith("CREATE UNIQUE INDEX ON \"app\".\"Events_default\" USING btree (ref)");
    assertThat(sqls).last().asString().contains("SET (toast.");
  }

  @Test
  void withoutTemplateNoTemplateStepsEvenForTheDefault() {
    ChildProperties p = props(null, ReplicaIdentity.DEFAULT, false, Map.of());
    assertThat(sqls(ChildStatements.steps(p, new NewChild(CHILD, DAY, null)))).hasSize(2);
    NewChild def =
        new NewChild(new TableName("app", "Events_default"), new PartitionBound.Default(), null);
    assertThat(sqls(ChildStatements.steps(p, def))).hasSize(2);
  }

  @Test
  void aPrimaryKeyOnOtherColumnsThanTheParentsIsAddedWithItsTablespaceAndIncludes() {
    TemplateProperties t =
        new TemplateProperties(
            TEMPLATE,
            false,
            List.of(
                new IndexDefinition(
                    "t_pkey",
                    true,
                    true,
                    "USING btree (id) INCLUDE (note)",
                    null,
                    List.of("id"),
                    List.of("note"),
                    "idx space")),
            List.of(),
            List.of());
    assertThat(
            sqls(
                ChildStatements.steps(
                    props(t, ReplicaIdentity.DEFAULT, false, Map.of()),
                    new NewChild(CHILD, DAY, null))))
        .contains(
            "ALTER TABLE \"app\".\"Events_p20261118\" ADD PRIMARY KEY (\"id\") INCLUDE (\"note\")"
                + " USING INDEX TABLESPACE \"idx space\"");
  }

  @Test
  void epochChecksForEveryUnit() {
    ChildProperties p = props(null, ReplicaIdentity.DEFAULT, false, Map.of());
    Map<EpochUnit, String> expr =
        Map.of(
            EpochUnit.SECONDS, "to_timestamp(\"ts\")",
            EpochUnit.MILLISECONDS, "to_timestamp((\"ts\" / 1000)::float)",
            EpochUnit.MICROSECONDS, "to_timestamp((\"ts\" / 1000000)::float)",
            EpochUnit.NANOSECONDS, "to_timestamp((\"ts\" / 1000000000)::float)");
    expr.forEach(
        (unit, e) -> {
          EpochCheck check =
              new EpochCheck("ts", unit, "2026-11-21 00:00:00+00", "2026-11-22 00:00:00+00");
          NewChild child =
              new NewChild(CHILD, new PartitionBound.Range("1795219200", "1795305600"), check);
          assertThat(sqls(ChildStatements.steps(p, child)))
              .last()
              .isEqualTo(
                  "ALTER TABLE \"app\".\"Events_p20261118\" ADD CONSTRAINT"
                      + " \"Events_p20261118_partition_check\" CHECK ("
                      + e
                      + " >= '2026-11-21 00:00:00+00' AND "
                      + e
                      + " < '2026-11-22 00:00:00+00')");
        });
  }

  @Test
  void boundsAreLiteralsWhateverTheyHold() {
    ChildProperties p = props(null, ReplicaIdentity.DEFAULT, false, Map.of());
    NewChild list = new NewChild(CHILD, new PartitionBound.ListValues(List.of("it's")), null);
    assertThat(sqls(ChildStatements.steps(p, list)).get(1)).endsWith(" FOR VALUES IN ('it''s')");
    NewChild open = new NewChild(CHILD, new PartitionBound.Range(null, "30"), null);
    assertThat(sqls(ChildStatements.steps(p, open)).get(1))
        .endsWith(" FOR VALUES FROM (MINVALUE) TO ('30')");
  }

  @Test
  void aChildOutsideItsParentsSchemaOrADefaultWithACheckIsRefused() {
    ChildProperties p = props(null, ReplicaIdentity.DEFAULT, false, Map.of());
    assertThatThrownBy(
            () -> ChildStatements.steps(p, new NewChild(new TableName("x", "c"), DAY, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schema of its parent");
    EpochCheck check = new EpochCheck("ts", EpochUnit.SECONDS, "a", "b");
    assertThatThrownBy(
            () ->
                ChildStatements.steps(p, new NewChild(CHILD, new PartitionBound.Default(), check)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void privilegesFollowApplyPrivileges() {
    TablePrivileges parent =
        new TablePrivileges(
            "app_owner",
            Map.of(
                Grantee.role("app_owner"),
                TablePrivilege.ALL,
                Grantee.role("reader"),
                Set.of(TablePrivilege.SELECT),
                Grantee.PUBLIC,
                Set.of(TablePrivilege.SELECT)));
    ChildProperties p =
        new ChildProperties(
            PARENT,
            42,
            "pg_catalog",
            "int8",
            null,
            parent,
            true,
            ReplicaIdentity.DEFAULT,
            List.of(),
            null,
            Map.of(),
            owned("tool"));
    TablePrivileges child =
        new TablePrivileges(
            "tool",
            Map.of(
                Grantee.role("tool"), TablePrivilege.ALL,
                Grantee.role("reader"), EnumSet.of(TablePrivilege.SELECT, TablePrivilege.DELETE),
                Grantee.role("stray"), Set.of(TablePrivilege.SELECT)));

    assertThat(ChildStatements.privileges(p, CHILD, child))
        .containsExactly(
            "GRANT SELECT ON \"app\".\"Events_p20261118\" TO PUBLIC",
            "REVOKE DELETE, INSERT, REFERENCES, TRIGGER, TRUNCATE, UPDATE ON"
                + " \"app\".\"Events_p20261118\" FROM PUBLIC CASCADE",
            "GRANT DELETE, INSERT, REFERENCES, SELECT, TRIGGER, TRUNCATE, UPDATE ON"
                + " \"app\".\"Events_p20261118\" TO \"app_owner\"",
            "GRANT SELECT ON \"app\".\"Events_p20261118\" TO \"reader\"",
            "REVOKE DELETE, INSERT, REFERENCES, TRIGGER, TRUNCATE, UPDATE ON"
                + " \"app\".\"Events_p20261118\" FROM \"reader\" CASCADE",
            "REVOKE ALL ON \"app\".\"Events_p20261118\" FROM \"stray\"",
            "REVOKE ALL ON \"app\".\"Events_p20261118\" FROM \"tool\"",
            "ALTER TABLE \"app\".\"Events_p20261118\" OWNER TO \"app_owner\"");
    // Nothing to do when the child already matches.
    assertThat(ChildStatements.privileges(p, CHILD, parent)).isEmpty();
  }

  @Test
  void aDryRunMarksTheReplicaIdentityIndexAndPredictsPrivileges() {
    ChildProperties p = props(null, new ReplicaIdentity('i', 7, "events_ri"), true, Map.of());
    List<String> preview = ChildStatements.preview(p, new NewChild(CHILD, DAY, null));
    assertThat(preview)
        .contains(
            "GRANT DELETE, INSERT, REFERENCES, SELECT, TRIGGER, TRUNCATE, UPDATE ON"
                + " \"app\".\"Events_p20261118\" TO \"app_owner\"",
            "REVOKE ALL ON \"app\".\"Events_p20261118\" FROM \"tool\"",
            "ALTER TABLE \"app\".\"Events_p20261118\" OWNER TO \"app_owner\"");
    assertThat(preview)
        .last()
        .isEqualTo(
            "ALTER TABLE \"app\".\"Events_p20261118\" REPLICA IDENTITY USING INDEX /* dry run:"
                + " the index of \"app\".\"Events_p20261118\" that ATTACH clones from"
                + " \"events_ri\", named by PostgreSQL */");
  }

  @Test
  void aPartialIndexWhosePredicateIsNotAtTheEndIsAnError() {
    IndexDefinition odd =
        index("odd", false, "USING btree (a) WHERE (b)", "(c)", List.of("a"), null);
    assertThatThrownBy(odd::body).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void besideADefaultWritersWaitAndTheRangesRowsMoveInBeforeTheAttach() {
    ChildProperties p = props(null, new ReplicaIdentity('d', 0, null), false, Map.of());
    TableName def = new TableName("app", "Events_default");
    List<Step> steps = ChildStatements.steps(p, new NewChild(CHILD, DAY, null), def, "at");

    assertThat(steps.get(0))
        .isEqualTo(new Step.Run("LOCK TABLE ONLY \"app\".\"Events\" IN SHARE MODE"));
    assertThat(steps.get(1)).isInstanceOf(Step.Run.class);
    assertThat(((Step.Run) steps.get(1)).sql()).startsWith("CREATE TABLE");
    assertThat(steps.get(2)).isEqualTo(new Step.MoveRows(def, CHILD, "at"));
    assertThat(((Step.Run) steps.get(3)).sql()).contains("ATTACH PARTITION");
    assertThat(ChildStatements.steps(p, new NewChild(CHILD, DAY, null)))
        .noneMatch(s -> s instanceof Step.MoveRows);
  }

  @Test
  void movedRowsAreExactlyTheBoundsRowsWithEveryNameAndValueQuoted() {
    TableName def = new TableName("app", "Events_default");
    assertThat(
            org.partman4j.sql.DdlSql.moveRows(
                def, CHILD, "at", "pg_catalog", "timestamptz", DAY, List.of("id", "at", "it\"s")))
        .isEqualTo(
            "WITH moved AS (DELETE FROM \"app\".\"Events_default\" WHERE \"at\" IS NOT NULL"
                + " AND \"at\" >= CAST('2026-11-18 00:00:00+00' AS \"pg_catalog\".\"timestamptz\")"
                + " AND \"at\" < CAST('2026-11-19 00:00:00+00' AS \"pg_catalog\".\"timestamptz\")"
                + " RETURNING \"id\", \"at\", \"it\"\"s\") INSERT INTO \"app\".\"Events_p20261118\""
                + " (\"id\", \"at\", \"it\"\"s\") SELECT \"id\", \"at\", \"it\"\"s\" FROM moved");
    assertThat(
            org.partman4j.sql.DdlSql.moveRows(
                def,
                CHILD,
                "v",
                "pg_catalog",
                "text",
                new PartitionBound.ListValues(List.of("it's")),
                List.of("v")))
        .contains("WHERE \"v\" IN (CAST('it''s' AS \"pg_catalog\".\"text\"))");
  }
}
