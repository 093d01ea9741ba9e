package org.partman4j.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.UndoOptions;
import org.partman4j.UndoResult;
import org.partman4j.catalog.ChildTable;
import org.partman4j.ddl.ChildProperties;
import org.partman4j.ddl.ChildPropertiesReader;
import org.partman4j.ddl.TemplateTables;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.SetConfig;
import org.partman4j.model.TableName;
import org.partman4j.plan.ChildOrder;
import org.partman4j.plan.DecodedChild;
import org.partman4j.sql.DataSql;
import org.partman4j.sql.DdlSql;
import org.partman4j.sql.SubPartitionSql;
import org.partman4j.store.ConfigStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code undoPartition} operation: pg_partman's {@code undo_partition_proc}. The set's rows
 * move into one table, the default partition first, then the children from the oldest; each child
 * is detached (and dropped, unless kept) once empty. The set is marked {@code undo_in_progress}
 * first, so maintenance leaves it alone; when no child is left its configuration row goes, and its
 * automatic template with it when no other set uses that.
 *
 * <p>Batches are transactions of their own, {@code WITH moved AS (DELETE … RETURNING) INSERT …}, so
 * a crash loses and duplicates nothing and a rerun resumes.
 */
public final class UndoPartition {

  private static final Logger log = LoggerFactory.getLogger(UndoPartition.class);

  private final Sessions sessions;
  private final String schema;

  public UndoPartition(Sessions sessions, String schema) {
    this.sessions = sessions;
    this.schema = schema;
  }

  private record Plan(
      SetSnapshot set,
      TableName target,
      List<String> columns,
      MoveGrid<?> grid,
      boolean whole,
      ChildProperties props,
      List<ChildTable> children,
      long totalEstimate) {}

  /** Undoes the set as {@code options} say. */
  public UndoResult run(String parentTable, UndoOptions options) {
    BatchTransaction tx =
        new BatchTransaction(
            options.lockWait(), options.lockWaitTries(), options.waitBetweenBatches());
    return planned(
        parentTable,
        options,
        true,
        (session, plan) -> execute(session, plan, plan.grid(), options, tx));
  }

  /**
   * The statements {@link #run} would send, in order, changing nothing: marking the set, each batch
   * with its range written in, each detach (and drop), and the removal of the configuration. Reads
   * the children's control values to find the batches.
   */
  public List<String> dryRun(String parentTable, UndoOptions options) {
    new BatchTransaction(options.lockWait(), options.lockWaitTries(), options.waitBetweenBatches());
    return planned(
        parentTable,
        options,
        false,
        (session, plan) -> statements(session, plan, plan.grid(), options));
  }

  /**
   * Checks the input, plans under the set's lock (marking the set as being undone when {@code
   * mark}), and hands the plan to {@code use}.
   */
  private <T> T planned(
      String parentTable,
      UndoOptions options,
      boolean mark,
      java.util.function.BiFunction<Session, Plan, T> use) {
    TableName name = InspectionErrors.parseTable("parent table", parentTable);
    TableName target = target(name, options);
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return SetLocks.withSetLock(
          session,
          name.toString(),
          () ->
              use.apply(
                  session,
                  session.inTransaction(
                      "planning the undo of " + name,
                      c -> plan(c, session, name, target, options, mark))));
    }
  }

  private static TableName target(TableName name, UndoOptions options) {
    TableName target = InspectionErrors.parseTable("target table", options.targetTable());
    BatchTransaction.requireCount("loop count", options.loopCount());
    if (target.equals(name)) {
      throw InspectionErrors.invalid(
          "The target table is the set's parent "
              + name
              + "; give another table to move the rows into. Nothing was moved.");
    }
    return target;
  }

  /** The batch statements of one child: the run's own, from {@link #batchSql}. */
  private record ChildSql(String edge, String below, String all) {}

  private ChildSql batchSql(Plan plan, MoveGrid<?> grid, TableName from) {
    String control = plan.set().config().control();
    return new ChildSql(
        DataSql.edge(from, control, true, "true", grid.valueOf()),
        DataSql.move(
            from,
            plan.target(),
            plan.columns(),
            DataSql.range(
                control, plan.props().keyTypeSchema(), plan.props().keyTypeName(), false, true)),
        DataSql.move(from, plan.target(), plan.columns(), "true"));
  }

  private <V extends Comparable<V>> List<String> statements(
      Session session, Plan plan, MoveGrid<V> grid, UndoOptions o) {
    List<String> out = new ArrayList<>();
    SetConfig config = plan.set().config();
    ConfigStore store = new ConfigStore(schema);
    if (!config.undoInProgress()) {
      out.add(
          store.updateColumnText(
              config.toBuilder().undoInProgress(true).build(), "undo_in_progress"));
    }
    String control = config.control();
    String after =
        DataSql.range(
            control, plan.props().keyTypeSchema(), plan.props().keyTypeName(), true, false);
    long budget = o.loopCount() == 0 ? Long.MAX_VALUE : o.loopCount();
    TableName parent = plan.set().name();
    for (ChildTable child : plan.children()) {
      TableName from = child.name();
      ChildSql sql = batchSql(plan, grid, from);
      String edgeAfter = DataSql.edge(from, control, true, after, grid.valueOf());
      boolean rows = hasRows(session, from);
      if (rows && plan.whole() && !child.isDefault()) {
        if (budget == 0) {
          return out;
        }
        out.add(sql.all());
        budget--;
        rows = false;
      }
      // Batches from the first value up, as a run takes them once the rows below have left.
      V cursor = null;
      while (rows) {
        String text = first(session, cursor == null ? sql.edge() : edgeAfter, cursor, grid, from);
        if (text == null) {
          // rows with no control value: the run's last statement takes them
          rows = hasRows(session, from, control);
          if (rows) {
            if (budget == 0) {
              return out;
            }
            out.add(sql.all());
            budget--;
          }
          break;
        }
        if (budget == 0) {
          return out;
        }
        V end = grid.up(grid.read(text));
        out.add(DataSql.inline(sql.below(), grid.bound(end)));
        budget--;
        cursor = end;
      }
      out.add(DataSql.detach(parent, from));
      if (!o.keepTable()) {
        out.add(DataSql.drop(from, o.dropCascade()));
      }
    }
    out.add(store.deleteText(config.parentTable()));
    String template =
        session.inTransaction("checking the template of " + parent, c -> autoTemplate(c, plan));
    if (template != null) {
      out.add(DataSql.dropIfExists(TableName.parse(template)));
    }
    return out;
  }

  private static <V extends Comparable<V>> String first(
      Session session, String edge, V after, MoveGrid<V> grid, TableName table) {
    return session.inTransaction(
        "finding the rows of " + table + " a batch would move",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(edge)) {
            if (after != null) {
              ps.setString(1, grid.bound(after));
            }
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getString(1);
            }
          }
        });
  }

  private Plan plan(
      Connection c, Session session, TableName name, TableName target, UndoOptions o, boolean mark)
      throws SQLException {
    SetReader reader = new SetReader(schema);
    SetSnapshot set = reader.read(c, name, session.zone());
    SetConfig config = set.config();
    MovePlan.Relation rel = MovePlan.relation(c, target);
    if (rel == null) {
      throw new PartmanException(
          ErrorCode.OBJECT_NOT_FOUND,
          "The target table "
              + target
              + " does not exist; create it (e.g. CREATE TABLE "
              + DdlSql.table(target)
              + " (LIKE "
              + DdlSql.table(name)
              + ")) and run again. Nothing was moved.");
    }
    if (rel.parentOid() == set.parent().oid()
        || !("r".equals(rel.relkind()) || "p".equals(rel.relkind()))) {
      throw InspectionErrors.invalid(
          "The target "
              + target
              + " is "
              + (rel.parentOid() == set.parent().oid() ? "a child of " + name : "not a table")
              + "; give a table outside the set. Nothing was moved.");
    }
    for (ChildTable child : set.parent().children()) {
      // An emptied sub-parent (its own set undone already) is just an empty table here.
      if (child.partitioned() && hasPartitions(c, child)) {
        throw InspectionErrors.invalid(
            "The child "
                + child.name()
                + " of "
                + name
                + " is itself partitioned; undo bottom-up: first undoPartition on "
                + child.name()
                + " (and every other sub-partitioned child), then on "
                + name
                + ". Nothing was moved.");
      }
    }
    var targetColumns = MoveColumns.read(c, target);
    List<String> columns =
        MoveColumns.list(
            target,
            targetColumns,
            name,
            MoveColumns.read(c, name),
            targetColumns,
            target,
            o.ignoredColumns(),
            config.control());
    MovePlan.Grid grid = MovePlan.grid(c, reader, set, o.batchInterval(), false);
    ChildProperties props = new ChildPropertiesReader().read(c, name, null, false);
    if (mark && !config.undoInProgress()) {
      new ConfigStore(schema)
          .updateColumn(c, config.toBuilder().undoInProgress(true).build(), "undo_in_progress");
    }
    List<ChildTable> children = new ArrayList<>();
    for (DecodedChild d :
        ChildOrder.order(
            reader.decode(c, set, set.parent().children()), set.bounds().kind(), true, true)) {
      children.add(d.child());
    }
    // The planner's row estimates only: counting every child first would read the whole set.
    long estimate = -1;
    try (PreparedStatement ps = c.prepareStatement(DataSql.ESTIMATE)) {
      ps.setArray(
          1, c.createArrayOf("int8", children.stream().map(ChildTable::oid).toArray(Long[]::new)));
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getBoolean(2)) {
          estimate = rs.getLong(1);
        }
      }
    }
    return new Plan(set, target, columns, grid.grid(), grid.whole(), props, children, estimate);
  }

  private <V extends Comparable<V>> UndoResult execute(
      Session session, Plan plan, MoveGrid<V> grid, UndoOptions o, BatchTransaction tx) {
    TableName parent = plan.set().name();
    MoveProgress progress = new MoveProgress(parent.toString(), o.listener(), plan.totalEstimate());
    long budget = o.loopCount() == 0 ? Long.MAX_VALUE : o.loopCount();
    List<String> undone = new ArrayList<>();
    for (ChildTable child : plan.children()) {
      TableName from = child.name();
      ChildSql sql = batchSql(plan, grid, from);
      String edge = sql.edge();
      String below = sql.below();
      String all = sql.all();
      while (true) {
        if (budget == 0) {
          if (hasRows(session, from)) {
            return result(plan, progress, undone, false, null);
          }
          break; // an empty child costs no batch: detach it
        }
        long moved =
            tx.run(
                session,
                "moving rows of " + from + " into " + plan.target(),
                c -> {
                  String text = null;
                  if (!plan.whole() || child.isDefault()) {
                    try (PreparedStatement ps = c.prepareStatement(edge);
                        ResultSet rs = ps.executeQuery()) {
                      rs.next();
                      text = rs.getString(1);
                    }
                  }
                  long n = 0;
                  if (text != null) {
                    n = MoveWorker.update(c, below, grid.bound(grid.up(grid.read(text))));
                  }
                  // the whole child, the rest of it with NULL control values, or a batch bound
                  // the column's type cannot tell from the first value
                  return n > 0 ? n : MoveWorker.update(c, all);
                });
        if (moved == 0) {
          break;
        }
        budget--;
        progress.batch(moved);
        tx.pauseBetweenBatches();
      }
      tx.run(
          session,
          "detaching " + from + " from " + parent,
          c -> {
            try (Statement st = c.createStatement()) {
              st.execute(DataSql.detach(parent, from));
              if (!o.keepTable()) {
                st.execute(DataSql.drop(from, o.dropCascade()));
              }
            }
            return null;
          });
      log.info("{}: {} {}", parent, o.keepTable() ? "detached" : "dropped", from);
      undone.add(from.toString());
    }
    String template =
        session.inTransaction("removing the configuration of " + parent, c -> finish(c, plan));
    return result(plan, progress, undone, true, template);
  }

  /** Deletes the set's row; drops its automatic template when no other set names it. */
  private String finish(Connection c, Plan plan) throws SQLException {
    new ConfigStore(schema).delete(c, plan.set().config().parentTable());
    String template = autoTemplate(c, plan);
    if (template != null) {
      try (Statement st = c.createStatement()) {
        st.execute(DataSql.dropIfExists(TableName.parse(template)));
      }
    }
    return template;
  }

  /** The set's automatic template when no other set names it, else null. */
  private String autoTemplate(Connection c, Plan plan) throws SQLException {
    SetConfig config = plan.set().config();
    String template = config.templateTable();
    TableName auto = TemplateTables.nameFor(schema, plan.set().name());
    if (template == null || !template.equals(auto.toString())) {
      return null;
    }
    try (PreparedStatement ps = c.prepareStatement(DdlSql.otherSetsUsingTemplate(schema))) {
      ps.setString(1, template);
      ps.setString(2, config.parentTable());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return null;
        }
      }
    }
    return template;
  }

  private static UndoResult result(
      Plan plan, MoveProgress progress, List<String> undone, boolean complete, String template) {
    return new UndoResult(
        plan.set().name().toString(),
        plan.target().toString(),
        progress.rows(),
        progress.batches(),
        undone,
        complete,
        template);
  }

  private static boolean hasRows(Session session, TableName table) {
    return session.inTransaction(
        "looking for rows in " + table,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(DataSql.hasRows(table));
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
          }
        });
  }

  /** Whether {@code table} holds a row whose {@code control} value is NULL. */
  private static boolean hasRows(Session session, TableName table, String control) {
    String sql = DataSql.anyRow(table, DataSql.isNull(control));
    return session.inTransaction(
        "looking for rows without a control value in " + table,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
          }
        });
  }

  private static boolean hasPartitions(Connection c, ChildTable child) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SubPartitionSql.HAS_PARTITIONS)) {
      ps.setLong(1, child.oid());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
