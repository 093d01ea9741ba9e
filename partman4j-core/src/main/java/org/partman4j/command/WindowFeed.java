package org.partman4j.command;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.partman4j.exec.Session;
import org.partman4j.sql.DataSql;

/** Hands out the child ranges that hold rows, one at a time, in the order asked. */
final class WindowFeed<V extends Comparable<V>> {
  private final Session session;
  private final MovePlan plan;
  private final MoveGrid<V> grid;
  private final boolean ascending;
  private V last;
  private boolean exhausted;

  WindowFeed(Session session, MovePlan plan, MoveGrid<V> grid, boolean ascending) {
    this.session = session;
    this.plan = plan;
    this.grid = grid;
    this.ascending = ascending;
  }

  synchronized MoveGrid.Window<V> next() {
    if (exhausted) {
      return null;
    }
    String control = plan.set().config().control();
    String where =
        last == null
            ? "true"
            : DataSql.range(
                control,
                plan.props().keyTypeSchema(),
                plan.props().keyTypeName(),
                ascending,
                !ascending);
    String sql = DataSql.edge(plan.source(), control, ascending, where, grid.valueOf());
    String text =
        session.inTransaction(
            "finding the next rows of " + plan.source(),
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (last != null) {
                  ps.setString(1, grid.bound(last));
                }
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getString(1);
                }
              }
            });
    if (text == null) {
      exhausted = true;
      return null;
    }
    MoveGrid.Window<V> w = grid.windowFor(grid.read(text));
    last = ascending ? w.hi() : w.lo();
    return w;
  }

  synchronized boolean exhausted() {
    return exhausted;
  }
}
