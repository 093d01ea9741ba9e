package org.partman4j.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.partman4j.model.TableName;
import org.partman4j.plan.PlannedChild;
import org.partman4j.sql.DataSql;

/**
 * Batches by heap pages, for a source table with no index on the control column: there, a batch
 * that picks its rows by a control range reads the whole table (dead rows of earlier batches too),
 * so moving a table of n children's rows child by child reads it n times. Instead the table's pages
 * are cut into runs of about {@link #BATCH_ROWS} rows; each batch first reads its pages for the
 * count and the first and last control value (a TID range scan), makes the children its rows need
 * that do not exist yet, then moves them with one statement that reads only its pages again (now in
 * the buffer cache) and inserts through the parent, so that each row goes into its child.
 */
final class PageBatches {

  /**
   * Rows one batch moves, roughly: large enough that the cost of a statement and a commit does not
   * count, small enough to keep locks short and to share the work between workers. The system
   * property only lets the fault tests kill runs between many small batches.
   */
  static final long BATCH_ROWS = Math.max(1, Long.getLong("partman4j.pageBatchRows", 50_000));

  /** Rows per page assumed for a table never analyzed (a narrow row; an 8 kB page holds ~60). */
  private static final double ROWS_PER_PAGE = 60;

  /** Grid ranges walked between a batch's first and last value before asking the database. */
  private static final int WALK_LIMIT = 1_000;

  /**
   * One batch: heap pages {@code [fromPage, toPage)}.
   *
   * @param fromPage first heap page (inclusive)
   * @param toPage end page (exclusive)
   */
  record Batch(long fromPage, long toPage) {

    /** The WHERE clause of this batch's statements. */
    String where(String control) {
      return DataSql.pages(control, fromPage, toPage);
    }
  }

  private PageBatches() {}

  /** Whether moving out of {@code source} is done by pages: a plain table, no leading index. */
  static boolean suits(Connection c, TableName source, String control) throws SQLException {
    if (c.getMetaData().getDatabaseMajorVersion() < 14) {
      return false; // no TID range scans: every batch would read the whole table
    }
    try (PreparedStatement ps = c.prepareStatement(DataSql.LEADING_INDEX)) {
      ps.setString(1, source.schema());
      ps.setString(2, source.table());
      ps.setString(3, control);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return !rs.getBoolean(1);
      }
    }
  }

  /**
   * The table's pages now, cut into batches of about {@link #BATCH_ROWS} rows by the planner's rows
   * per page, in the order they run (ascending: first page first). Pages added later (rows written
   * meanwhile) wait for the next run.
   */
  static List<Batch> plan(Connection c, TableName source, boolean ascending) throws SQLException {
    long pages;
    double perPage = ROWS_PER_PAGE;
    try (PreparedStatement ps = c.prepareStatement(DataSql.PAGES)) {
      ps.setString(1, source.schema());
      ps.setString(2, source.table());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        pages = rs.getLong(1);
        long relpages = rs.getLong(2);
        long reltuples = rs.getLong(3);
        if (relpages > 0 && reltuples > 0) {
          perPage = Math.max(1, (double) reltuples / relpages);
        }
      }
    }
    long step = Math.max(1, Math.round(BATCH_ROWS / perPage));
    List<Batch> out = new ArrayList<>();
    for (long p = 0; p < pages; p += step) {
      out.add(new Batch(p, Math.min(pages, p + step)));
    }
    if (!ascending) {
      Collections.reverse(out);
    }
    return out;
  }

  /**
   * Reads the batch's pages: null when they hold no row with a control value, else the children to
   * make before the batch runs (in the order asked), other than those of {@code done}, which it
   * adds them to.
   */
  static <V extends Comparable<V>> List<PlannedChild> prepare(
      Connection c,
      MovePlan plan,
      MoveGrid<V> grid,
      Batch batch,
      boolean ascending,
      Set<TableName> done)
      throws SQLException {
    String control = plan.set().config().control();
    V min;
    V max;
    try (PreparedStatement ps =
            c.prepareStatement(
                DataSql.rowsAndEdges(
                    plan.source(), control, batch.where(control), grid.valueOf()));
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getLong(1) == 0) {
        return null;
      }
      min = grid.read(rs.getString(2));
      max = grid.read(rs.getString(3));
    }
    List<MoveGrid.Window<V>> fresh = newWindows(c, plan, grid, batch, min, max, done);
    Comparator<MoveGrid.Window<V>> byStart = Comparator.comparing(MoveGrid.Window::lo);
    fresh.sort(ascending ? byStart : byStart.reversed());
    List<PlannedChild> children = new ArrayList<>();
    for (MoveGrid.Window<V> w : fresh) {
      children.add(w.toCreate());
    }
    return children;
  }

  /**
   * The ranges without a child that rows of the batch fall in, other than those of {@code planned}
   * (which it adds them to). Walks the grid from the batch's first value to its last; only when
   * that passes a range without a child that may hold no row (data with gaps) are the batch's pages
   * asked, range by range.
   */
  private static <V extends Comparable<V>> List<MoveGrid.Window<V>> newWindows(
      Connection c, MovePlan plan, MoveGrid<V> grid, Batch batch, V min, V max, Set<TableName> done)
      throws SQLException {
    List<MoveGrid.Window<V>> walked = new ArrayList<>();
    MoveGrid.Window<V> w = grid.windowFor(min);
    walked.add(w);
    boolean ask = false;
    while (w.hi().compareTo(max) <= 0) {
      MoveGrid.Window<V> next = grid.windowFor(w.hi());
      if (next.lo().compareTo(w.lo()) <= 0 || walked.size() >= WALK_LIMIT) {
        ask = true; // ranges that do not follow one another, or too many to walk
        break;
      }
      w = next;
      walked.add(w);
    }
    for (int k = 1; k < walked.size() - 1 && !ask; k++) {
      MoveGrid.Window<V> m = walked.get(k);
      ask = m.toCreate() != null && !done.contains(m.child());
    }
    List<MoveGrid.Window<V>> out = new ArrayList<>();
    if (!ask) {
      // The first and last ranges hold the batch's first and last value: they hold rows.
      for (MoveGrid.Window<V> m : walked) {
        if (m.toCreate() != null && done.add(m.child())) {
          out.add(m);
        }
      }
      return out;
    }
    String control = plan.set().config().control();
    String sql =
        DataSql.edge(
            plan.source(),
            control,
            true,
            batch.where(control)
                + " AND "
                + DataSql.range(
                    control, plan.props().keyTypeSchema(), plan.props().keyTypeName(), true, false),
            grid.valueOf());
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      V v = min;
      while (v != null) {
        MoveGrid.Window<V> m = grid.windowFor(v);
        if (m.toCreate() != null && done.add(m.child())) {
          out.add(m);
        }
        ps.setString(1, grid.bound(m.hi()));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          String text = rs.getString(1);
          v = text == null ? null : grid.read(text);
        }
      }
    }
    return out;
  }
}
