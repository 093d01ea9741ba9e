package org.partman4j.command;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.partman4j.exec.Session;
import org.partman4j.sql.DataSql;

/**
 * Hands out the child ranges that hold rows, one at a time, in the order asked.
 *
 * <p>The first range is found from the source's first (or last) control value, which costs a scan
 * of the whole source when it has no index. Data is usually dense, so after that the neighbouring
 * range is tried first, with a probe that stops at its first row; only when the neighbour is empty
 * is the next value looked for again.
 */
final class WindowFeed<V extends Comparable<V>> {
  private final Session session;
  private final MovePlan plan;
  private final MoveGrid<V> grid;
  private final boolean ascending;
  private V last;
  private boolean neighbourFirst;
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
    if (neighbourFirst) {
      MoveGrid.Window<V> w = grid.windowFor(ascending ? last : grid.justBelow(last));
      if (hasRows(w)) {
        last = ascending ? w.hi() : w.lo();
        return w;
      }
      neighbourFirst = false;
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
    neighbourFirst = true;
    return w;
  }

  private boolean hasRows(MoveGrid.Window<V> w) {
    String sql =
        DataSql.anyRow(
            plan.source(),
            DataSql.range(
                plan.set().config().control(),
                plan.props().keyTypeSchema(),
                plan.props().keyTypeName(),
                true,
                true));
    return session.inTransaction(
        "looking for rows of " + plan.source() + " for " + w.child(),
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, grid.bound(w.lo()));
            ps.setString(2, grid.bound(w.hi()));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getBoolean(1);
            }
          }
        });
  }

  synchronized boolean exhausted() {
    return exhausted;
  }
}
