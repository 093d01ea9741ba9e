package org.partman4j.command;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.ddl.ChildProperties;
import org.partman4j.model.TableName;
import org.partman4j.plan.ChildOrder;
import org.partman4j.plan.DecodedChild;
import org.partman4j.plan.SetKind;
import org.partman4j.plan.TimeLayout;
import org.partman4j.sql.DataSql;
import org.partman4j.time.PgInterval;

/**
 * What a data move works with, read once at its start: the set, the table rows leave, the columns
 * copied, the grid and the batch step.
 *
 * @param set the set
 * @param source the table rows leave
 * @param fromDefault whether that is the set's default partition
 * @param columns the columns copied, in order
 * @param grid the set's grid
 * @param wholeWindows whether every batch takes a child's whole range
 * @param props what new children take from the parent (the control column's type too)
 * @param totalEstimate rows in the source at the start, or -1
 * @param pages the batches by heap pages ({@link PageBatches}), in the order they run; null when
 *     batches are control ranges found one after the other
 */
record MovePlan(
    SetSnapshot set,
    TableName source,
    boolean fromDefault,
    List<String> columns,
    MoveGrid<?> grid,
    boolean wholeWindows,
    ChildProperties props,
    long totalEstimate,
    List<PageBatches.Batch> pages) {

  /** This plan with its batches by pages. */
  MovePlan withPages(List<PageBatches.Batch> batches) {
    return new MovePlan(
        set, source, fromDefault, columns, grid, wholeWindows, props, totalEstimate, batches);
  }

  /** A relation as the moves check it. */
  record Relation(String relkind, long parentOid, long reltuples) {}

  static Relation relation(Connection c, TableName t) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DataSql.RELATION)) {
      ps.setString(1, t.schema());
      ps.setString(2, t.table());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new Relation(rs.getString(1), rs.getBoolean(2) ? rs.getLong(3) : 0, rs.getLong(5));
      }
    }
  }

  /** {@code reltuples} when the table was ever analyzed, else an exact count. */
  static long estimate(Connection c, TableName t, Relation r) throws SQLException {
    if (r.reltuples() >= 0) {
      return r.reltuples();
    }
    try (PreparedStatement ps = c.prepareStatement(DataSql.count(t));
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** A grid and whether its batches are whole child ranges. */
  record Grid(MoveGrid<?> grid, boolean whole) {}

  /**
   * The set's grid with batches of {@code batchText} (null: the partition interval).
   *
   * @param fromDefault whether smaller batches are refused (rows of one child leave the default
   *     together)
   */
  static Grid grid(
      Connection c, SetReader reader, SetSnapshot set, String batchText, boolean fromDefault)
      throws SQLException {
    List<DecodedChild> decoded =
        ChildOrder.order(
            reader.decode(c, set, set.parent().nonDefaultChildren()),
            set.bounds().kind(),
            false,
            false);
    if (SetChildPlanning.isTimeBased(set)) {
      TimeLayout layout = SetChildPlanning.timeLayout(c, set);
      PgInterval interval = layout.interval();
      PgInterval step = interval;
      if (batchText != null) {
        try {
          step = PgInterval.parse(batchText);
        } catch (RuntimeException e) {
          throw badBatch(batchText, "is not an interval (" + e.getMessage() + ")", "'1 hour'");
        }
        if (step.compareTo(PgInterval.ZERO) <= 0) {
          throw badBatch(batchText, "is not positive", "'1 hour'");
        }
      }
      if (step.compareTo(interval) >= 0) {
        step = interval;
      } else if (fromDefault) {
        throw smallFromDefault(set, batchText, interval.toString());
      }
      String decoder =
          set.bounds().kind() == SetKind.ENCODED
              ? SetReader.functionSql(set.name(), set.config().timeDecoder())
              : null;
      return new Grid(new MoveGrid.Time(layout, decoded, step, decoder), step.equals(interval));
    }
    long n = ShowPartitionName.idInterval(set);
    long step = n;
    if (batchText != null) {
      try {
        step = Long.parseLong(batchText.strip());
      } catch (NumberFormatException e) {
        throw badBatch(batchText, "is not a whole number", "'1000'");
      }
      if (step <= 0) {
        throw badBatch(batchText, "is not positive", "'1000'");
      }
    }
    if (step >= n) {
      step = n;
    } else if (fromDefault) {
      throw smallFromDefault(set, batchText, Long.toString(n));
    }
    return new Grid(
        new MoveGrid.Id(
            set.name(),
            set.config().childTablePrefix(),
            n,
            "list".equals(set.config().partitionType()),
            decoded,
            BigDecimal.valueOf(step)),
        step == n);
  }

  private static PartmanException badBatch(String text, String what, String example) {
    return new PartmanException(
        ErrorCode.INVALID_ARGUMENT,
        "The batch interval '"
            + text
            + "' "
            + what
            + "; give one like "
            + example
            + ". Nothing was moved.");
  }

  private static PartmanException smallFromDefault(SetSnapshot set, String text, String interval) {
    return new PartmanException(
        ErrorCode.INVALID_ARGUMENT,
        "The batch interval '"
            + text
            + "' is smaller than the partition interval "
            + interval
            + " of "
            + set.name()
            + ". Out of the default partition a batch must move a whole child's range, because a"
            + " child can be attached only once all its rows have left the default. Leave the"
            + " batch interval out. Nothing was moved.");
  }
}
