package org.partman4j.model;

/**
 * Who a privilege is granted to: a role by its catalog name, or {@link #PUBLIC} (every role).
 *
 * @param role the role's name, exactly as in {@code pg_roles}; null for PUBLIC
 */
public record Grantee(String role) implements Comparable<Grantee> {

  /** The pseudo-role PUBLIC. */
  public static final Grantee PUBLIC = new Grantee(null);

  public static Grantee role(String role) {
    if (role == null || role.isEmpty()) {
      throw new IllegalArgumentException("a grantee role needs a name; use Grantee.PUBLIC");
    }
    return new Grantee(role);
  }

  public boolean isPublic() {
    return role == null;
  }

  /** PUBLIC first, then roles by name. */
  @Override
  public int compareTo(Grantee o) {
    if (isPublic() || o.isPublic()) {
      return Boolean.compare(!isPublic(), !o.isPublic());
    }
    return role.compareTo(o.role);
  }

  @Override
  public String toString() {
    return isPublic() ? "PUBLIC" : role;
  }
}
