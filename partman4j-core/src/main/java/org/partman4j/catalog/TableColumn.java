package org.partman4j.catalog;

/**
 * A column of a table.
 *
 * @param name the catalog name
 * @param typeName {@code pg_type.typname}; a domain's own name for a domain column
 * @param formattedType {@code format_type()}, for messages
 * @param notNull whether it is declared NOT NULL
 */
public record TableColumn(String name, String typeName, String formattedType, boolean notNull) {}
