package org.partman4j.model;

import java.util.Set;

/**
 * The table privileges pg_partman copies from a parent to its children ({@code apply_privileges}):
 * no column privileges, no grant options, and not PostgreSQL 17's {@code MAINTAIN}.
 */
public enum TablePrivilege {
  SELECT,
  INSERT,
  UPDATE,
  DELETE,
  TRUNCATE,
  REFERENCES,
  TRIGGER;

  /** All seven, in pg_partman's order. */
  public static final Set<TablePrivilege> ALL = Set.of(values());

  /** The privilege named by {@code aclexplode}'s {@code privilege_type}, or null for any other. */
  public static TablePrivilege fromCatalog(String privilegeType) {
    for (TablePrivilege p : values()) {
      if (p.name().equals(privilegeType)) {
        return p;
      }
    }
    return null;
  }
}
