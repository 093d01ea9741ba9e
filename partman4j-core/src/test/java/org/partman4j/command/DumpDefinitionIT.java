package org.partman4j.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partman4j.command.Scenes.fails;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partman4j.ErrorCode;
import org.partman4j.Partman;
import org.partman4j.SetDefinition;
import org.partman4j.model.SetConfig;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/**
 * dumpDefinition of real rows, checked against PostgreSQL's own {@code format('%L')} rendering of
 * the same row in pg_partman 5.6's layout.
 */
@PostgresTest
class DumpDefinitionIT {

  /** pg_partman 5.6's text, produced by PostgreSQL from the stored row and the catalog. */
  private static final String ORACLE =
      """
      SELECT format(E'SELECT %s.create_partition(\\n\\tp_parent_table := %L,\\n\\tp_control := %L,\
      \\n\\tp_interval := %L,\\n\\tp_type := %L,\\n\\tp_epoch := %L,\\n\\tp_premake := %s,\
      \\n\\tp_default_table := %L,\\n\\tp_automatic_maintenance := %L,\
      \\n\\tp_constraint_cols := %L,\\n\\tp_template_table := %L,\\n\\tp_jobmon := %L,\
      \\n\\tp_date_trunc_interval := %L,\\n\\tp_control_not_null := %L\\n);',
          quote_ident(?), pc.parent_table, pc.control, pc.partition_interval, pc.partition_type,
          pc.epoch, pc.premake,
          EXISTS (SELECT 1 FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid
                   WHERE h.inhparent = p.oid AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT'),
          pc.automatic_maintenance, pc.constraint_cols,
          CASE WHEN ? THEN NULL ELSE pc.template_table END, pc.jobmon, pc.date_trunc_interval,
          (SELECT attnotnull FROM pg_attribute WHERE attrelid = p.oid AND attname = pc.control))
        || E'\\n'
        || format(E'UPDATE %s.part_config SET\\n\\toptimize_constraint = %s,\\n\\tretention = %L,\
      \\n\\tretention_schema = %L,\\n\\tretention_keep_index = %L,\\n\\tretention_keep_table = %L,\
      \\n\\tinfinite_time_partitions = %L,\\n\\tdatetime_string = %L,\
      \\n\\tsub_partition_set_full = %L,\\n\\tinherit_privileges = %L,\
      \\n\\tconstraint_valid = %L,\\n\\tignore_default_data = %L,\\n\\tmaintenance_order = %L,\
      \\n\\tretention_keep_publication = %L,\\n\\tdetach_before_drop = %L,\
      \\n\\tmaintenance_role = %L,\\n\\tchild_table_prefix = %L\\nWHERE parent_table = %L;',
          quote_ident(?), pc.optimize_constraint, pc.retention, pc.retention_schema,
          pc.retention_keep_index, pc.retention_keep_table, pc.infinite_time_partitions,
          pc.datetime_string, pc.sub_partition_set_full, pc.inherit_privileges,
          pc.constraint_valid, pc.ignore_default_data, pc.maintenance_order,
          pc.retention_keep_publication, pc.detach_before_drop, pc.maintenance_role,
          pc.child_table_prefix, pc.parent_table)
        FROM %s.part_config pc
        JOIN pg_namespace n ON n.nspname = split_part(pc.parent_table, '.', 1)
        JOIN pg_class p ON p.relnamespace = n.oid AND p.relname = split_part(pc.parent_table, '.', 2)
       WHERE pc.parent_table = ?
      """;

  private static Partman partman;
  private static Partman quoted;

  @BeforeAll
  static void scene(TestDatabase db) {
    partman = Scenes.partman(db);
    quoted = Partman.configure().dataSource(db.dataSource()).schema("Part Man").load();
    quoted.install();
    db.execute(
        "CREATE TABLE public.\"Dump Me\" (\"Created At\" timestamptz NOT NULL, a int,"
            + " \"b c\" int) PARTITION BY RANGE (\"Created At\")",
        "CREATE TABLE public.\"Dump Me_default\" PARTITION OF public.\"Dump Me\" DEFAULT",
        "CREATE TABLE public.ids (id bigint) PARTITION BY RANGE (id)",
        "CREATE TABLE public.gone (id bigint) PARTITION BY RANGE (id)",
        "CREATE TABLE public.plain (id int)");
    Scenes.register(
        db,
        Scenes.time("public.Dump Me", "Created At", "1 week")
            .premake(2)
            .templateTable("partman.template_public_Dump Me")
            .constraintCols(Arrays.asList("a", "b c", "back\\slash", null))
            .retention("5 weeks")
            .retentionSchema("o'brien")
            .retentionKeepTable(false)
            .infiniteTimePartitions(true)
            .constraintValid(false)
            .inheritPrivileges(null)
            .maintenanceOrder(5)
            .detachBeforeDrop(true)
            .maintenanceRole("partman_owner")
            .childTablePrefix("_q")
            .build());
    Scenes.register(
        db,
        SetConfig.builder("public.ids", "id", "1000", "range")
            .automaticMaintenance("off")
            .jobmon(false)
            .build());
    Scenes.register(db, "Part Man", SetConfig.builder("public.ids", "id", "10", "list").build());
    Scenes.register(db, SetConfig.builder("public.gone", "id", "10", "range").build());
    db.execute("DROP TABLE public.gone");
  }

  private static String oracle(TestDatabase db, String schema, String parent, boolean noTemplate)
      throws SQLException {
    String sql = ORACLE.replace("FROM %s.part_config", "FROM \"" + schema + "\".part_config");
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, schema);
      ps.setBoolean(2, noTemplate);
      ps.setString(3, schema);
      ps.setString(4, parent);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  @Test
  void sqlIsWhatPostgresFormatsForTheRow(TestDatabase db) throws SQLException {
    SetDefinition d = partman.dumpDefinition("public.Dump Me", false);
    assertThat(d.parentTable()).isEqualTo("public.Dump Me");
    assertThat(d.pgPartmanSql()).isEqualTo(oracle(db, "partman", "public.Dump Me", false));
    assertThat(d.pgPartmanSql())
        .contains("\tp_constraint_cols := E'{a,\"b c\",\"back\\\\\\\\slash\",NULL}',\n")
        .contains("\tp_default_table := 't',\n")
        .contains("\tp_control_not_null := 't'\n);\n");
    SetDefinition noTemplate = partman.dumpDefinition("public.Dump Me", true);
    assertThat(noTemplate.pgPartmanSql())
        .isEqualTo(oracle(db, "partman", "public.Dump Me", true))
        .contains("\tp_template_table := NULL,\n");
  }

  @Test
  void nullableColumnsAndAnotherSchema(TestDatabase db) throws SQLException {
    assertThat(partman.dumpDefinition("public.ids", false).pgPartmanSql())
        .isEqualTo(oracle(db, "partman", "public.ids", false))
        .contains("\tp_default_table := 'f',\n")
        .contains("\tp_control_not_null := 'f'\n");
    String other = quoted.dumpDefinition("public.ids", false).pgPartmanSql();
    assertThat(other)
        .isEqualTo(oracle(db, "Part Man", "public.ids", false))
        .startsWith("SELECT \"Part Man\".create_partition(\n")
        .contains("UPDATE \"Part Man\".part_config SET\n");
  }

  @Test
  void jsonHoldsTheRow() {
    String json = partman.dumpDefinition("public.Dump Me", false).json();
    assertThat(json)
        .startsWith("{\n  \"format\": \"partman4j-set-definition\",\n  \"version\": 1,\n")
        .contains("\"parent_table\": \"public.Dump Me\"")
        .contains("\"control\": \"Created At\"")
        .contains("\"interval\": \"7 days\"")
        .contains("\"constraint_cols\": [\"a\", \"b c\", \"back\\\\slash\", null]")
        .contains("\"default_table\": true")
        .contains("\"control_not_null\": true")
        .contains("\"retention_schema\": \"o'brien\"")
        .contains("\"maintenance_order\": 5")
        .contains("\"detach_before_drop\": true")
        .contains("\"child_table_prefix\": \"_q\"")
        .endsWith("\n  }\n}");
  }

  @Test
  void unmanagedAndVanishedParentsAreRefused(TestDatabase db) {
    List<String> before = Scenes.fingerprint(db);
    fails(
        () -> partman.dumpDefinition("public.plain", false),
        ErrorCode.SET_NOT_FOUND,
        "public.plain is not managed");
    fails(
        () -> partman.dumpDefinition("public.gone", false),
        ErrorCode.OBJECT_NOT_FOUND,
        "parent table does not exist",
        "DELETE FROM \"partman\".\"part_config\" WHERE parent_table = 'public.gone'");
    fails(
        () -> partman.dumpDefinition("public.none", false),
        ErrorCode.OBJECT_NOT_FOUND,
        "public.none does not exist");
    assertThat(Scenes.fingerprint(db)).isEqualTo(before);
  }
}
