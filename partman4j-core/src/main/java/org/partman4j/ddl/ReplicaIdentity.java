package org.partman4j.ddl;

/**
 * A parent's replica identity ({@code pg_class.relreplident}), which PostgreSQL does not give to
 * new partitions by itself.
 *
 * @param kind {@code d}efault, {@code f}ull, {@code n}othing or {@code i}ndex
 * @param indexOid for {@code i}, the parent's replica identity index; 0 otherwise
 * @param indexName for {@code i}, that index's name; null otherwise
 */
public record ReplicaIdentity(char kind, long indexOid, String indexName) {

  public static final ReplicaIdentity DEFAULT = new ReplicaIdentity('d', 0, null);

  public ReplicaIdentity {
    if ("dfni".indexOf(kind) < 0) {
      throw new IllegalArgumentException("unknown replica identity '" + kind + "'");
    }
    if (kind == 'i' && (indexOid == 0 || indexName == null)) {
      throw new IllegalArgumentException("replica identity USING INDEX needs the index");
    }
  }

  public boolean usesIndex() {
    return kind == 'i';
  }
}
