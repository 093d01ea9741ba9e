package org.partman4j.command;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.partman4j.ddl.ChildStatements;
import org.partman4j.exec.Session;
import org.partman4j.model.TableName;
import org.partman4j.sql.DataSql;

/**
 * The batches {@link MoveWorker} would run over one child's range, found without moving a row: a
 * run takes each batch from the first (or last) value still in the range, after the rows of the
 * batches before it left; here the search starts past those batches instead. The statements are the
 * run's own, with their values written in.
 */
final class MoveRehearsal<V extends Comparable<V>> {
  private final Session session;
  private final MovePlan plan;
  private final MoveGrid<V> grid;
  private final boolean ascending;
  private final String range;

  MoveRehearsal(Session session, MovePlan plan, MoveGrid<V> grid, boolean ascending) {
    this.session = session;
    this.plan = plan;
    this.grid = grid;
    this.ascending = ascending;
    this.range =
        DataSql.range(
            plan.set().config().control(),
            plan.props().keyTypeSchema(),
            plan.props().keyTypeName(),
            true,
            true);
  }

  /**
   * Adds the statements of the batches over {@code w} to {@code out}, at most {@code budget} of
   * them; returns how many batches they are.
   */
  long window(MoveGrid.Window<V> w, long budget, List<String> out) {
    TableName source = plan.source();
    String lo = grid.bound(w.lo());
    String hi = grid.bound(w.hi());
    if (plan.fromDefault()) {
      // One transaction: rows into the staging table, the child made, rows into it.
      out.add(DataSql.createStaging(source));
      out.add(DataSql.inline(DataSql.moveToStaging(source, plan.columns(), range), lo, hi));
      if (w.toCreate() != null) {
        out.addAll(ChildStatements.preview(plan.props(), w.toCreate().child()));
      }
      out.add(DataSql.insertFromStaging(w.child(), plan.columns()));
      return 1;
    }
    String move = DataSql.move(source, w.child(), plan.columns(), range);
    if (plan.wholeWindows()) {
      out.add(DataSql.inline(move, lo, hi));
      return 1;
    }
    String edge =
        DataSql.edge(source, plan.set().config().control(), ascending, range, grid.valueOf());
    V cursor = ascending ? w.lo() : w.hi();
    long n = 0;
    while (n < budget) {
      String text =
          first(edge, ascending ? grid.bound(cursor) : lo, ascending ? hi : grid.bound(cursor));
      if (text == null) {
        break;
      }
      List<V> b = grid.batch(w, grid.read(text), ascending, false);
      out.add(DataSql.inline(move, grid.bound(b.get(0)), grid.bound(b.get(1))));
      n++;
      V next = ascending ? b.get(1) : b.get(0);
      if (ascending ? next.compareTo(cursor) <= 0 : next.compareTo(cursor) >= 0) {
        break; // a batch bound the column's type cannot tell apart: the run takes the range whole
      }
      cursor = next;
    }
    return n;
  }

  private String first(String edge, String lower, String upper) {
    return session.inTransaction(
        "finding the rows of " + plan.source() + " a batch would move",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(edge)) {
            ps.setString(1, lower);
            ps.setString(2, upper);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getString(1);
            }
          }
        });
  }
}
