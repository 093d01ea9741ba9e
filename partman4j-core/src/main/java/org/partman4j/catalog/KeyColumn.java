package org.partman4j.catalog;

/**
 * One column of a partition key.
 *
 * @param name the column's catalog name; null when the key part is an expression
 * @param typeName {@code pg_type.typname} ({@code timestamptz}, {@code int8}, …); for a domain, the
 *     domain's own name (pg_partman refuses domains, and so do we)
 * @param formattedType {@code format_type()}, for messages ({@code timestamp with time zone})
 * @param notNull whether the column is declared NOT NULL
 */
public record KeyColumn(String name, String typeName, String formattedType, boolean notNull) {}
