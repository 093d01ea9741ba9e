package org.partman4j.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.ddl.ChildCreator;
import org.partman4j.ddl.ChildFromDefault;
import org.partman4j.ddl.ChildOutcome;
import org.partman4j.exec.Session;
import org.partman4j.model.TableName;
import org.partman4j.sql.DataSql;

/** One worker: moves the rows of the ranges it is handed, on its own session. */
final class MoveWorker<V extends Comparable<V>> {
  private final ChildCreator creator;
  private final Session session;
  private final MovePlan plan;
  private final MoveGrid<V> grid;
  private final boolean ascending;
  private final BatchTransaction tx;
  private final MoveProgress progress;

  MoveWorker(
      ChildCreator creator,
      Session session,
      MovePlan plan,
      MoveGrid<V> grid,
      boolean ascending,
      BatchTransaction tx,
      MoveProgress progress) {
    this.creator = creator;
    this.session = session;
    this.plan = plan;
    this.grid = grid;
    this.ascending = ascending;
    this.tx = tx;
    this.progress = progress;
  }

  /** Moves every row of {@code w}; false when the batch budget ran out first. */
  boolean drain(MoveGrid.Window<V> w, AtomicLong budget) {
    if (plan.fromDefault()) {
      if (!take(budget)) {
        return false;
      }
      moveFromDefault(w);
      tx.pauseBetweenBatches();
      return true;
    }
    if (w.toCreate() != null
        && creator.create(session, plan.props(), w.toCreate().child()).outcome()
            == ChildOutcome.CREATED) {
      progress.childCreated(w.child().table());
    }
    if (plan.wholeWindows()) {
      // One statement takes the whole range: no need to look for its first row, nor to look
      // again after it (rows written into the range meanwhile wait for the next run).
      if (!take(budget)) {
        return false;
      }
      progress.batch(moveWhole(w));
      tx.pauseBetweenBatches();
      return true;
    }
    while (true) {
      if (!take(budget)) {
        return false;
      }
      long moved = moveBatch(w);
      if (moved < 0) {
        budget.incrementAndGet(); // the range was empty: no batch ran
        return true;
      }
      progress.batch(moved);
      tx.pauseBetweenBatches();
    }
  }

  private void moveFromDefault(MoveGrid.Window<V> w) {
    TableName source = plan.source();
    String range = range(true, true);
    boolean[] created = new boolean[1];
    long moved =
        tx.run(
            session,
            "moving the rows of " + source + " for " + w.child(),
            c -> {
              created[0] = false;
              try (Statement st = c.createStatement()) {
                st.execute(DataSql.createStaging(source));
              }
              long n =
                  update(
                      c,
                      DataSql.moveToStaging(source, plan.columns(), range),
                      grid.bound(w.lo()),
                      grid.bound(w.hi()));
              if (n == 0) {
                return 0L;
              }
              if (w.toCreate() != null) {
                created[0] = ChildFromDefault.create(c, plan.props(), w.toCreate().child());
              }
              return update(c, DataSql.insertFromStaging(w.child(), plan.columns()));
            });
    if (created[0]) {
      progress.childCreated(w.child().table());
    }
    progress.batch(moved);
  }

  private long moveWhole(MoveGrid.Window<V> w) {
    TableName source = plan.source();
    String move = DataSql.move(source, w.child(), plan.columns(), range(true, true));
    return tx.run(
        session,
        "moving rows of " + source + " into " + w.child(),
        c -> update(c, move, grid.bound(w.lo()), grid.bound(w.hi())));
  }

  /** One batch inside {@code w}; -1 when no rows are left in it. */
  private long moveBatch(MoveGrid.Window<V> w) {
    TableName source = plan.source();
    String control = plan.set().config().control();
    String inWindow = range(true, true);
    String edge = DataSql.edge(source, control, ascending, inWindow, grid.valueOf());
    String move = DataSql.move(source, w.child(), plan.columns(), inWindow);
    return tx.run(
        session,
        "moving rows of " + source + " into " + w.child(),
        c -> {
          String text;
          try (PreparedStatement ps = c.prepareStatement(edge)) {
            ps.setString(1, grid.bound(w.lo()));
            ps.setString(2, grid.bound(w.hi()));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              text = rs.getString(1);
            }
          }
          if (text == null) {
            return -1L;
          }
          List<V> b = grid.batch(w, grid.read(text), ascending, plan.wholeWindows());
          long n = update(c, move, grid.bound(b.get(0)), grid.bound(b.get(1)));
          if (n == 0 && !plan.wholeWindows()) {
            // A batch bound the column's type cannot tell from the range's (a date column,
            // sub-day batches): take the whole range.
            n = update(c, move, grid.bound(w.lo()), grid.bound(w.hi()));
          }
          if (n == 0) {
            throw new PartmanException(
                ErrorCode.SET_UNUSABLE,
                "The rows of "
                    + source
                    + " at "
                    + text
                    + " fall in no range of "
                    + w.child()
                    + "; the set's children do not lie on one grid. Move those rows yourself.");
          }
          return n;
        });
  }

  private String range(boolean lower, boolean upper) {
    return DataSql.range(
        plan.set().config().control(),
        plan.props().keyTypeSchema(),
        plan.props().keyTypeName(),
        lower,
        upper);
  }

  private boolean take(AtomicLong budget) {
    return budget.getAndUpdate(b -> b > 0 ? b - 1 : 0) > 0;
  }

  /** Runs an update with text parameters; returns the rows it changed. */
  static long update(Connection c, String sql, String... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      return ps.executeLargeUpdate();
    }
  }
}
