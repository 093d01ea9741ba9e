package org.partman4j.ddl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.catalog.PartitionBound;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Session;
import org.partman4j.model.TableName;
import org.partman4j.plan.NewChild;
import org.partman4j.sql.DdlSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes children of a partition set, each in its own short transaction: the name is checked, then
 * CREATE, template properties, ATTACH and the rest run together, so a child is either made whole or
 * not at all. A transaction that cannot get its locks within the session's {@code lock_timeout} (or
 * deadlocks) is rolled back and tried again after a pause, as {@link LockRetry} says.
 *
 * <p>A child whose name is taken by the very child wanted (attached to this parent with this bound)
 * is reported as {@link ChildOutcome#EXISTED}, so an interrupted run can simply be repeated. Any
 * other holder of the name is a {@link ErrorCode#NAME_COLLISION}: unlike pg_partman, which skips
 * such a child silently and leaves a gap, nothing is made and the caller is told.
 */
public final class ChildCreator {

  private static final Logger log = LoggerFactory.getLogger(ChildCreator.class);

  private static final String CHILD_INDEX =
      """
      SELECT ic.relname
        FROM pg_inherits ih
        JOIN pg_index ci ON ci.indexrelid = ih.inhrelid
        JOIN pg_class ic ON ic.oid = ci.indexrelid
        JOIN pg_class t ON t.oid = ci.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE ih.inhparent = ? AND n.nspname = ? AND t.relname = ?
      """;

  private static final String RELATION_OID =
      "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = ? AND c.relname = ?";

  private static final String NAMES_TAKEN =
      "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = ? AND c.relname = ANY (?::text[])";

  private static final String WRITABLE_COLUMNS =
      "SELECT attname FROM pg_catalog.pg_attribute WHERE attrelid = ? AND attnum > 0"
          + " AND NOT attisdropped AND attgenerated = '' ORDER BY attnum";

  private final LockRetry retry;
  private final SubSets subSets;

  public ChildCreator(LockRetry retry) {
    this(retry, SubSets.NONE);
  }

  /**
   * A creator that makes the children of sub-partitioned sets partitioned themselves and has {@code
   * subSets} register them.
   */
  public ChildCreator(LockRetry retry, SubSets subSets) {
    this.retry = Objects.requireNonNull(retry, "retry");
    this.subSets = Objects.requireNonNull(subSets, "subSets");
  }

  /** With {@link LockRetry#DEFAULT}. */
  public ChildCreator() {
    this(LockRetry.DEFAULT);
  }

  /**
   * Makes the children in order, one transaction each. Stops at the first failure; the children
   * made before it stay, and a rerun reports them as existing.
   *
   * @throws PartmanException {@link ErrorCode#NAME_COLLISION}, {@link ErrorCode#LOCK_TIMEOUT},
   *     {@link ErrorCode#PARTITION_CONFLICT}, or what the database reported
   */
  public List<ChildResult> create(Session session, ChildProperties p, List<NewChild> children) {
    List<ChildResult> out = new ArrayList<>(children.size());
    for (NewChild child : children) {
      out.add(create(session, p, child));
    }
    return out;
  }

  /** Makes one child (or finds it made); see {@link #create(Session, ChildProperties, List)}. */
  public ChildResult create(Session session, ChildProperties p, NewChild child) {
    return create(session, p, child, null, null);
  }

  /**
   * Makes one child as {@link #create(Session, ChildProperties, NewChild)} does; when {@code
   * defaultPartition} is given, the rows of the child's range are moved out of it into the new
   * child before the ATTACH, in the same transaction (so rows in the default never stop a child
   * from being made, and a failure moves nothing).
   *
   * @param control the partition key column, needed when rows move
   */
  public ChildResult create(
      Session session,
      ChildProperties p,
      NewChild child,
      TableName defaultPartition,
      String control) {
    return careful(session, p, child, defaultPartition, control, 1);
  }

  /**
   * Makes the children of one set in order, each as {@link #create(Session, ChildProperties,
   * NewChild, TableName, String)} does, but with what is the same for all of them read once (the
   * sub-partition key, which of the names are taken). A child whose name is free is then made in
   * one transaction of one round trip (BEGIN, its statements and COMMIT sent together; two or more
   * when a step must read what the ones before it did). Anything unusual (a taken name, a failure
   * in the batch) goes the careful way, one statement at a time, which attributes the error to its
   * statement and retries as usual.
   *
   * @param made told of each child as soon as it is made, so that a later failure keeps the record
   * @throws PartmanException as {@link #create(Session, ChildProperties, List)}; the children made
   *     before the failure stay
   */
  public List<ChildResult> createAll(
      Session session,
      ChildProperties p,
      List<NewChild> children,
      TableName defaultPartition,
      String control,
      Consumer<ChildResult> made) {
    if (children.isEmpty()) {
      return List.of();
    }
    SetFacts facts =
        session.inTransaction(
            "reading what the new children of " + p.parent() + " need",
            c -> SetFacts.read(c, subSets, p, children));
    List<ChildResult> out = new ArrayList<>(children.size());
    for (NewChild child : children) {
      ChildResult r =
          child.isDefault() || facts.taken().contains(child.table().table())
              ? careful(session, p, child, defaultPartition, control, 1)
              : batched(session, facts, child, defaultPartition, control);
      made.accept(r);
      out.add(r);
    }
    return out;
  }

  /** One child in one round trip (or a few); the careful way when that fails. */
  private ChildResult batched(
      Session session, SetFacts facts, NewChild child, TableName defaultPartition, String control) {
    ChildProperties p = facts.properties();
    String doing = "creating child " + child.table() + " of " + p.parent();
    List<String> ran;
    try {
      List<String> plain = plainStatements(p, child, defaultPartition, control);
      if (plain != null) {
        session.inOneRoundTrip(doing, plain);
        ran = plain;
      } else {
        ran = session.inTransaction(doing, c -> runBatched(c, p, child, defaultPartition, control));
      }
    } catch (PartmanException e) {
      // Rolled back. The batch does not say which of its statements failed, nor whether the name
      // was taken meanwhile, nor whether rows of the range sat in the default: the careful way
      // finds out (and moves such rows), after a pause when it was about locks.
      log.debug(
          "Child {} of {}: batch failed ({}); going statement by statement",
          child.table(),
          p.parent(),
          e.getMessage());
      if (!LockRetry.isRetryable(e.sqlState())) {
        return careful(session, p, child, defaultPartition, control, 1);
      }
      if (retry.attempts() <= 1 || !retry.pause(1)) {
        throw ChildErrors.lockTimeout(p.parent(), child, 1, e.statement(), e);
      }
      return careful(session, p, child, defaultPartition, control, 2);
    }
    log.info("Child {} of {}: created", child.table(), p.parent());
    if (p.subPartitionKey() != null) {
      subSets.afterChild(session, p.parent(), child.table());
    }
    return new ChildResult(child.table(), ChildOutcome.CREATED, ran, 1, 0);
  }

  /**
   * The child's statements when none of its steps must read what the ones before it did (the usual
   * case), else null. The move out of the default is left out, as in {@link #runBatched}.
   */
  private static List<String> plainStatements(
      ChildProperties p, NewChild child, TableName defaultPartition, String control) {
    List<String> out = new ArrayList<>();
    for (Step step : ChildStatements.steps(p, child, defaultPartition, control)) {
      if (step instanceof Step.Run r) {
        out.add(r.sql());
      } else if (!(step instanceof Step.MoveRows)) {
        return null;
      }
    }
    return out;
  }

  /**
   * Runs the child's steps, consecutive statements sent together; a step that must read what the
   * statements before it did (privileges, replica identity index) sends those first.
   *
   * <p>The move out of the default is left out: its range is almost always empty there, and when it
   * is not, the ATTACH fails (PostgreSQL checks the default under its lock), everything is rolled
   * back, and the careful way moves the rows.
   */
  private static List<String> runBatched(
      Connection c, ChildProperties p, NewChild child, TableName defaultPartition, String control)
      throws SQLException {
    List<String> ran = new ArrayList<>();
    List<String> batch = new ArrayList<>();
    for (Step step : ChildStatements.steps(p, child, defaultPartition, control)) {
      if (step instanceof Step.Run r) {
        batch.add(r.sql());
      } else if (!(step instanceof Step.MoveRows)) {
        send(c, batch, ran);
        batch.addAll(render(c, p, step));
      }
    }
    send(c, batch, ran);
    return ran;
  }

  /** Sends the statements as one batch (one round trip) and empties it. */
  private static void send(Connection c, List<String> batch, List<String> ran) throws SQLException {
    if (batch.isEmpty()) {
      return;
    }
    String sql = String.join(";\n", batch);
    log.debug("Batch: {}", sql);
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
    ran.addAll(batch);
    batch.clear();
  }

  /** The careful way: the name checked, then one statement at a time, with retries. */
  private ChildResult careful(
      Session session,
      ChildProperties p,
      NewChild child,
      TableName defaultPartition,
      String control,
      int firstAttempt) {
    String doing = "creating child " + child.table() + " of " + p.parent();
    for (int attempt = firstAttempt; ; attempt++) {
      Throwable failure;
      String statement;
      try {
        int n = attempt;
        boolean[] partitioned = new boolean[1];
        ChildResult r =
            session.inTransaction(
                doing,
                c -> {
                  SubPartitionKey key = child.isDefault() ? null : subSets.keyFor(c, p.parent());
                  partitioned[0] = key != null;
                  return once(
                      c,
                      key == null ? p : p.withSubPartitionKey(key),
                      child,
                      n,
                      defaultPartition,
                      control);
                });
        if (r.outcome() == ChildOutcome.CREATED) {
          log.info("Child {} of {}: created", child.table(), p.parent());
        } else {
          log.debug("Child {} of {}: exists already", child.table(), p.parent());
        }
        if (partitioned[0]) {
          // Its own set and children, each in transactions of their own (a bounded lock count).
          subSets.afterChild(session, p.parent(), child.table());
        }
        return r;
      } catch (LockConflict e) {
        failure = e.getCause();
        statement = e.statement;
      } catch (PartmanException e) {
        // A lock failure the session translated (at COMMIT, say) is retried the same way.
        if (!LockRetry.isRetryable(e.sqlState())) {
          throw e;
        }
        failure = e;
        statement = e.statement();
      }
      if (attempt >= retry.attempts() || !retry.pause(attempt)) {
        throw ChildErrors.lockTimeout(p.parent(), child, attempt, statement, failure);
      }
      log.info(
          "Child {} of {}: lock not granted ({}), attempt {} of {}; retrying",
          child.table(),
          p.parent(),
          failure.getMessage(),
          attempt,
          retry.attempts());
    }
  }

  /**
   * Makes one child in the caller's transaction, without retries or sub-set registration: for work
   * that must be atomic with other statements (replacing a child by a partitioned one). A lock
   * failure is thrown as the SQLException, for the caller to roll back and retry.
   */
  public ChildResult createInTransaction(Connection c, ChildProperties p, NewChild child)
      throws SQLException {
    try {
      return once(c, p, child, 1, null, null);
    } catch (LockConflict e) {
      throw (SQLException) e.getCause();
    }
  }

  /**
   * What {@link #create} would do, without changing anything: each child is looked up (existing
   * ones are reported, collisions thrown) and the statements of the others are rendered, the
   * privilege statements against the grants a new table would get and the replica identity index
   * marked as a placeholder.
   */
  public List<ChildResult> dryRun(Session session, ChildProperties p, List<NewChild> children) {
    return dryRun(session, p, children, null, null);
  }

  /**
   * {@link #dryRun(Session, ChildProperties, List)} of {@link #create(Session, ChildProperties,
   * NewChild, TableName, String)}: with {@code defaultPartition}, each new child's statements
   * include the move of its rows out of the default.
   */
  public List<ChildResult> dryRun(
      Session session,
      ChildProperties p,
      List<NewChild> children,
      TableName defaultPartition,
      String control) {
    return session.inTransaction(
        "checking the children of " + p.parent(),
        c -> {
          List<ChildResult> out = new ArrayList<>(children.size());
          SubPartitionKey key = subSets.keyFor(c, p.parent());
          ChildProperties props = key == null ? p : p.withSubPartitionKey(key);
          List<String> columns =
              defaultPartition == null ? List.of() : writableColumns(c, p.parentOid());
          for (NewChild child : children) {
            ExistingRelation existing = ExistingRelation.find(c, child.table());
            if (existing == null) {
              out.add(
                  new ChildResult(
                      child.table(),
                      ChildOutcome.WOULD_CREATE,
                      ChildStatements.preview(props, child, defaultPartition, control, columns),
                      0));
            } else if (isThisChild(c, p, child, existing)) {
              out.add(new ChildResult(child.table(), ChildOutcome.EXISTED, List.of(), 0));
            } else {
              throw ChildErrors.collision(p.parent(), child, existing);
            }
          }
          return out;
        });
  }

  private ChildResult once(
      Connection c,
      ChildProperties p,
      NewChild child,
      int attempt,
      TableName defaultPartition,
      String control) {
    List<String> ran = new ArrayList<>();
    String current = null;
    long moved = 0;
    try {
      ExistingRelation existing = ExistingRelation.find(c, child.table());
      if (existing != null) {
        if (isThisChild(c, p, child, existing)) {
          return new ChildResult(child.table(), ChildOutcome.EXISTED, List.of(), attempt);
        }
        throw ChildErrors.collision(p.parent(), child, existing);
      }
      for (Step step : ChildStatements.steps(p, child, defaultPartition, control)) {
        if (step instanceof Step.MoveRows m) {
          current = DdlSql.lockExclusive(m.defaultPartition());
          try (Statement st = c.createStatement()) {
            st.execute(current);
          }
          ran.add(current);
          current = ChildStatements.moveRows(p, m, child, writableColumns(c, p.parentOid()));
          try (Statement st = c.createStatement()) {
            moved = st.executeUpdate(current);
          }
          ran.add(current);
          current = null;
          continue;
        }
        List<String> sqls = render(c, p, step);
        for (String sql : sqls) {
          current = sql;
          log.debug("Child {} of {}: {}", child.table(), p.parent(), sql);
          try (Statement st = c.createStatement()) {
            st.execute(sql);
          }
          ran.add(sql);
        }
        current = null;
      }
      if (moved > 0) {
        log.info(
            "Child {} of {}: {} rows moved from the default", child.table(), p.parent(), moved);
      }
      return new ChildResult(child.table(), ChildOutcome.CREATED, ran, attempt, moved);
    } catch (SQLException e) {
      String state = e.getSQLState();
      // Another session made the same name between our check and CREATE: look again.
      boolean raced = "42P07".equals(state) && ran.isEmpty();
      if (LockRetry.isRetryable(state) || raced) {
        throw new LockConflict(e, current);
      }
      throw ChildErrors.statementFailed(e, p.parent(), child, current);
    }
  }

  /** The SQL of one step, reading what the step depends on in this transaction. */
  private static List<String> render(Connection c, ChildProperties p, Step step)
      throws SQLException {
    if (step instanceof Step.Run r) {
      return List.of(r.sql());
    }
    if (step instanceof Step.ApplyPrivileges a) {
      long oid = oid(c, a.child());
      return ChildStatements.privileges(p, a.child(), ChildPropertiesReader.privileges(c, oid));
    }
    Step.ReplicaIdentityIndex ri = (Step.ReplicaIdentityIndex) step;
    try (PreparedStatement ps = c.prepareStatement(CHILD_INDEX)) {
      ps.setLong(1, ri.parentIndexOid());
      ps.setString(2, ri.child().schema());
      ps.setString(3, ri.child().table());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new PartmanException(
              ErrorCode.DATABASE_ERROR,
              "After attaching "
                  + ri.child()
                  + ", it has no index attached to "
                  + p.parent()
                  + "'s replica identity index "
                  + ri.parentIndexName()
                  + ", so its replica identity cannot be set; the child was not created.");
        }
        return List.of(DdlSql.replicaIdentityUsingIndex(ri.child(), rs.getString(1)));
      }
    }
  }

  /** The parent's columns in order, without dropped and generated ones (which cannot be set). */
  private static List<String> writableColumns(Connection c, long parentOid) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(WRITABLE_COLUMNS)) {
      ps.setLong(1, parentOid);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  private static long oid(Connection c, TableName t) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(RELATION_OID)) {
      ps.setString(1, t.schema());
      ps.setString(2, t.table());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("relation " + t + " vanished", "42P01");
        }
        return rs.getLong(1);
      }
    }
  }

  /** Whether {@code existing} is the child wanted: attached to this parent with this bound. */
  private static boolean isThisChild(
      Connection c, ChildProperties p, NewChild child, ExistingRelation existing)
      throws SQLException {
    if (existing.parentOid() != p.parentOid()) {
      return false;
    }
    PartitionBound have = existing.bound();
    PartitionBound want = child.bound();
    if (have.equals(want)) {
      return true;
    }
    List<String> pairs = new ArrayList<>();
    if (have instanceof PartitionBound.Range h && want instanceof PartitionBound.Range w) {
      if ((h.lower() == null) != (w.lower() == null)
          || (h.upper() == null) != (w.upper() == null)) {
        return false;
      }
      if (h.lower() != null) {
        pairs.addAll(List.of(h.lower(), w.lower()));
      }
      if (h.upper() != null) {
        pairs.addAll(List.of(h.upper(), w.upper()));
      }
    } else if (have instanceof PartitionBound.ListValues h
        && want instanceof PartitionBound.ListValues w
        && h.values().size() == w.values().size()) {
      for (int i = 0; i < h.values().size(); i++) {
        pairs.add(h.values().get(i));
        pairs.add(w.values().get(i));
      }
    } else {
      return false;
    }
    if (pairs.isEmpty()) {
      return true;
    }
    // The same value may print differently from how the planner wrote it (zone offset, 1.0 vs 1).
    try (PreparedStatement ps =
        c.prepareStatement(
            DdlSql.sameValues(p.keyTypeSchema(), p.keyTypeName(), pairs.size() / 2))) {
      for (int i = 0; i < pairs.size(); i++) {
        ps.setString(i + 1, pairs.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /**
   * What all the new children of one set share, read once in one transaction.
   *
   * @param properties with the sub-partition key, when the set's children are partitioned
   * @param taken the names among the children's that some relation holds already
   */
  private record SetFacts(ChildProperties properties, Set<String> taken) {

    static SetFacts read(Connection c, SubSets subSets, ChildProperties p, List<NewChild> children)
        throws SQLException {
      SubPartitionKey key = subSets.keyFor(c, p.parent());
      Set<String> taken = new java.util.HashSet<>();
      try (PreparedStatement ps = c.prepareStatement(NAMES_TAKEN)) {
        ps.setString(1, p.parent().schema());
        ps.setArray(
            2, c.createArrayOf("text", children.stream().map(ch -> ch.table().table()).toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            taken.add(rs.getString(1));
          }
        }
      }
      return new SetFacts(key == null ? p : p.withSubPartitionKey(key), taken);
    }
  }

  /** A lock timeout or deadlock inside the transaction: roll back and try again. */
  private static final class LockConflict extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String statement;

    LockConflict(SQLException cause, String statement) {
      super(cause.getMessage(), cause, false, false);
      this.statement = statement;
    }
  }
}
