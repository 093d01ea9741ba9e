package org.partman4j.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.partman4j.model.TableName;
import org.partman4j.plan.PlannedChild;
import org.partman4j.sql.DataSql;

/**
 * Batches by heap pages, for a source table with no index on the control column: there, a batch
 * that picks its rows by a control range reads the whole table (dead rows of earlier batches too),
 * so moving a table of n children's rows child by child reads it n times. Instead one read of the
 * table groups its live rows by runs of pages; batches are runs of about {@link #BATCH_ROWS} rows,
 * each moved by one statement that reads only its pages (a TID range scan) and inserts through the
 * parent, so that its rows go into whichever children they belong in. Every child those rows need
 * is known from the same read and is made before the batch that needs it.
 */
final class PageBatches {

  /**
   * Rows one batch moves, roughly: batches are whole groups of pages. Large enough that the cost of
   * a statement and a commit does not count, small enough to keep locks short and to share the work
   * between workers. The system property only lets the fault tests kill runs between many small
   * batches.
   */
  static final long BATCH_ROWS = Math.max(1, Long.getLong("partman4j.pageBatchRows", 50_000));

  /**
   * Pages per group of the planning read: a batch is one group or more, so a group holds a fraction
   * of a batch's rows (a page holds up to a few hundred rows); 50 pages for the usual batch size.
   */
  static final long CHUNK_PAGES = Math.max(1, Math.min(128, BATCH_ROWS / 1000));

  /** Grid ranges walked between a batch's first and last value before asking the database. */
  private static final int WALK_LIMIT = 1_000;

  /**
   * One batch.
   *
   * @param fromPage first heap page (inclusive)
   * @param toPage end page (exclusive)
   * @param rows the live rows with a control value on those pages when planned
   * @param newChildren the children to make before this batch runs, in the order asked
   */
  record Batch(long fromPage, long toPage, long rows, List<PlannedChild> newChildren) {

    /** The WHERE clause of this batch's statement. */
    String where(String control) {
      return DataSql.pages(control, fromPage, toPage);
    }
  }

  private record Chunk(long index, long rows, String min, String max) {}

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

  /** The batches in the order they run (ascending: first page first), with their new children. */
  static <V extends Comparable<V>> List<Batch> plan(
      Connection c, MovePlan plan, MoveGrid<V> grid, boolean ascending) throws SQLException {
    String control = plan.set().config().control();
    List<Chunk> chunks = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                DataSql.pageChunks(plan.source(), control, CHUNK_PAGES, grid.valueOf()));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        chunks.add(new Chunk(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
      }
    }
    List<Batch> batches = new ArrayList<>();
    List<V[]> ranges = new ArrayList<>();
    int i = 0;
    while (i < chunks.size()) {
      Chunk first = chunks.get(i);
      long rows = 0;
      V min = null;
      V max = null;
      Chunk last = first;
      while (i < chunks.size() && (rows == 0 || rows + chunks.get(i).rows() <= BATCH_ROWS)) {
        last = chunks.get(i++);
        rows += last.rows();
        V lo = grid.read(last.min());
        V hi = grid.read(last.max());
        min = min == null || lo.compareTo(min) < 0 ? lo : min;
        max = max == null || hi.compareTo(max) > 0 ? hi : max;
      }
      batches.add(
          new Batch(first.index() * CHUNK_PAGES, (last.index() + 1) * CHUNK_PAGES, rows, null));
      @SuppressWarnings("unchecked")
      V[] range = (V[]) new Comparable<?>[] {min, max};
      ranges.add(range);
    }
    if (!ascending) {
      Collections.reverse(batches);
      Collections.reverse(ranges);
    }
    Set<TableName> planned = new HashSet<>();
    List<Batch> out = new ArrayList<>(batches.size());
    for (int b = 0; b < batches.size(); b++) {
      Batch batch = batches.get(b);
      List<MoveGrid.Window<V>> fresh =
          newWindows(c, plan, grid, batch, ranges.get(b)[0], ranges.get(b)[1], planned);
      Comparator<MoveGrid.Window<V>> byStart = Comparator.comparing(MoveGrid.Window::lo);
      fresh.sort(ascending ? byStart : byStart.reversed());
      List<PlannedChild> children = new ArrayList<>();
      for (MoveGrid.Window<V> w : fresh) {
        children.add(w.toCreate());
      }
      out.add(new Batch(batch.fromPage(), batch.toPage(), batch.rows(), List.copyOf(children)));
    }
    return out;
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
