package org.partman4j;

import java.util.List;

/**
 * What {@link Partman#reapplyPrivileges} did.
 *
 * @param parentTable the set's parent
 * @param tablesChecked how many children were compared with the parent, the default included
 * @param tablesChanged the children whose grants or owner were changed, {@code schema.table}
 * @param statements the GRANT, REVOKE and OWNER TO statements run, in order
 */
public record ReapplyPrivilegesResult(
    String parentTable, int tablesChecked, List<String> tablesChanged, List<String> statements) {

  public ReapplyPrivilegesResult {
    tablesChanged = List.copyOf(tablesChanged);
    statements = List.copyOf(statements);
  }
}
