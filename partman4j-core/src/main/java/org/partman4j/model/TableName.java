package org.partman4j.model;

/**
 * A table's schema and name exactly as the catalog spells them (case-sensitive, unquoted), which is
 * how pg_partman writes {@code part_config.parent_table}: {@code schema.table}.
 *
 * @param schema the schema's catalog name
 * @param table the table's catalog name
 */
public record TableName(String schema, String table) implements Comparable<TableName> {

  public TableName {
    if (schema == null || schema.isEmpty() || table == null || table.isEmpty()) {
      throw new IllegalArgumentException("a table name needs both a schema and a table");
    }
  }

  /**
   * Reads {@code schema.table} as pg_partman does: exactly one dot, no quoting, names compared
   * literally with the catalog ({@code Sales.Orders} means the mixed-case objects).
   *
   * @throws IllegalArgumentException when there is no dot or more than one
   */
  public static TableName parse(String qualified) {
    if (qualified == null || qualified.isBlank()) {
      throw new IllegalArgumentException(
          "a table must be given as schema.table, e.g. public.events; got nothing");
    }
    int dot = qualified.indexOf('.');
    if (dot < 0) {
      throw new IllegalArgumentException(
          "table \""
              + qualified
              + "\" must be schema-qualified: write it as schema.table, e.g. public."
              + qualified);
    }
    if (qualified.indexOf('.', dot + 1) >= 0) {
      throw new IllegalArgumentException(
          "table \""
              + qualified
              + "\" has more than one period; like pg_partman, partman4j needs schema.table with"
              + " no periods inside the schema or table name (rename the object)");
    }
    if (dot == 0 || dot == qualified.length() - 1) {
      throw new IllegalArgumentException(
          "table \"" + qualified + "\" must be written as schema.table with both parts present");
    }
    return new TableName(qualified.substring(0, dot), qualified.substring(dot + 1));
  }

  /** {@code schema.table}, unquoted, as stored in {@code part_config}. */
  @Override
  public String toString() {
    return schema + "." + table;
  }

  @Override
  public int compareTo(TableName o) {
    int c = schema.compareTo(o.schema);
    return c != 0 ? c : table.compareTo(o.table);
  }
}
