package org.partman4j;

import java.util.List;

/**
 * What {@link Partman#dropConstraints} did.
 *
 * @param parentTable the set's parent
 * @param childTable the child, {@code schema.table}
 * @param dropped the names of the constraints dropped
 * @param statements the {@code ALTER TABLE … DROP CONSTRAINT} statements run
 */
public record DropConstraintsResult(
    String parentTable, String childTable, List<String> dropped, List<String> statements) {

  public DropConstraintsResult {
    dropped = List.copyOf(dropped);
    statements = List.copyOf(statements);
  }
}
