package org.partman4j.plan;

import java.util.Objects;
import org.partman4j.model.SetConfig;

/**
 * What a set's definition is written from: its part_config row and the two facts pg_partman reads
 * from the catalog instead of from the row.
 *
 * @param config the set's part_config row
 * @param defaultExists whether the parent has a default partition ({@code p_default_table})
 * @param controlNotNull whether the control column is NOT NULL ({@code p_control_not_null}); null
 *     when the column is missing
 * @param ignoreTemplateTable whether to write no template table ({@code p_ignore_template_table})
 */
public record DefinitionFacts(
    SetConfig config, boolean defaultExists, Boolean controlNotNull, boolean ignoreTemplateTable) {

  public DefinitionFacts {
    Objects.requireNonNull(config, "config");
  }

  /** The template table to write: the row's, unless it is to be ignored. */
  String templateTable() {
    return ignoreTemplateTable ? null : config.templateTable();
  }
}
