package org.partman4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.partman4j.model.SetConfig;

class PgPartmanDumpTest {

  /** pg_partman's own dump test set (test-dump-definition.sql), configured as it configures it. */
  static SetConfig declarativeObjects() {
    return SetConfig.builder("partman_test.declarative_objects", "created_at", "7 days", "range")
        .premake(2)
        .templateTable("partman.template_partman_test_declarative_objects")
        .retention("5 weeks")
        .retentionKeepTable(false)
        .infiniteTimePartitions(true)
        .constraintValid(false)
        .inheritPrivileges(true)
        .datetimeString("YYYYMMDD")
        .maintenanceRole("partman_owner")
        .build();
  }

  /**
   * What pg_partman 5.6's dump_partitioned_table_definition returns for that set: one TAB before
   * each parameter and column, booleans as 't'/'f', integers bare, NULL unquoted.
   */
  static final String GOLDEN_56 =
      "SELECT partman.create_partition(\n"
          + "\tp_parent_table := 'partman_test.declarative_objects',\n"
          + "\tp_control := 'created_at',\n"
          + "\tp_interval := '7 days',\n"
          + "\tp_type := 'range',\n"
          + "\tp_epoch := 'none',\n"
          + "\tp_premake := 2,\n"
          + "\tp_default_table := 't',\n"
          + "\tp_automatic_maintenance := 'on',\n"
          + "\tp_constraint_cols := NULL,\n"
          + "\tp_template_table := 'partman.template_partman_test_declarative_objects',\n"
          + "\tp_jobmon := 't',\n"
          + "\tp_date_trunc_interval := NULL,\n"
          + "\tp_control_not_null := 't'\n"
          + ");\n"
          + "UPDATE partman.part_config SET\n"
          + "\toptimize_constraint = 30,\n"
          + "\tretention = '5 weeks',\n"
          + "\tretention_schema = NULL,\n"
          + "\tretention_keep_index = 't',\n"
          + "\tretention_keep_table = 'f',\n"
          + "\tinfinite_time_partitions = 't',\n"
          + "\tdatetime_string = 'YYYYMMDD',\n"
          + "\tsub_partition_set_full = 'f',\n"
          + "\tinherit_privileges = 't',\n"
          + "\tconstraint_valid = 'f',\n"
          + "\tignore_default_data = 't',\n"
          + "\tmaintenance_order = NULL,\n"
          + "\tretention_keep_publication = 'f',\n"
          + "\tdetach_before_drop = 'f',\n"
          + "\tmaintenance_role = 'partman_owner',\n"
          + "\tchild_table_prefix = '_p'\n"
          + "WHERE parent_table = 'partman_test.declarative_objects';";

  @Test
  void matchesPgPartmansTextByteForByte() {
    DefinitionFacts facts = new DefinitionFacts(declarativeObjects(), true, true, false);
    assertThat(PgPartmanDump.render(facts, "partman")).isEqualTo(GOLDEN_56);
  }

  @Test
  void ignoringTheTemplateWritesNull() {
    DefinitionFacts facts = new DefinitionFacts(declarativeObjects(), true, true, true);
    assertThat(PgPartmanDump.render(facts, "partman"))
        .contains("\tp_template_table := NULL,\n")
        .doesNotContain("template_partman_test");
  }

  @Test
  void valuesAreQuotedAsFormatPercentLQuotesThem() {
    SetConfig c =
        SetConfig.builder("public.it's", "ts", "1 mon", "range")
            .constraintCols(Arrays.asList("a", "b c", null, "back\\slash"))
            .retentionSchema("arch'ive")
            .maintenanceOrder(7)
            .inheritPrivileges(null)
            .detachBeforeDrop(null)
            .build();
    String sql = PgPartmanDump.render(new DefinitionFacts(c, false, null, false), "\"Part Man\"");
    assertThat(sql)
        .startsWith("SELECT \"Part Man\".create_partition(\n\tp_parent_table := 'public.it''s',\n")
        .contains("\tp_default_table := 'f',\n")
        .contains("\tp_constraint_cols := E'{a,\"b c\",NULL,\"back\\\\\\\\slash\"}',\n")
        .contains("\tp_control_not_null := NULL\n);\nUPDATE \"Part Man\".part_config SET\n")
        .contains("\tretention_schema = 'arch''ive',\n")
        .contains("\tinherit_privileges = NULL,\n")
        .contains("\tmaintenance_order = '7',\n")
        .contains("\tdetach_before_drop = NULL,\n")
        .contains("\tmaintenance_role = NULL,\n")
        .endsWith("WHERE parent_table = 'public.it''s';");
  }

  @Test
  void encoderDecoderAndZoneAreAddedOnlyWhenSet() {
    SetConfig c =
        declarativeObjects().toBuilder()
            .timeEncoder("partman.uuid7_time_encoder")
            .timeDecoder("partman.uuid7_time_decoder")
            .partitionTimezone("America/New_York")
            .build();
    String sql = PgPartmanDump.render(new DefinitionFacts(c, true, true, false), "partman");
    assertThat(sql)
        .contains(
            "\tp_control_not_null := 't',\n"
                + "\tp_time_encoder := 'partman.uuid7_time_encoder',\n"
                + "\tp_time_decoder := 'partman.uuid7_time_decoder',\n"
                + "\tp_timezone := 'America/New_York'\n"
                + ");\n");
    SetConfig zoneOnly = declarativeObjects().toBuilder().partitionTimezone("UTC").build();
    assertThat(PgPartmanDump.render(new DefinitionFacts(zoneOnly, true, true, false), "partman"))
        .contains("\tp_control_not_null := 't',\n\tp_timezone := 'UTC'\n);\n");
    SetConfig encodedOnly =
        declarativeObjects().toBuilder().timeEncoder("e.enc").timeDecoder("e.dec").build();
    assertThat(PgPartmanDump.render(new DefinitionFacts(encodedOnly, true, true, false), "partman"))
        .contains("\tp_time_decoder := 'e.dec'\n);\n");
  }
}
