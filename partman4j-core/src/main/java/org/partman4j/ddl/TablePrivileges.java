package org.partman4j.ddl;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.partman4j.model.Grantee;
import org.partman4j.model.TablePrivilege;

/**
 * A table's owner and who holds which of the seven table privileges on it, with the owner's
 * implicit privileges spelled out (as {@code aclexplode(coalesce(relacl, acldefault(…)))} gives
 * them).
 *
 * @param owner the owning role
 * @param grants each grantee's privileges (never empty), PUBLIC first then by role name
 */
public record TablePrivileges(String owner, Map<Grantee, Set<TablePrivilege>> grants) {

  public TablePrivileges {
    Objects.requireNonNull(owner, "owner");
    TreeMap<Grantee, Set<TablePrivilege>> copy = new TreeMap<>();
    grants.forEach(
        (g, p) -> {
          if (!p.isEmpty()) {
            copy.put(g, Collections.unmodifiableSet(EnumSet.copyOf(p)));
          }
        });
    grants = Collections.unmodifiableSortedMap(copy);
  }

  /** The privileges of {@code g}, empty if it has none. */
  public Set<TablePrivilege> of(Grantee g) {
    return grants.getOrDefault(g, Set.of());
  }
}
