package org.partman4j.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.partman4j.AppliedConstraint;
import org.partman4j.ApplyConstraintsResult;
import org.partman4j.DropConstraintsResult;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.ReapplyConstraintsResult;
import org.partman4j.catalog.CatalogReader;
import org.partman4j.catalog.ChildTable;
import org.partman4j.catalog.ParentTable;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.TableName;
import org.partman4j.plan.ChildOrder;
import org.partman4j.plan.ConstraintTarget;
import org.partman4j.plan.DecodedChild;
import org.partman4j.sql.ConstraintSql;

/**
 * pg_partman's constraint-exclusion helpers ({@code apply_constraints}, {@code drop_constraints},
 * {@code reapply_constraints_proc}): min/max CHECK constraints on the columns of {@code
 * constraint_cols} of old children, so that the planner can skip those children for conditions on
 * columns other than the partition key.
 *
 * <p>Each child is worked on in its own short transaction that first takes a SHARE lock on the
 * child (writers to that child wait, readers do not; writers to other children are not touched),
 * reads the min/max and adds the constraints, retried after a pause when a lock is not granted in
 * time. The child chosen when none is named is {@link ConstraintTarget}'s.
 */
public final class Constraints {

  /** How many children one probe query asks "do you hold a row?". */
  private static final int PROBE_BATCH = 8;

  private final Sessions sessions;
  private final String schema;
  private final LockRetry retry;

  public Constraints(Sessions sessions, String schema, LockRetry retry) {
    this.sessions = sessions;
    this.schema = schema;
    this.retry = retry;
  }

  /**
   * The maintenance step: applies the constraints to the child chosen by {@link ConstraintTarget}
   * (nothing when the set has no {@code constraint_cols}, no data, or no such child), in its own
   * transaction with lock retries. The children are read again, so the snapshot may predate the
   * children the maintenance just made. Takes no set lock; the caller holds it.
   *
   * @return the constraints added, empty when there was nothing to do
   * @throws PartmanException when a configured column does not exist or a lock is not granted
   */
  public static List<AppliedConstraint> applyStep(
      Session session, String storeSchema, SetSnapshot set, LockRetry retry) {
    ChildTable child = stepTarget(session, storeSchema, set);
    return child == null ? List.of() : applyToChild(session, set, child, retry).added();
  }

  /**
   * What {@link #applyStep} would do now, with plain reads only: the constraints it would add and
   * its statements (the child's SHARE lock, then the constraints).
   */
  static Preview previewStep(Session session, String storeSchema, SetSnapshot set) {
    ChildTable child = stepTarget(session, storeSchema, set);
    return child == null ? Preview.NONE : preview(session, set, child);
  }

  /** The constraints a dry run found would be added, and the statements that would add them. */
  record Preview(List<AppliedConstraint> added, List<String> statements) {
    static final Preview NONE = new Preview(List.of(), List.of());
  }

  /** The child the maintenance step works on, or null when there is none (or nothing to do). */
  private static ChildTable stepTarget(Session session, String storeSchema, SetSnapshot set) {
    List<String> columns = set.config().constraintCols();
    if (columns == null || columns.isEmpty()) {
      return null;
    }
    Chosen chosen =
        session.inTransaction(
            "choosing the child of " + set.name() + " to constrain",
            c -> {
              ParentTable parent = new CatalogReader().read(c, List.of(set.name())).get(set.name());
              if (parent == null) {
                throw InspectionErrors.parentMissing(set.name(), storeSchema);
              }
              SetSnapshot fresh =
                  new SetSnapshot(
                      set.name(),
                      set.config(),
                      parent,
                      set.controlType(),
                      set.controlNotNull(),
                      set.zone(),
                      set.bounds());
              checkColumns(c, fresh);
              return choose(c, new SetReader(storeSchema), fresh);
            });
    return chosen.target().isEmpty() ? null : chosen.ascending().get(chosen.target().get()).child();
  }

  /** {@code apply_constraints}: see {@link org.partman4j.Partman#applyConstraints}. */
  public ApplyConstraintsResult apply(String parentTable, String childTable, boolean analyze) {
    return SetLocks.onSet(
        sessions,
        schema,
        parentTable,
        (session, name) -> {
          Planned p = planApply(session, name, childTable);
          if (p.child() == null) {
            return new ApplyConstraintsResult(
                name.toString(), null, List.of(), List.of(), List.of(), p.reason());
          }
          ChildConstraints.Applied a = applyToChild(session, p.set(), p.child(), retry);
          if (analyze) {
            analyze(session, name);
          }
          return new ApplyConstraintsResult(
              name.toString(),
              p.child().name().toString(),
              a.added(),
              a.allNull(),
              a.alreadyConstrained(),
              null);
        });
  }

  /**
   * The statements {@link #apply} would run now, in order, changing nothing and taking no lock but
   * what plain reads take: the child's SHARE lock, each constraint, and the ANALYZE.
   */
  public List<String> applyDryRun(String parentTable, String childTable, boolean analyze) {
    return SetLocks.readOnSet(
        sessions,
        schema,
        parentTable,
        (session, name) -> {
          Planned p = planApply(session, name, childTable);
          if (p.child() == null) {
            return List.of();
          }
          List<String> out = new ArrayList<>(preview(session, p.set(), p.child()).statements());
          if (analyze) {
            out.add(ConstraintSql.analyze(name));
          }
          return out;
        });
  }

  /** The child {@link #apply} works on (the named one, or pg_partman's choice), read. */
  private Planned planApply(Session session, TableName name, String childTable) {
    return session.inTransaction(
        "choosing the child of " + name + " to constrain",
        c -> {
          SetSnapshot set = new SetReader(schema).read(c, name, session.zone());
          List<String> cols = set.config().constraintCols();
          if (cols == null || cols.isEmpty()) {
            // pg_partman returns quietly, so maintenance may call it on every set.
            return new Planned(set, null, "the set has no constraint_cols");
          }
          checkColumns(c, set);
          if (childTable != null) {
            return new Planned(set, findChild(set, childTable), null);
          }
          Chosen chosen = choose(c, new SetReader(schema), set);
          if (chosen.target().isEmpty()) {
            return new Planned(set, null, noTargetReason(set, chosen));
          }
          return new Planned(set, chosen.ascending().get(chosen.target().get()).child(), null);
        });
  }

  /** What applying to {@code child} would add, read without locking it. */
  private static Preview preview(Session session, SetSnapshot set, ChildTable child) {
    ChildConstraints.Applied a =
        session.inTransaction("reading " + child.name(), c -> onChild(c, set, child, false));
    List<String> statements = new ArrayList<>();
    statements.add(ConstraintSql.lockAgainstWriters(child.name()));
    a.added().forEach(x -> statements.add(x.statement()));
    return new Preview(a.added(), statements);
  }

  /** {@code drop_constraints}: see {@link org.partman4j.Partman#dropConstraints}. */
  public DropConstraintsResult drop(String parentTable, String childTable, boolean debug) {
    return SetLocks.onSet(
        sessions,
        schema,
        checkedChild(parentTable, childTable),
        (session, name) -> {
          Planned p = planDrop(session, name, childTable);
          ChildConstraints.Dropped d =
              retry.inTransaction(
                  session,
                  "dropping the constraints of " + p.child().name(),
                  c ->
                      ChildConstraints.drop(
                          c, p.child(), p.set().config().constraintCols(), true, debug));
          return new DropConstraintsResult(
              name.toString(), p.child().name().toString(), d.names(), d.statements());
        });
  }

  /**
   * The statements {@link #drop} would run now, in order, changing nothing and taking no lock but
   * what plain reads take.
   */
  public List<String> dropDryRun(String parentTable, String childTable) {
    return SetLocks.readOnSet(
        sessions,
        schema,
        checkedChild(parentTable, childTable),
        (session, name) -> {
          Planned p = planDrop(session, name, childTable);
          return session
              .inTransaction(
                  "reading the constraints of " + p.child().name(),
                  c ->
                      ChildConstraints.drop(
                          c, p.child(), p.set().config().constraintCols(), false, false))
              .statements();
        });
  }

  private static String checkedChild(String parentTable, String childTable) {
    if (childTable == null) {
      throw InspectionErrors.invalid(
          "No child was given to drop the constraints of " + parentTable + "; give one.");
    }
    return parentTable;
  }

  private Planned planDrop(Session session, TableName name, String childTable) {
    return session.inTransaction(
        "reading " + name,
        c -> {
          SetSnapshot set = new SetReader(schema).read(c, name, session.zone());
          requireColumns(set);
          checkColumns(c, set);
          return new Planned(set, findChild(set, childTable), null);
        });
  }

  /** {@code reapply_constraints_proc}: see {@link org.partman4j.Partman#reapplyConstraints}. */
  public ReapplyConstraintsResult reapply(
      String parentTable,
      boolean dropConstraints,
      boolean applyConstraints,
      Duration wait,
      boolean dryRun,
      boolean analyze) {
    if (wait == null || wait.isNegative()) {
      throw InspectionErrors.invalid(
          "The wait between children must be zero or more; got " + wait + ".");
    }
    return SetLocks.onSet(
        sessions,
        schema,
        parentTable,
        (session, name) ->
            reapply(session, name, dropConstraints, applyConstraints, wait, dryRun, analyze));
  }

  private ReapplyConstraintsResult reapply(
      Session session,
      TableName name,
      boolean dropConstraints,
      boolean applyConstraints,
      Duration wait,
      boolean dryRun,
      boolean analyze) {
    record Plan(SetSnapshot set, Chosen chosen) {}
    Plan plan =
        session.inTransaction(
            "choosing the children of " + name + " to constrain",
            c -> {
              SetSnapshot set = new SetReader(schema).read(c, name, session.zone());
              requireColumns(set);
              checkColumns(c, set);
              return new Plan(set, choose(c, new SetReader(schema), set));
            });
    SetSnapshot set = plan.set();
    List<String> columns = set.config().constraintCols();
    boolean valid = set.config().constraintValid();
    List<String> children = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    List<AppliedConstraint> added = new ArrayList<>();
    List<String> statements = new ArrayList<>();
    String stop = null;
    if (plan.chosen().target().isPresent()) {
      int last = plan.chosen().target().get();
      stop = plan.chosen().ascending().get(last).child().name().toString();
      for (int i = 0; i <= last; i++) {
        ChildTable child = plan.chosen().ascending().get(i).child();
        children.add(child.name().toString());
        if (dropConstraints) {
          String doing = "dropping the constraints of " + child.name();
          ChildConstraints.Dropped d =
              dryRun
                  ? session.inTransaction(
                      doing, c -> ChildConstraints.drop(c, child, columns, false, false))
                  : retry.inTransaction(
                      session, doing, c -> ChildConstraints.drop(c, child, columns, true, false));
          dropped.addAll(d.names());
          statements.addAll(d.statements());
        }
        if (applyConstraints) {
          ChildConstraints.Applied a =
              dryRun
                  ? session.inTransaction(
                      "reading " + child.name(),
                      c ->
                          ChildConstraints.apply(
                              c, child, columns, valid, false, dropConstraints, false))
                  : applyToChild(session, set, child, retry);
          added.addAll(a.added());
          a.added().forEach(x -> statements.add(x.statement()));
        }
        if (!dryRun && i < last && !wait.isZero() && !sleep(wait)) {
          break; // interrupted: stop between children, the work done so far stays
        }
      }
    }
    if (analyze && !dryRun) {
      statements.add(ConstraintSql.analyze(name));
      analyze(session, name);
    }
    return new ReapplyConstraintsResult(
        name.toString(), stop, children, dropped, added, statements, dryRun);
  }

  /** The set's children oldest first and the index of the one to constrain. */
  record Chosen(List<DecodedChild> ascending, Optional<Integer> target, boolean anyData) {}

  private record Planned(SetSnapshot set, ChildTable child, String reason) {}

  static Chosen choose(Connection c, SetReader reader, SetSnapshot set) throws SQLException {
    List<DecodedChild> decoded = reader.decode(c, set, set.parent().nonDefaultChildren());
    List<DecodedChild> ascending = ChildOrder.order(decoded, set.bounds().kind(), true, false);
    int newest = newestWithData(c, ascending);
    Optional<Integer> target =
        ConstraintTarget.find(
            ascending,
            newest,
            set.bounds().kind(),
            set.config().partitionInterval(),
            set.config().optimizeConstraint(),
            set.zone());
    return new Chosen(ascending, target, newest >= 0);
  }

  /** The index of the newest child holding a row, probing a few children per query, or -1. */
  private static int newestWithData(Connection c, List<DecodedChild> ascending)
      throws SQLException {
    for (int end = ascending.size(); end > 0; end -= PROBE_BATCH) {
      int from = Math.max(0, end - PROBE_BATCH);
      List<TableName> batch = new ArrayList<>();
      for (int i = end - 1; i >= from; i--) {
        batch.add(ascending.get(i).child().name());
      }
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery(ConstraintSql.anyRows(batch))) {
        rs.next();
        for (int k = 0; k < batch.size(); k++) {
          if (rs.getBoolean(k + 1)) {
            return end - 1 - k;
          }
        }
      }
    }
    return -1;
  }

  private static ChildConstraints.Applied applyToChild(
      Session session, SetSnapshot set, ChildTable child, LockRetry retry) {
    return retry.inTransaction(
        session, "adding constraints to " + child.name(), c -> onChild(c, set, child, true));
  }

  /** The set's constraints on one child: added, or with {@code execute} false only read. */
  private static ChildConstraints.Applied onChild(
      Connection c, SetSnapshot set, ChildTable child, boolean execute) throws SQLException {
    return ChildConstraints.apply(
        c,
        child,
        set.config().constraintCols(),
        set.config().constraintValid(),
        execute,
        false,
        false);
  }

  private static void analyze(Session session, TableName parent) {
    session.inTransaction(
        "analyzing " + parent,
        c -> {
          try (Statement st = c.createStatement()) {
            st.execute(ConstraintSql.analyze(parent));
          }
          return null;
        });
  }

  private static void requireColumns(SetSnapshot set) {
    List<String> cols = set.config().constraintCols();
    if (cols == null || cols.isEmpty()) {
      throw new PartmanException(
          ErrorCode.SET_UNUSABLE,
          "Set "
              + set.name()
              + " has no constraint_cols, so it has no partman constraints to drop or reapply."
              + " Set part_config.constraint_cols to the columns to constrain.");
    }
  }

  /** Every configured column must be a column of the parent; nothing is changed otherwise. */
  private static void checkColumns(Connection c, SetSnapshot set) throws SQLException {
    Set<String> have = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(ConstraintSql.COLUMNS)) {
      ps.setLong(1, set.parent().oid());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          have.add(rs.getString(1));
        }
      }
    }
    for (String col : set.config().constraintCols()) {
      if (!have.contains(col)) {
        throw new PartmanException(
            ErrorCode.OBJECT_NOT_FOUND,
            "part_config.constraint_cols of "
                + set.name()
                + " names the column \""
                + col
                + "\", which "
                + set.name()
                + " does not have. Correct constraint_cols (names are case-sensitive).");
      }
    }
  }

  /**
   * The child named by the caller: {@code schema.table}, or a bare table name in the parent's
   * schema, attached to the parent.
   */
  private static ChildTable findChild(SetSnapshot set, String childTable) {
    String text = childTable.strip();
    TableName wanted =
        text.indexOf('.') < 0
            ? new TableName(set.name().schema(), text)
            : InspectionErrors.parseTable("child table", text);
    for (ChildTable child : set.parent().children()) {
      if (child.name().equals(wanted)) {
        return child;
      }
    }
    throw new PartmanException(
        ErrorCode.OBJECT_NOT_FOUND,
        "Table "
            + wanted
            + " is not a partition of "
            + set.name()
            + ". Give one of its children (showPartitions lists them), schema.table as in the"
            + " catalog.");
  }

  private static String noTargetReason(SetSnapshot set, Chosen chosen) {
    if (!chosen.anyData()) {
      return "no child of the set holds data, so there is no child old enough to constrain";
    }
    return "no child starts optimize_constraint + 1 = "
        + ((long) set.config().optimizeConstraint() + 1)
        + " intervals before the newest child holding data";
  }

  private static boolean sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
