package org.partman4j.ddl;

import java.util.List;
import java.util.Objects;

/**
 * A valid index of a parent or template table, as much of it as a child needs.
 *
 * @param name the index's name
 * @param primary whether it backs the primary key
 * @param unique whether it is unique
 * @param tail its definition from {@code " USING "} on, as {@code pg_get_indexdef} prints it
 *     ({@code USING btree (code) WHERE (code > 0)}); pg_partman compares and orders indexes by this
 *     text
 * @param predicate a partial index's predicate as {@code pg_get_expr} prints it, or null
 * @param keyColumns the key columns by name (expressions have none)
 * @param includedColumns the INCLUDE columns
 * @param tablespace the index's own tablespace, or null for the database's default
 */
public record IndexDefinition(
    String name,
    boolean primary,
    boolean unique,
    String tail,
    String predicate,
    List<String> keyColumns,
    List<String> includedColumns,
    String tablespace) {

  public IndexDefinition {
    Objects.requireNonNull(tail, "tail");
    keyColumns = List.copyOf(keyColumns);
    includedColumns = List.copyOf(includedColumns);
  }

  /**
   * The definition without its WHERE clause, so that a TABLESPACE clause can go before it.
   * PostgreSQL prints the predicate last and in the same words for both functions.
   */
  public String body() {
    if (predicate == null) {
      return tail;
    }
    String where = " WHERE " + predicate;
    if (!tail.endsWith(where)) {
      throw new IllegalStateException(
          "index " + name + ": definition '" + tail + "' does not end with its predicate " + where);
    }
    return tail.substring(0, tail.length() - where.length());
  }
}
