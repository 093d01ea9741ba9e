package org.partman4j.command;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.exec.Session;
import org.partman4j.model.TableName;
import org.partman4j.sql.LeafProbeSql;

/**
 * Keeps maintenance's probes of sub-partitioned children within a bounded lock count: a query on a
 * partitioned child locks every table under it in one transaction (thousands in a three-level set),
 * so such a child is probed through its leaves instead, at most {@code perStatement} of them per
 * statement and transaction.
 */
final class LeafProbes {

  /**
   * Tables per probe statement once sub-partitioned children are among them: a leaf with a few
   * indexes costs several locks, and one statement's locks should stay near one backend's share of
   * the lock table (max_locks_per_transaction, 64 by default).
   */
  static final int PER_STATEMENT = 20;

  private LeafProbes() {}

  /**
   * The leaves under each partitioned table among {@code tables}, by position (an empty list when
   * it has none: it holds no rows); plain tables are absent.
   */
  static Map<Integer, List<TableName>> leaves(Session session, List<TableName> tables) {
    return session.inTransaction(
        "finding the leaves of sub-partitioned children",
        c -> {
          Map<Integer, List<TableName>> out = new HashMap<>();
          try (PreparedStatement ps = c.prepareStatement(LeafProbeSql.LEAVES)) {
            ps.setArray(
                1, c.createArrayOf("text", tables.stream().map(TableName::schema).toArray()));
            ps.setArray(
                2, c.createArrayOf("text", tables.stream().map(TableName::table).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                List<TableName> under = out.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>());
                if (rs.getString(2) != null) {
                  under.add(new TableName(rs.getString(2), rs.getString(3)));
                }
              }
            }
          }
          return out;
        });
  }

  /**
   * Replaces each partitioned table of a probe list by its leaves, each leaf reporting to the
   * table's callback, so the "holds a row" probes touch plain tables only; whether there was any.
   */
  static boolean expand(Session session, List<TableName> tables, List<Runnable> onRow) {
    if (tables.isEmpty()) {
      return false;
    }
    Map<Integer, List<TableName>> leaves = leaves(session, tables);
    if (leaves.isEmpty()) {
      return false;
    }
    List<TableName> t = new ArrayList<>();
    List<Runnable> r = new ArrayList<>();
    for (int k = 0; k < tables.size(); k++) {
      List<TableName> under = leaves.get(k);
      if (under == null) {
        t.add(tables.get(k));
        r.add(onRow.get(k));
      } else {
        for (TableName leaf : under) {
          t.add(leaf);
          r.add(onRow.get(k));
        }
      }
    }
    tables.clear();
    tables.addAll(t);
    onRow.clear();
    onRow.addAll(r);
    return true;
  }

  /**
   * The largest control value under a partitioned table, reading {@code perStatement} leaves per
   * transaction and carrying the leaf that holds the largest value so far into the next statement
   * (so PostgreSQL compares the values in their own type). Null when every leaf is empty.
   */
  static String newest(
      Session session,
      List<TableName> leaves,
      String control,
      String decoderSql,
      int perStatement) {
    TableName best = null;
    String value = null;
    for (int from = 0; from < leaves.size(); from += perStatement) {
      List<TableName> chunk = new ArrayList<>();
      if (best != null) {
        chunk.add(best);
      }
      chunk.addAll(leaves.subList(from, Math.min(leaves.size(), from + perStatement)));
      String[] found =
          session.inTransaction(
              "reading the newest value under a sub-partitioned child",
              c -> {
                try (Statement st = c.createStatement();
                    ResultSet rs =
                        st.executeQuery(LeafProbeSql.newestOf(chunk, control, decoderSql))) {
                  return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
                }
              });
      if (found != null) {
        best = chunk.get(Integer.parseInt(found[0]));
        value = found[1];
      }
    }
    return value;
  }
}
