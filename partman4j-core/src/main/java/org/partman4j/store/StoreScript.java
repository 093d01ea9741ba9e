package org.partman4j.store;

import java.util.Objects;

/**
 * One numbered SQL script of the store, as shipped in the jar.
 *
 * @param version its number, from 1 without gaps
 * @param description words from the file name ({@code V001__config_tables.sql} → "config tables")
 * @param fileName the resource's file name
 * @param checksum SHA-256 (hex) of the text with line endings normalized to LF, taken before the
 *     schema name is substituted, so it is the same for every schema and every checkout
 * @param template the SQL with {@code ${schema}} where the quoted schema name goes
 */
public record StoreScript(
    int version, String description, String fileName, String checksum, String template) {

  /** The placeholder for the quoted schema name in a script. */
  public static final String SCHEMA_PLACEHOLDER = "${schema}";

  public StoreScript {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(template, "template");
  }

  /** The SQL to run for a schema, given its quoted name. */
  public String sqlFor(String quotedSchema) {
    return template.replace(SCHEMA_PLACEHOLDER, quotedSchema);
  }
}
