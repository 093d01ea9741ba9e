package org.partman4j.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.model.TableName;

/**
 * Reads parents and their children from PostgreSQL's catalogs in two queries, however many sets are
 * asked for: maintenance of a thousand sets must not cost thousands of round trips.
 */
public final class CatalogReader {

  private static final String PARENTS =
      """
      SELECT w.ord, c.oid, c.relkind::text, pt.partstrat::text,
             ts.spcname, pg_get_userbyid(c.relowner), c.relpersistence = 'u', c.relreplident::text,
             a.attname, ty.typname, format_type(a.atttypid, a.atttypmod), a.attnotnull, k.pos
        FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS w(nsp, rel, ord)
        JOIN pg_namespace n ON n.nspname = w.nsp
        JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = w.rel
        LEFT JOIN pg_tablespace ts ON ts.oid = c.reltablespace
        LEFT JOIN pg_partitioned_table pt ON pt.partrelid = c.oid
        LEFT JOIN LATERAL unnest(pt.partattrs::int2[]) WITH ORDINALITY AS k(attnum, pos) ON true
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        LEFT JOIN pg_type ty ON ty.oid = a.atttypid
       ORDER BY w.ord, k.pos
      """;

  private static final String CHILDREN =
      """
      SELECT i.inhparent, c.oid, n.nspname, c.relname, c.relkind = 'p',
             pg_get_expr(c.relpartbound, c.oid)
        FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE i.inhparent = ANY (?::oid[])
      """;

  /**
   * Reads the given tables and their children. Tables that do not exist are absent from the result.
   */
  public Map<TableName, ParentTable> read(Connection c, Collection<TableName> names)
      throws SQLException {
    List<TableName> wanted = List.copyOf(names);
    Map<Long, ParentBuilder> byOid = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(PARENTS)) {
      ps.setArray(1, textArray(c, wanted.stream().map(TableName::schema).toList()));
      ps.setArray(2, textArray(c, wanted.stream().map(TableName::table).toList()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long oid = rs.getLong(2);
          ParentBuilder b = byOid.get(oid);
          if (b == null) {
            b =
                new ParentBuilder(
                    wanted.get(rs.getInt(1) - 1),
                    oid,
                    rs.getString(3),
                    PartitionStrategy.fromCatalog(rs.getString(4)),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getBoolean(7),
                    rs.getString(8));
            byOid.put(oid, b);
          }
          if (rs.getObject(13) != null) {
            // A key expression has no column (attname null); callers refuse such parents.
            b.key.add(
                new KeyColumn(
                    rs.getString(9), rs.getString(10), rs.getString(11), rs.getBoolean(12)));
          }
        }
      }
    }
    if (!byOid.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(CHILDREN)) {
        ps.setArray(1, c.createArrayOf("oid", byOid.keySet().toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String expr = rs.getString(6);
            byOid
                .get(rs.getLong(1))
                .children
                .add(
                    new ChildTable(
                        new TableName(rs.getString(3), rs.getString(4)),
                        rs.getLong(2),
                        rs.getBoolean(5),
                        PartitionBound.parse(expr),
                        expr));
          }
        }
      }
    }
    Map<TableName, ParentTable> out = new HashMap<>();
    for (ParentBuilder b : byOid.values()) {
      out.put(b.name, b.build());
    }
    return out;
  }

  private static Array textArray(Connection c, List<String> values) throws SQLException {
    return c.createArrayOf("text", values.toArray());
  }

  private static final class ParentBuilder {
    final TableName name;
    final long oid;
    final String relkind;
    final PartitionStrategy strategy;
    final String tablespace;
    final String owner;
    final boolean unlogged;
    final String replicaIdentity;
    final List<KeyColumn> key = new ArrayList<>();
    final List<ChildTable> children = new ArrayList<>();

    ParentBuilder(
        TableName name,
        long oid,
        String relkind,
        PartitionStrategy strategy,
        String tablespace,
        String owner,
        boolean unlogged,
        String replicaIdentity) {
      this.name = name;
      this.oid = oid;
      this.relkind = relkind;
      this.strategy = strategy;
      this.tablespace = tablespace;
      this.owner = owner;
      this.unlogged = unlogged;
      this.replicaIdentity = replicaIdentity;
    }

    ParentTable build() {
      return new ParentTable(
          name,
          oid,
          relkind,
          strategy,
          key,
          tablespace,
          owner,
          unlogged,
          replicaIdentity,
          children);
    }
  }
}
