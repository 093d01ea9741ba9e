package org.partman4j.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.Partman;
import org.partman4j.sql.Sql;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/**
 * The installed tables are pg_partman 5's, read back from the catalog: columns in order with types,
 * NOT NULL and defaults; constraints with names and definitions; indexes.
 */
@PostgresTest
class StoreSchemaIT {

  static final List<String> PART_CONFIG_COLUMNS =
      List.of(
          "parent_table text NOT NULL",
          "control text NOT NULL",
          "time_encoder text",
          "time_decoder text",
          "partition_interval text NOT NULL",
          "partition_type text NOT NULL",
          "premake integer NOT NULL DEFAULT 4",
          "automatic_maintenance text NOT NULL DEFAULT 'on'::text",
          "template_table text",
          "retention text",
          "retention_schema text",
          "retention_keep_index boolean NOT NULL DEFAULT true",
          "retention_keep_table boolean NOT NULL DEFAULT true",
          "epoch text NOT NULL DEFAULT 'none'::text",
          "constraint_cols text[]",
          "optimize_constraint integer NOT NULL DEFAULT 30",
          "infinite_time_partitions boolean NOT NULL DEFAULT false",
          "datetime_string text",
          "jobmon boolean NOT NULL DEFAULT true",
          "sub_partition_set_full boolean NOT NULL DEFAULT false",
          "undo_in_progress boolean NOT NULL DEFAULT false",
          "inherit_privileges boolean DEFAULT false",
          "constraint_valid boolean NOT NULL DEFAULT true",
          "ignore_default_data boolean NOT NULL DEFAULT true",
          "date_trunc_interval text",
          "maintenance_order integer",
          "retention_keep_publication boolean NOT NULL DEFAULT false",
          "maintenance_last_run timestamp with time zone",
          "detach_before_drop boolean DEFAULT false",
          "maintenance_role text DEFAULT CURRENT_USER",
          "async_partitioning_in_progress text",
          "child_table_prefix text NOT NULL DEFAULT '_p'::text",
          "partition_timezone text");

  static final List<String> PART_CONFIG_SUB_COLUMNS =
      List.of(
          "sub_parent text NOT NULL",
          "sub_control text NOT NULL",
          "sub_time_encoder text",
          "sub_time_decoder text",
          "sub_partition_interval text NOT NULL",
          "sub_partition_type text NOT NULL",
          "sub_premake integer NOT NULL DEFAULT 4",
          "sub_automatic_maintenance text NOT NULL DEFAULT 'on'::text",
          "sub_template_table text",
          "sub_retention text",
          "sub_retention_schema text",
          "sub_retention_keep_index boolean NOT NULL DEFAULT true",
          "sub_retention_keep_table boolean NOT NULL DEFAULT true",
          "sub_epoch text NOT NULL DEFAULT 'none'::text",
          "sub_constraint_cols text[]",
          "sub_optimize_constraint integer NOT NULL DEFAULT 30",
          "sub_infinite_time_partitions boolean NOT NULL DEFAULT false",
          "sub_jobmon boolean NOT NULL DEFAULT true",
          "sub_inherit_privileges boolean DEFAULT false",
          "sub_constraint_valid boolean NOT NULL DEFAULT true",
          "sub_ignore_default_data boolean NOT NULL DEFAULT true",
          "sub_default_table boolean DEFAULT true",
          "sub_date_trunc_interval text",
          "sub_maintenance_order integer",
          "sub_retention_keep_publication boolean NOT NULL DEFAULT false",
          "sub_control_not_null boolean DEFAULT true",
          "sub_detach_before_drop boolean DEFAULT false",
          "sub_maintenance_role text DEFAULT CURRENT_USER");

  private static final String EPOCHS =
      "ARRAY['none'::text, 'seconds'::text, 'milliseconds'::text, 'microseconds'::text,"
          + " 'nanoseconds'::text]";

  static final List<String> PART_CONFIG_CONSTRAINTS =
      List.of(
          "child_table_prefix_not_empty_chk CHECK ((child_table_prefix <> ''::text))",
          "control_constraint_col_chk CHECK (((constraint_cols @> ARRAY[control]) <> true))",
          "part_config_automatic_maintenance_check CHECK ((automatic_maintenance = ANY"
              + " (ARRAY['on'::text, 'off'::text])))",
          "part_config_epoch_check CHECK ((epoch = ANY (" + EPOCHS + ")))",
          "part_config_parent_table_pkey PRIMARY KEY (parent_table)",
          "part_config_type_check CHECK ((partition_type = ANY (ARRAY['range'::text,"
              + " 'list'::text])))",
          "positive_premake_check CHECK ((premake > 0))",
          "retention_schema_not_empty_chk CHECK ((retention_schema <> ''::text))");

  static List<String> partConfigSubConstraints(String quotedSchema) {
    return List.of(
        "control_constraint_col_chk CHECK (((sub_constraint_cols @> ARRAY[sub_control]) <> true))",
        "part_config_sub_automatic_maintenance_check CHECK ((sub_automatic_maintenance = ANY"
            + " (ARRAY['on'::text, 'off'::text])))",
        "part_config_sub_epoch_check CHECK ((sub_epoch = ANY (" + EPOCHS + ")))",
        "part_config_sub_pkey PRIMARY KEY (sub_parent)",
        "part_config_sub_sub_parent_fkey FOREIGN KEY (sub_parent) REFERENCES "
            + quotedSchema
            + ".part_config(parent_table) ON UPDATE CASCADE ON DELETE CASCADE DEFERRABLE"
            + " INITIALLY DEFERRED",
        "part_config_sub_type_check CHECK ((sub_partition_type = ANY (ARRAY['range'::text,"
            + " 'list'::text])))",
        "positive_premake_check CHECK ((sub_premake > 0))",
        "retention_schema_not_empty_chk CHECK ((sub_retention_schema <> ''::text))");
  }

  @Test
  void theTablesArePgPartmansColumnForColumn(TestDatabase db) throws SQLException {
    Partman.configure().dataSource(db.dataSource()).load().install();
    assertStore(db, "partman", "partman");
  }

  @Test
  void aSchemaNameWithQuotesSpacesDotsAndCaseWorks(TestDatabase db) throws SQLException {
    String schema = "Part\"Man Ü.x";
    Partman.configure().dataSource(db.dataSource()).schema(schema).load().install();
    assertStore(db, schema, Sql.ident(schema));
  }

  static void assertStore(TestDatabase db, String schema, String quotedInDefinitions)
      throws SQLException {
    try (Connection c = db.adminDataSource().getConnection()) {
      try (Statement st = c.createStatement()) {
        // Definitions then name the schema, whatever the test role's search_path holds.
        st.execute("SET search_path = pg_catalog");
      }
      assertThat(columns(c, schema, "part_config")).containsExactlyElementsOf(PART_CONFIG_COLUMNS);
      assertThat(columns(c, schema, "part_config_sub"))
          .containsExactlyElementsOf(PART_CONFIG_SUB_COLUMNS);
      assertThat(constraints(c, schema, "part_config"))
          .containsExactlyElementsOf(PART_CONFIG_CONSTRAINTS);
      assertThat(constraints(c, schema, "part_config_sub"))
          .containsExactlyElementsOf(partConfigSubConstraints(quotedInDefinitions));
      assertThat(indexes(c, schema))
          .containsExactly(
              "part_config_parent_table_pkey CREATE UNIQUE INDEX part_config_parent_table_pkey ON "
                  + quotedInDefinitions
                  + ".part_config USING btree (parent_table)",
              "part_config_sub_pkey CREATE UNIQUE INDEX part_config_sub_pkey ON "
                  + quotedInDefinitions
                  + ".part_config_sub USING btree (sub_parent)",
              "part_config_type_idx CREATE INDEX part_config_type_idx ON "
                  + quotedInDefinitions
                  + ".part_config USING btree (partition_type)");
      assertThat(relations(c, schema))
          .containsExactly(
              // Store version 3: the daemon's job history.
              "job_run r owner=partman_owner",
              "job_run_pkey i owner=partman_owner",
              "job_run_run_id_seq S owner=partman_owner",
              "job_run_started_at_idx i owner=partman_owner",
              "job_set_result r owner=partman_owner",
              "job_set_result_pkey i owner=partman_owner",
              "job_set_state r owner=partman_owner",
              "job_set_state_pkey i owner=partman_owner",
              "part_config r owner=partman_owner",
              "part_config_parent_table_pkey i owner=partman_owner",
              "part_config_sub r owner=partman_owner",
              "part_config_sub_pkey i owner=partman_owner",
              "part_config_type_idx i owner=partman_owner",
              "partman4j_schema_history r owner=partman_owner",
              "partman4j_schema_history_pkey i owner=partman_owner");
      // Nothing but tables: no functions, triggers, types or views of our own.
      assertThat(
              list(
                  c,
                  "SELECT p.proname FROM pg_proc p WHERE p.pronamespace = "
                      + "(SELECT oid FROM pg_namespace WHERE nspname = ?)",
                  schema))
          .isEmpty();
      assertThat(
              list(
                  c,
                  "SELECT t.tgname FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid"
                      + " WHERE NOT t.tgisinternal"
                      + " AND r.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = ?)",
                  schema))
          .isEmpty();
    }
  }

  private static List<String> columns(Connection c, String schema, String table)
      throws SQLException {
    return list(
        c,
        "SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
            + " || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END"
            + " || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')"
            + " FROM pg_attribute a LEFT JOIN pg_attrdef d"
            + " ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE a.attrelid = "
            + relation()
            + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
        schema,
        table);
  }

  private static List<String> constraints(Connection c, String schema, String table)
      throws SQLException {
    // PostgreSQL 18 also lists NOT NULL constraints (contype 'n'); the columns cover those.
    return list(
        c,
        "SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
            + " WHERE conrelid = "
            + relation()
            + " AND contype <> 'n' ORDER BY conname",
        schema,
        table);
  }

  private static List<String> indexes(Connection c, String schema) throws SQLException {
    return list(
        c,
        "SELECT i.relname || ' ' || pg_get_indexdef(i.oid) FROM pg_index x"
            + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
            + " WHERE t.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = ?)"
            + " AND t.relname LIKE 'part_config%' ORDER BY i.relname",
        schema);
  }

  private static List<String> relations(Connection c, String schema) throws SQLException {
    return list(
        c,
        "SELECT relname || ' ' || relkind::text || ' owner=' || pg_get_userbyid(relowner) FROM pg_class"
            + " WHERE relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = ?)"
            + " AND relkind NOT IN ('t') ORDER BY relname",
        schema);
  }

  private static String relation() {
    return "(SELECT r.oid FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace"
        + " WHERE n.nspname = ? AND r.relname = ?)";
  }

  private static List<String> list(Connection c, String sql, String... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
          out.add(rs.getString(1));
        }
        return out;
      }
    }
  }
}
