package org.partman4j.ddl;

import java.util.List;
import java.util.Objects;
import org.partman4j.model.TableName;

/**
 * What a set's template table gives each new child (pg_partman's {@code
 * inherit_template_properties}): the unique indexes and primary key the parent cannot have because
 * they lack the partition key, the persistence, and the storage parameters.
 *
 * @param table the template
 * @param unlogged whether the template is UNLOGGED (the child is made to match either way)
 * @param indexes its valid primary key and unique indexes, ordered by their {@code USING} text
 * @param reloptions {@code name=value} entries of its {@code reloptions}
 * @param toastReloptions {@code name=value} entries of its TOAST table's {@code reloptions}
 */
public record TemplateProperties(
    TableName table,
    boolean unlogged,
    List<IndexDefinition> indexes,
    List<String> reloptions,
    List<String> toastReloptions) {

  public TemplateProperties {
    Objects.requireNonNull(table, "table");
    indexes = List.copyOf(indexes);
    reloptions = List.copyOf(reloptions);
    toastReloptions = List.copyOf(toastReloptions);
  }
}
