package org.partman4j.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.catalog.ChildTable;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Session;
import org.partman4j.exec.SqlErrors;
import org.partman4j.model.TableName;
import org.partman4j.plan.RetentionPlanner.Action;
import org.partman4j.sql.RetentionSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retires one child at a time, never holding locks on more than that child and its parent.
 *
 * <p>Where PostgreSQL allows it (no default partition), the child leaves with {@code DETACH
 * PARTITION ... CONCURRENTLY}, which takes only SHARE UPDATE EXCLUSIVE on the parent, so writers
 * and readers of the set go on; what follows (drop, index removal, move) then touches only the
 * detached table. Otherwise everything happens in one transaction whose ACCESS EXCLUSIVE lock on
 * the parent waits at most the session's {@code lock_timeout}. A step that cannot get its locks is
 * tried again as {@link LockRetry} says; a concurrent detach interrupted half-way (by a timeout, a
 * cancel or a crash) is completed with {@code FINALIZE}.
 */
final class ChildRetirer {

  private static final Logger log = LoggerFactory.getLogger(ChildRetirer.class);

  /** What became of one child. */
  record Result(boolean retired, boolean finalized, List<String> configsRemoved) {}

  private enum State {
    ATTACHED,
    PENDING,
    GONE
  }

  private final Session session;
  private final String storeSchema;
  private final TableName parent;
  private final long parentOid;
  private final boolean concurrent;
  private final LockRetry retry;
  private final Set<TableName> pending;

  /**
   * @param pending the children whose concurrent detach was pending when the pass read the set
   */
  ChildRetirer(
      Session session,
      String storeSchema,
      TableName parent,
      long parentOid,
      boolean concurrent,
      LockRetry retry,
      Collection<TableName> pending) {
    this.session = session;
    this.storeSchema = storeSchema;
    this.parent = parent;
    this.parentOid = parentOid;
    this.concurrent = concurrent;
    this.retry = retry;
    this.pending = Set.copyOf(pending);
  }

  /**
   * Retires {@code child}. A child no longer attached to the parent (another session detached it)
   * is left alone and reported as not retired.
   */
  Result retire(
      ChildTable child, Action action, boolean keepIndex, boolean keepPublication, String schema) {
    TableName name = child.name();
    int first = 1;
    if (dropsAtOnce(child, action)) {
      first = dropAtOnce(child);
      if (first == 0) {
        return new Result(true, false, List.of());
      }
    }
    boolean publications = action != Action.DROP && !keepPublication;
    State state =
        withRetry("reading the state of " + name, () -> state(session.connection(), name));
    if (state == State.GONE) {
      log.info("Retention of {}: {} is no longer attached; left alone", parent, name);
      return new Result(false, false, List.of());
    }
    if (concurrent || state == State.PENDING) {
      if (publications) {
        inTransaction(
            name,
            "leaving its publications",
            c -> {
              leavePublications(c, child);
              return null;
            });
      }
      boolean finalized = detachOutside(name);
      List<String> configs =
          inTransaction(name, verb(action), c -> finish(c, child, action, keepIndex, schema));
      return new Result(true, finalized, configs);
    }
    List<String> configs =
        inTransaction(
            name,
            verb(action),
            first,
            c -> {
              if (state(c, name) == State.GONE) {
                return null;
              }
              if (publications) {
                leavePublications(c, child);
              }
              if (action != Action.DROP) {
                run(c, RetentionSql.detach(parent, name));
              }
              return finish(c, child, action, keepIndex, schema);
            });
    return configs == null ? new Result(false, false, List.of()) : new Result(true, false, configs);
  }

  /**
   * The statements {@link #retire} would run for {@code child} now, in order, read in the caller's
   * transaction; nothing is run or locked. Empty when the child is no longer attached.
   */
  List<String> preview(
      Connection c,
      ChildTable child,
      Action action,
      boolean keepIndex,
      boolean keepPublication,
      String schema)
      throws SQLException {
    TableName name = child.name();
    State state = state(c, name);
    if (state == State.GONE) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (action != Action.DROP && !keepPublication) {
      out.addAll(publicationDrops(c, child));
    }
    if (state == State.PENDING) {
      out.add(RetentionSql.detachFinalize(parent, name));
    } else if (concurrent) {
      out.add(RetentionSql.detachConcurrently(parent, name));
    } else if (action != Action.DROP) {
      out.add(RetentionSql.detach(parent, name));
    }
    out.addAll(finishDdl(c, child, action, keepIndex, schema));
    List<String> subSets = subSets(c, child);
    if (!subSets.isEmpty()) {
      out.add(RetentionSql.deleteConfigs(storeSchema, subSets));
    }
    return out;
  }

  /**
   * The common case of a set with a default partition and a plain drop, in one transaction of one
   * round trip instead of four (a read, then BEGIN with a read, the drop, COMMIT): see {@link
   * RetentionSql#dropAttached}. Any failure is rolled back and left to the careful way, which says
   * which statement failed (or leaves alone a child no longer attached).
   *
   * @return 0 when the child was dropped, else the attempt the careful way counts from
   */
  private int dropAtOnce(ChildTable child) {
    String what = verb(Action.DROP) + " (" + child.name() + ", retention of " + parent + ")";
    try {
      session.inOneRoundTrip(
          what, RetentionSql.dropAttached(parent, parentOid, child.name(), child.oid()));
      return 0;
    } catch (PartmanException failure) {
      log.debug("Retention of {}: {} failed at once ({})", parent, what, failure.getMessage());
      if (!LockRetry.isRetryable(failure.sqlState())) {
        return 1;
      }
      if (retry.attempts() <= 1 || !retry.pause(1)) {
        throw notGranted(what, 1, failure);
      }
      return 2;
    }
  }

  /**
   * Whether {@code child} can take the one-round-trip drop: a plain drop beside a default (no
   * concurrent detach), of a child that is not a set of its own and not half detached.
   */
  boolean dropsAtOnce(ChildTable child, Action action) {
    return action == Action.DROP
        && !concurrent
        && !child.partitioned()
        && !pending.contains(child.name());
  }

  /**
   * Drops several such children in one transaction of one round trip: the parent's ACCESS EXCLUSIVE
   * lock is taken once and held for one multi-table {@code DROP TABLE} (milliseconds for a few
   * dozen children), which is most of what dropping thousands of children one transaction each
   * costs. All or nothing: on any failure nothing is dropped and false is returned, and the caller
   * retires the children one by one, the careful way that names the failing child.
   */
  boolean dropAllAtOnce(List<ChildTable> children) {
    String what =
        verb(Action.DROP)
            + " ("
            + children.size()
            + " children of "
            + parent
            + ", from "
            + children.get(0).name()
            + ")";
    try {
      session.inOneRoundTrip(what, RetentionSql.dropAllAttached(parent, parentOid, children));
      return true;
    } catch (PartmanException failure) {
      log.debug("Retention of {}: {} failed at once ({})", parent, what, failure.getMessage());
      return false;
    }
  }

  /**
   * Completes the interrupted concurrent detach of a child retention does not otherwise want: it
   * must be finished before any other child can be detached concurrently.
   */
  void finalizePending(TableName child) {
    detachOutside(child);
  }

  /**
   * Detaches outside a transaction block: FINALIZE for a pending child, else CONCURRENTLY.
   *
   * @return whether it was a FINALIZE
   */
  private boolean detachOutside(TableName child) {
    return withRetry(
        "detaching " + child + " from " + parent,
        () -> {
          Connection c = session.connection();
          State state = state(c, child);
          if (state == State.GONE) {
            return false;
          }
          String sql =
              state == State.PENDING
                  ? RetentionSql.detachFinalize(parent, child)
                  : RetentionSql.detachConcurrently(parent, child);
          run(c, sql);
          return state == State.PENDING;
        });
  }

  /**
   * What happens once the child no longer belongs to the parent (or, for a plain drop, at once).
   */
  private List<String> finish(
      Connection c, ChildTable child, Action action, boolean keepIndex, String schema)
      throws SQLException {
    List<String> subSets = subSets(c, child);
    for (String sql : finishDdl(c, child, action, keepIndex, schema)) {
      run(c, sql);
    }
    List<String> removed = new ArrayList<>();
    if (!subSets.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(RetentionSql.deleteConfigs(storeSchema))) {
        ps.setArray(1, c.createArrayOf("text", subSets.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            removed.add(rs.getString(1));
          }
        }
      }
    }
    return removed;
  }

  /** The sets of a sub-partitioned child's tree, whose configuration leaves with it. */
  private static List<String> subSets(Connection c, ChildTable child) throws SQLException {
    List<String> subSets = new ArrayList<>();
    if (child.partitioned()) {
      try (PreparedStatement ps = c.prepareStatement(RetentionSql.SUB_PARENTS)) {
        ps.setLong(1, child.oid());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            subSets.add(rs.getString(1));
          }
        }
      }
    }
    return subSets;
  }

  /** The DDL once the child is out of the set: the drop, or the index drops and the move. */
  private static List<String> finishDdl(
      Connection c, ChildTable child, Action action, boolean keepIndex, String schema)
      throws SQLException {
    if (action == Action.DROP) {
      return List.of(RetentionSql.dropTable(child.name()));
    }
    List<String> out = new ArrayList<>();
    if (!keepIndex) {
      out.addAll(indexDrops(c, child));
    }
    if (action == Action.MOVE) {
      out.add(RetentionSql.setSchema(child.name(), schema));
    }
    return out;
  }

  /** Indexes that back a constraint leave with the constraint; the others are dropped. */
  private static List<String> indexDrops(Connection c, ChildTable child) throws SQLException {
    List<String> sqls = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(RetentionSql.INDEXES_OF)) {
      ps.setLong(1, child.oid());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String constraint = rs.getString(2);
          sqls.add(
              constraint == null
                  ? RetentionSql.dropIndex(child.name().schema(), rs.getString(1))
                  : RetentionSql.dropConstraint(child.name(), constraint));
        }
      }
    }
    return sqls;
  }

  private void leavePublications(Connection c, ChildTable child) throws SQLException {
    for (String sql : publicationDrops(c, child)) {
      run(c, sql);
    }
  }

  private static List<String> publicationDrops(Connection c, ChildTable child) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(RetentionSql.PUBLICATIONS_OF)) {
      ps.setLong(1, child.oid());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(RetentionSql.publicationDropTable(rs.getString(1), child.name()));
        }
      }
    }
    return out;
  }

  private State state(Connection c, TableName child) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(RetentionSql.CHILD_STATE)) {
      ps.setLong(1, parentOid);
      ps.setString(2, child.schema());
      ps.setString(3, child.table());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return State.GONE;
        }
        return rs.getBoolean(1) ? State.PENDING : State.ATTACHED;
      }
    }
  }

  private void run(Connection c, String sql) throws SQLException {
    log.debug("Retention of {}: {}", parent, sql);
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new StatementFailure(e, sql);
    }
  }

  private static String verb(Action action) {
    return switch (action) {
      case DROP -> "dropping it";
      case DETACH -> "detaching it";
      case MOVE -> "moving it to the retention schema";
    };
  }

  private <T> T inTransaction(TableName child, String doing, Session.SqlWork<T> work) {
    return inTransaction(child, doing, 1, work);
  }

  private <T> T inTransaction(
      TableName child, String doing, int firstAttempt, Session.SqlWork<T> work) {
    String what = doing + " (" + child + ", retention of " + parent + ")";
    return withRetry(what, firstAttempt, () -> session.inTransaction(what, work));
  }

  /** Work that may throw SQLException, run outside {@link Session#inTransaction}. */
  @FunctionalInterface
  private interface Attempt<T> {
    T run() throws SQLException;
  }

  /** Runs {@code work}, trying again after lock timeouts and deadlocks as the retry says. */
  private <T> T withRetry(String doing, Attempt<T> work) {
    return withRetry(doing, 1, work);
  }

  private <T> T withRetry(String doing, int firstAttempt, Attempt<T> work) {
    for (int attempt = firstAttempt; ; attempt++) {
      PartmanException failure;
      try {
        return work.run();
      } catch (StatementFailure e) {
        failure = SqlErrors.translate((SQLException) e.getCause(), doing, e.statement);
      } catch (SQLException e) {
        failure = SqlErrors.translate(e, doing, null);
      } catch (PartmanException e) {
        failure = unwrap(e, doing);
      }
      if (!LockRetry.isRetryable(failure.sqlState())) {
        throw failure;
      }
      if (attempt >= retry.attempts() || !retry.pause(attempt)) {
        throw notGranted(doing, attempt, failure);
      }
      log.info(
          "Retention of {}: lock not granted while {}, attempt {} of {}; retrying",
          parent,
          doing,
          attempt,
          retry.attempts());
    }
  }

  private PartmanException notGranted(String doing, int attempts, PartmanException failure) {
    return new PartmanException(
        ErrorCode.LOCK_TIMEOUT,
        "Retention of "
            + parent
            + " could not get its locks after "
            + attempts
            + " attempts while "
            + doing
            + ": "
            + failure.getMessage()
            + " Retry later (a rerun continues where this one stopped), or raise the lock"
            + " timeout or the attempts.",
        failure.sqlState(),
        failure.statement(),
        failure);
  }

  /** A statement failure that Session.inTransaction wrapped: report the statement with it. */
  private static PartmanException unwrap(PartmanException e, String doing) {
    if (e.getCause() instanceof StatementFailure f) {
      return SqlErrors.translate((SQLException) f.getCause(), doing, f.statement);
    }
    return e;
  }

  /** Carries the failed statement through Session.inTransaction. */
  private static final class StatementFailure extends SQLException {
    private static final long serialVersionUID = 1L;
    final String statement;

    StatementFailure(SQLException cause, String statement) {
      super(cause.getMessage(), cause.getSQLState(), cause);
      this.statement = statement;
    }
  }
}
