package org.partman4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.partman4j.model.SetConfig;

class DefinitionJsonTest {

  @Test
  void holdsEveryCreateArgumentAndEveryChangeableColumn() {
    DefinitionFacts facts =
        new DefinitionFacts(PgPartmanDumpTest.declarativeObjects(), true, true, false);
    assertThat(DefinitionJson.render(facts))
        .isEqualTo(
            """
            {
              "format": "partman4j-set-definition",
              "version": 1,
              "parent_table": "partman_test.declarative_objects",
              "create_parent": {
                "control": "created_at",
                "interval": "7 days",
                "type": "range",
                "epoch": "none",
                "premake": 2,
                "start_partition": null,
                "default_table": true,
                "automatic_maintenance": "on",
                "constraint_cols": null,
                "template_table": "partman.template_partman_test_declarative_objects",
                "jobmon": true,
                "date_trunc_interval": null,
                "control_not_null": true,
                "time_encoder": null,
                "time_decoder": null,
                "offset_id": null,
                "timezone": null
              },
              "part_config": {
                "optimize_constraint": 30,
                "retention": "5 weeks",
                "retention_schema": null,
                "retention_keep_index": true,
                "retention_keep_table": false,
                "infinite_time_partitions": true,
                "datetime_string": "YYYYMMDD",
                "sub_partition_set_full": false,
                "inherit_privileges": true,
                "constraint_valid": false,
                "ignore_default_data": true,
                "maintenance_order": null,
                "retention_keep_publication": false,
                "detach_before_drop": false,
                "maintenance_role": "partman_owner",
                "child_table_prefix": "_p"
              }
            }""");
  }

  @Test
  void stringsAreEscapedAndArraysWritten() {
    SetConfig c =
        SetConfig.builder("public.\"q\\t", "c\nx", "10", "list")
            .constraintCols(Arrays.asList("a", null, "tab\there", "\u0001"))
            .maintenanceOrder(3)
            .partitionTimezone("Europe/Berlin")
            .build();
    String json = DefinitionJson.render(new DefinitionFacts(c, false, null, true));
    assertThat(json)
        .contains("\"parent_table\": \"public.\\\"q\\\\t\",")
        .contains("\"control\": \"c\\nx\",")
        .contains("\"constraint_cols\": [\"a\", null, \"tab\\there\", \"\\u0001\"],")
        .contains("\"default_table\": false,")
        .contains("\"control_not_null\": null,")
        .contains("\"template_table\": null,")
        .contains("\"timezone\": \"Europe/Berlin\"\n")
        .contains("\"maintenance_order\": 3,");
  }
}
