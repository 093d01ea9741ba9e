package org.partman4j.command;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.partman4j.AppliedConstraint;
import org.partman4j.ErrorCode;
import org.partman4j.MaintenanceListener;
import org.partman4j.MaintenancePlan;
import org.partman4j.MaintenanceProgress;
import org.partman4j.MaintenanceResult;
import org.partman4j.PartmanException;
import org.partman4j.RetentionOutcome;
import org.partman4j.SetMaintenancePlan;
import org.partman4j.SetMaintenanceResult;
import org.partman4j.ddl.ChildCreator;
import org.partman4j.ddl.ChildOutcome;
import org.partman4j.ddl.ChildProperties;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.TableName;
import org.partman4j.plan.PlannedChild;
import org.partman4j.plan.PremakePlanner;
import org.partman4j.plan.RetentionPlanner;
import org.partman4j.plan.RetentionPlanner.Action;
import org.partman4j.sql.MaintenanceSql;
import org.partman4j.time.PgTimestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code runMaintenance} operation, pg_partman's {@code run_maintenance} (reference §9): for
 * every set (or one named set), premake its future children, then (through the seams the retention
 * and constraint work plugs into) apply its other policies, and stamp {@code maintenance_last_run}.
 *
 * <p>Unlike pg_partman, one set's failure never stops the others: each set is worked on in its own
 * transactions (one per child made) and a failure is recorded in that set's result. Rows in the
 * default partition never block a new child: they are moved into it before it is attached. One
 * maintainer works on a database at a time, partman4j or pg_partman: a second caller returns {@link
 * MaintenanceResult.Status#ALREADY_RUNNING} at once.
 */
public final class RunMaintenance {

  private static final Logger log = LoggerFactory.getLogger(RunMaintenance.class);

  private final Sessions sessions;
  private final String schema;
  private final Instant clock;
  private final LockRetry retry;
  private final ChildCreator creator;
  private final boolean assumeReplica;

  /**
   * @param clock the fixed "now" to plan with (tests), or null for the database's {@code now()}
   */
  public RunMaintenance(Sessions sessions, String schema, Instant clock, LockRetry retry) {
    this(sessions, schema, clock, retry, false);
  }

  /** With {@code assumeReplica}, the server is treated as a replica (for tests of that path). */
  RunMaintenance(
      Sessions sessions, String schema, Instant clock, LockRetry retry, boolean assumeReplica) {
    this.sessions = sessions;
    this.schema = schema;
    this.clock = clock;
    this.retry = retry;
    this.creator = new ChildCreator(retry, new SubSetRegistrar(schema, clock, retry, null));
    this.assumeReplica = assumeReplica;
  }

  /**
   * Maintains every set with {@code automatic_maintenance = 'on'} ({@code parentTable} null), or
   * the named set whatever its {@code automatic_maintenance}.
   *
   * @throws PartmanException {@link ErrorCode#INVALID_ARGUMENT} for a malformed name, {@link
   *     ErrorCode#SET_NOT_FOUND} when the named table has no part_config row
   */
  public MaintenanceResult run(String parentTable) {
    return run(parentTable, MaintenanceListener.NONE);
  }

  /** {@link #run(String)}, telling {@code listener} after each set. */
  public MaintenanceResult run(String parentTable, MaintenanceListener listener) {
    long started = System.nanoTime();
    TableName named =
        parentTable == null ? null : InspectionErrors.parseTable("parent table", parentTable);
    try (Session session = sessions.open()) {
      Locks locks = tryLocks(session);
      try {
        if (!locks.all()) {
          return new MaintenanceResult(
              MaintenanceResult.Status.ALREADY_RUNNING,
              locks.ours()
                  ? "pg_partman's run_maintenance is running on this database; nothing was done."
                  : "Another partman4j maintenance is running on this database; nothing was done.",
              List.of(),
              since(started));
        }
        if (locks.replica() || assumeReplica) {
          return new MaintenanceResult(
              MaintenanceResult.Status.REPLICA,
              "The database is a replica (pg_is_in_recovery() is true); maintenance runs on the"
                  + " primary only, so nothing was done.",
              List.of(),
              since(started));
        }
        Install.ensureInstalled(session, schema);
        Instant now = clock != null ? clock : locks.now();
        List<SetMaintenanceResult> results = maintain(session, named, now, listener, started);
        return new MaintenanceResult(
            MaintenanceResult.Status.COMPLETED, summary(results), results, since(started));
      } finally {
        release(session, locks);
      }
    }
  }

  /**
   * The plan of {@link #run}: what it would do now to each set, and the statements, with plain
   * reads only. No maintenance or set lock is taken, so it neither waits for a running maintainer
   * nor makes one wait; nothing is changed (the store is installed if missing, as by every call).
   */
  public MaintenancePlan dryRun(String parentTable) {
    TableName named =
        parentTable == null ? null : InspectionErrors.parseTable("parent table", parentTable);
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      record Server(boolean replica, Instant now) {}
      Server server =
          Autocommit.run(
              session,
              "reading the database's time",
              c -> {
                try (PreparedStatement ps = c.prepareStatement(MaintenanceSql.RECOVERY_AND_NOW);
                    ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return new Server(rs.getBoolean(1), PgTimestamps.ofEpochMicros(rs.getLong(2)));
                }
              });
      if (server.replica() || assumeReplica) {
        return new MaintenancePlan(
            "The database is a replica (pg_is_in_recovery() is true); a run would do nothing.",
            List.of(),
            List.of());
      }
      Instant now = clock != null ? clock : server.now();
      Selected selected = prepare(session, named);
      List<SetMaintenancePlan> plans = new ArrayList<>();
      List<String> statements = new ArrayList<>();
      List<String> toStamp = new ArrayList<>();
      for (MaintainedSet m : selected.sets()) {
        SetMaintenancePlan p =
            m.error != null
                ? MaintenancePreview.failed(m.name(), m.error)
                : MaintenancePreview.of(
                    session, schema, m, selected.limits().get(m.name()), now, creator);
        plans.add(p);
        statements.addAll(p.statements());
        if (p.error() == null) {
          toStamp.add(m.name());
        }
      }
      if (!toStamp.isEmpty()) {
        statements.add(MaintenanceSql.stampLastRun(schema, toStamp));
      }
      return new MaintenancePlan(MaintenancePreview.summary(plans), plans, statements);
    }
  }

  /** The sets a run works on, read and probed, with the limits of sub-sets. */
  private record Selected(List<MaintainedSet> sets, Map<String, SubSetLimits.Range> limits) {}

  private Selected prepare(Session session, TableName named) {
    MaintenanceReader reader = new MaintenanceReader(schema);
    List<MaintainedSet> all = reader.readAll(session);
    List<MaintainedSet> selected = select(all, named);
    List<MaintainedSet> toProbe = new ArrayList<>();
    for (MaintainedSet m : selected) {
      if (m.usable() && !m.config.subPartitionSetFull() && !m.newestFirst.isEmpty()) {
        toProbe.add(m);
      } else if (m.usable() && m.newestFirst.isEmpty()) {
        m.error =
            "it has no children to extend (maintenance only adds children after the newest one);"
                + " create one with createPartition";
      }
    }
    reader.probe(session, toProbe);
    return new Selected(selected, SubSetLimits.of(all));
  }

  private List<SetMaintenanceResult> maintain(
      Session session, TableName named, Instant now, MaintenanceListener listener, long started) {
    Selected prepared = prepare(session, named);
    List<MaintainedSet> selected = prepared.sets();
    Map<String, SubSetLimits.Range> limits = prepared.limits();
    List<SetMaintenanceResult> results = new ArrayList<>();
    List<String> toStamp = new ArrayList<>();
    int created = 0;
    for (MaintainedSet m : selected) {
      if (m.error != null) {
        log.warn("Maintenance of {} skipped: {}", m.name(), m.error);
        results.add(SetWork.failed(m.name(), m.error));
        tell(listener, results, selected.size(), created, started);
        continue;
      }
      SetWork work = new SetWork(m);
      try {
        if (!m.config.subPartitionSetFull()) {
          createFutureChildren(session, m, limits.get(m.name()), now, work);
        }
        // Constraints and retention apply whatever creation found (an empty or full set too).
        work.constraints.addAll(constraintStep(session, m.set));
        RetentionOutcome retention =
            retentionMayBeDue(m, now)
                ? retentionStep(session, m.set, now)
                : RetentionOutcome.none(m.name());
        work.detached.addAll(retention.detached());
        work.dropped.addAll(retention.dropped());
        work.moved.addAll(retention.moved());
        toStamp.add(m.name());
      } catch (PartmanException | IllegalArgumentException e) {
        work.error = e.getMessage();
        log.warn("Maintenance of {} failed: {}", m.name(), e.getMessage());
      } catch (RuntimeException e) {
        // Whatever went wrong stays with this set; the next one is worked on all the same.
        work.error = "unexpected failure: " + e;
        log.warn("Maintenance of {} failed", m.name(), e);
      }
      results.add(work.result());
      created += work.created.size();
      tell(listener, results, selected.size(), created, started);
    }
    stamp(session, toStamp);
    return results;
  }

  /** Tells the listener about the set just added to {@code results}; its failures stay its own. */
  private static void tell(
      MaintenanceListener listener,
      List<SetMaintenanceResult> results,
      int setCount,
      int created,
      long started) {
    SetMaintenanceResult last = results.get(results.size() - 1);
    try {
      listener.setDone(
          new MaintenanceProgress(
              results.size(), setCount, last.parentTable(), created, since(started), last));
    } catch (RuntimeException e) {
      log.warn("The maintenance listener failed after {}", last.parentTable(), e);
    }
  }

  /** Premake: the children after the newest one that the set's premake asks for. */
  private void createFutureChildren(
      Session session, MaintainedSet m, SubSetLimits.Range limit, Instant now, SetWork work) {
    MaintenanceStep.Decision decision = MaintenanceStep.decide(session, m, limit, now);
    if (decision.outcome() == PremakePlanner.Outcome.FULL) {
      Autocommit.run(
          session,
          "marking " + m.name() + " sub_partition_set_full",
          c -> {
            try (PreparedStatement ps = c.prepareStatement(MaintenanceSql.markFull(schema))) {
              ps.setString(1, m.name());
              ps.executeUpdate();
            }
            return null;
          });
    } else if (!decision.children().isEmpty()) {
      createChildren(session, m, decision.children(), work);
    }
  }

  private void createChildren(
      Session session, MaintainedSet m, List<PlannedChild> children, SetWork work) {
    TableName parent = m.set.name();
    TableName moveFrom = m.moveFrom();
    SetLocks.withSetLock(
        session,
        parent.toString(),
        () -> {
          ChildProperties properties = SetChildPlanning.childProperties(session, parent, m.config);
          creator.createAll(
              session,
              properties,
              children.stream().map(PlannedChild::child).toList(),
              moveFrom,
              m.config.control(),
              r -> {
                if (r.outcome() == ChildOutcome.CREATED) {
                  work.created.add(r.table().table());
                  work.rowsMoved += r.rowsMoved();
                }
              });
          return null;
        });
  }

  /**
   * Retention (§10) of one set after its children were made: the set's configured policy, under the
   * set lock the caller holds. It reads the set's children again itself.
   */
  RetentionOutcome retentionStep(Session session, SetSnapshot set, Instant now) {
    return Retention.apply(session, schema, set, now, retry);
  }

  /**
   * Whether retention may have a child to retire, judged from what maintenance already read (the
   * children's bounds and the newest data), so that a steady state costs no query per set. When it
   * cannot tell, it answers yes and {@link Retention#apply} decides.
   */
  static boolean retentionMayBeDue(MaintainedSet m, Instant now) {
    SetSnapshot set = m.set;
    if (m.config.retention() == null) {
      return false;
    }
    if (set == null || m.newestFirst.isEmpty()) {
      return true;
    }
    try {
      RetentionPlanner.Plan plan;
      if (SetChildPlanning.isTimeBased(set)) {
        Instant cutoff =
            RetentionPlanner.cutoff(now, RetentionReads.timeRetention(set), set.zone());
        plan = RetentionPlanner.byTime(m.newestFirst, set.bounds().kind(), cutoff, Action.DROP);
      } else {
        if (m.dataMax == null) {
          return true;
        }
        plan =
            RetentionPlanner.byId(
                m.newestFirst,
                new BigDecimal(m.dataMax),
                RetentionReads.idRetention(set),
                Action.DROP);
      }
      return !plan.retire().isEmpty();
    } catch (RuntimeException e) {
      return true; // Retention.apply reports the problem in its own words
    }
  }

  /**
   * Constraint exclusion (§11) of one set after its children were made: the constraints added to
   * the child {@code optimize_constraint} below the newest child holding data. Called once per set;
   * pg_partman calls it once per new child, to the same effect, since the target only moves when
   * newer data arrives.
   */
  List<String> constraintStep(Session session, SetSnapshot set) {
    return Constraints.applyStep(session, schema, set, retry).stream()
        .map(AppliedConstraint::constraint)
        .toList();
  }

  private List<MaintainedSet> select(List<MaintainedSet> all, TableName named) {
    List<MaintainedSet> out = new ArrayList<>();
    boolean found = false;
    for (MaintainedSet m : all) {
      boolean isNamed = named != null && named.toString().equals(m.name());
      found |= isNamed;
      if (m.config.undoInProgress()) {
        log.info("Maintenance of {} skipped: undo_in_progress", m.name());
        continue;
      }
      if (named == null ? "on".equals(m.config.automaticMaintenance()) : isNamed) {
        out.add(m);
      }
    }
    if (named != null && !found) {
      throw new PartmanException(
          ErrorCode.SET_NOT_FOUND,
          "No part_config row in schema "
              + schema
              + " names "
              + named
              + ", so there is nothing to maintain. Check the name (schema.table, as in the"
              + " catalog), or register the table with createParent.");
    }
    out.sort(
        Comparator.comparing(
                (MaintainedSet m) -> m.config.maintenanceOrder(),
                Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
            .thenComparing(MaintainedSet::name));
    return out;
  }

  private void stamp(Session session, List<String> names) {
    if (names.isEmpty()) {
      return;
    }
    Autocommit.run(
        session,
        "stamping maintenance_last_run",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(MaintenanceSql.stampLastRun(schema))) {
            ps.setArray(1, c.createArrayOf("text", names.toArray()));
            ps.executeUpdate();
          }
          return null;
        });
  }

  private record Locks(
      boolean ours, boolean pgPartman, boolean pgPartmanProc, boolean replica, Instant now) {
    boolean all() {
      return ours && pgPartman && pgPartmanProc;
    }
  }

  private static Locks tryLocks(Session session) {
    return Autocommit.run(
        session,
        "taking the maintenance lock",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(MaintenanceSql.TRY_LOCKS)) {
            ps.setString(1, MaintenanceSql.LOCK_PURPOSE);
            ps.setString(2, MaintenanceSql.LOCK_SUBJECT);
            ps.setString(3, MaintenanceSql.PG_PARTMAN_KEYS.get(0));
            ps.setString(4, MaintenanceSql.PG_PARTMAN_KEYS.get(1));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new Locks(
                  rs.getBoolean(1),
                  rs.getBoolean(2),
                  rs.getBoolean(3),
                  rs.getBoolean(4),
                  PgTimestamps.ofEpochMicros(rs.getLong(5)));
            }
          }
        });
  }

  private static void release(Session session, Locks locks) {
    if (!locks.ours() && !locks.pgPartman() && !locks.pgPartmanProc()) {
      return;
    }
    try {
      Autocommit.run(
          session,
          "releasing the maintenance lock",
          c -> {
            try (PreparedStatement ps = c.prepareStatement(MaintenanceSql.RELEASE_LOCKS)) {
              ps.setBoolean(1, locks.ours());
              ps.setString(2, MaintenanceSql.LOCK_PURPOSE);
              ps.setString(3, MaintenanceSql.LOCK_SUBJECT);
              ps.setBoolean(4, locks.pgPartman());
              ps.setString(5, MaintenanceSql.PG_PARTMAN_KEYS.get(0));
              ps.setBoolean(6, locks.pgPartmanProc());
              ps.setString(7, MaintenanceSql.PG_PARTMAN_KEYS.get(1));
              ps.execute();
            }
            return null;
          });
    } catch (PartmanException e) {
      // The locks end with the session; a pool must then discard the broken connection.
      log.warn("Could not release the maintenance lock: {}", e.getMessage());
    }
  }

  private static String summary(List<SetMaintenanceResult> results) {
    int created = 0;
    long moved = 0;
    List<String> failed = new ArrayList<>();
    for (SetMaintenanceResult r : results) {
      created += r.childrenCreated().size();
      moved += r.rowsMovedFromDefault();
      if (r.failed()) {
        failed.add(r.parentTable());
      }
    }
    String text =
        results.size()
            + (results.size() == 1 ? " set" : " sets")
            + " maintained: "
            + created
            + " children created, "
            + moved
            + " rows moved out of default partitions";
    if (!failed.isEmpty()) {
      text += "; failed: " + String.join(", ", failed) + " (see each set's error)";
    }
    return text + ".";
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /** What is being done to one set, kept as it goes so that a failure still reports it. */
  static final class SetWork {
    final String parentTable;
    final List<String> created = new ArrayList<>();
    final List<String> detached = new ArrayList<>();
    final List<String> dropped = new ArrayList<>();
    final List<String> moved = new ArrayList<>();
    final List<String> constraints = new ArrayList<>();
    long rowsMoved;
    String error;

    SetWork(MaintainedSet m) {
      this.parentTable = m.name();
    }

    static SetMaintenanceResult failed(String parentTable, String error) {
      return new SetMaintenanceResult(
          parentTable, List.of(), 0, List.of(), List.of(), List.of(), List.of(), error);
    }

    SetMaintenanceResult result() {
      return new SetMaintenanceResult(
          parentTable, created, rowsMoved, detached, dropped, moved, constraints, error);
    }
  }
}
