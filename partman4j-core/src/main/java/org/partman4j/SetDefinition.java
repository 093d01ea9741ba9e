package org.partman4j;

import java.util.Objects;

/**
 * A partition set's configuration written out so that it can be made again, as {@link
 * Partman#dumpDefinition} gives it.
 *
 * @param parentTable the set's parent, {@code schema.table}
 * @param pgPartmanSql pg_partman's {@code dump_partitioned_table_definition} text: a {@code
 *     create_partition(...)} call and an {@code UPDATE part_config}, with partman4j's schema in
 *     place of pg_partman's
 * @param json partman4j's own form: a JSON document holding every argument of creating the set and
 *     every part_config column that can be changed afterwards
 */
public record SetDefinition(String parentTable, String pgPartmanSql, String json) {

  public SetDefinition {
    Objects.requireNonNull(parentTable, "parentTable");
    Objects.requireNonNull(pgPartmanSql, "pgPartmanSql");
    Objects.requireNonNull(json, "json");
  }
}
