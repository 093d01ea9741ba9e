package org.partman4j.command;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.RetentionOutcome;
import org.partman4j.catalog.ChildTable;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.SetConfig;
import org.partman4j.model.SetConfigBuilder;
import org.partman4j.model.TableName;
import org.partman4j.plan.DecodedChild;
import org.partman4j.plan.RetentionPlanner;
import org.partman4j.plan.RetentionPlanner.Action;
import org.partman4j.sql.RetentionSql;
import org.partman4j.time.PgInterval;
import org.partman4j.time.PgTimestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention (pg_partman's {@code drop_partition_time} and {@code drop_partition_id}): the children
 * a set's policy retires are dropped, detached, or detached and moved to another schema, oldest
 * first, one child at a time ({@link ChildRetirer}); which ones is decided by {@link
 * RetentionPlanner}.
 */
public final class Retention {

  /**
   * Children dropped per transaction on the plain path: the parent stays locked for one multi-table
   * DROP of this many (a few milliseconds), far below the writer-stall goal.
   */
  public static final int DROP_GROUP = 20;

  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  private final Sessions sessions;
  private final String schema;
  private final LockRetry retry;
  private final Instant clock;

  /**
   * @param clock the fixed "now" for a call without a reference time (tests), or null for the
   *     database's {@code now()}
   */
  public Retention(Sessions sessions, String schema, LockRetry retry, Instant clock) {
    this.sessions = sessions;
    this.schema = schema;
    this.retry = retry;
    this.clock = clock;
  }

  /**
   * Applies a set's configured retention. The caller holds the set's lock ({@link SetLocks}) and
   * read the set; a set without {@code retention} is left alone.
   *
   * @param now the reference time of a time-based set's policy
   */
  static RetentionOutcome apply(
      Session session, String storeSchema, SetSnapshot set, Instant now, LockRetry retry) {
    SetConfig config = set.config();
    String parentName = set.name().toString();
    if (config.retention() == null) {
      return RetentionOutcome.none(parentName);
    }
    Instant reference = PgTimestamps.requireValid(now.truncatedTo(ChronoUnit.MICROS));
    RetentionReads.Work work =
        session.inTransaction(
            "planning the retention of " + parentName,
            c -> RetentionReads.read(c, storeSchema, set, reference));
    RetentionPlanner.Plan plan = work.plan();
    ChildRetirer retirer =
        new ChildRetirer(
            session,
            storeSchema,
            set.name(),
            work.parent().oid(),
            work.concurrent(),
            retry,
            work.pending());
    List<String> finalized = new ArrayList<>();
    for (TableName pending : unplannedPending(work)) {
      retirer.finalizePending(pending);
      finalized.add(pending.table());
    }
    List<String> done = new ArrayList<>();
    List<String> configs = new ArrayList<>();
    List<DecodedChild> toRetire = plan.retire();
    for (int i = 0; i < toRetire.size(); i++) {
      DecodedChild d = toRetire.get(i);
      // Plain drops beside a default go several children per transaction (see dropAllAtOnce);
      // a group that fails falls through to one child at a time below.
      List<ChildTable> group = new ArrayList<>();
      for (int j = i; j < toRetire.size() && group.size() < DROP_GROUP; j++) {
        ChildTable c = toRetire.get(j).child();
        if (!retirer.dropsAtOnce(c, plan.action())) {
          break;
        }
        group.add(c);
      }
      if (group.size() > 1 && retirer.dropAllAtOnce(group)) {
        group.forEach(c -> done.add(c.name().table()));
        i += group.size() - 1;
        continue;
      }
      ChildRetirer.Result r;
      try {
        r =
            retirer.retire(
                d.child(),
                plan.action(),
                config.retentionKeepIndex(),
                config.retentionKeepPublication(),
                config.retentionSchema());
      } catch (PartmanException e) {
        throw stopped(e, set.name(), d.child().name(), done);
      }
      if (r.retired()) {
        done.add(d.child().name().table());
        configs.addAll(r.configsRemoved());
      }
      if (r.finalized()) {
        finalized.add(d.child().name().table());
      }
    }
    if (plan.keptLast() != null) {
      log.warn(
          "Retention of {}: {} is past retention but is the set's last child; kept",
          parentName,
          plan.keptLast().child().name());
    }
    log.info(
        "Retention of {}: {} children {}", parentName, done.size(), verb(plan.action()).trim());
    boolean move = plan.action() == Action.MOVE;
    return new RetentionOutcome(
        parentName,
        plan.action() == Action.DROP ? done : List.of(),
        plan.action() == Action.DETACH ? done : List.of(),
        move ? done : List.of(),
        move ? config.retentionSchema() : null,
        finalized,
        configs,
        plan.keptLast() == null ? null : plan.keptLast().child().name().table(),
        work.concurrent());
  }

  /** What a dry run of retention found: the children it would retire and the statements. */
  record Preview(List<String> children, List<String> statements) {
    static final Preview NONE = new Preview(List.of(), List.of());
  }

  /**
   * The statements {@link #apply} would run now, in order, read in one transaction of plain reads:
   * nothing is locked beyond what reading takes, and nothing changes.
   */
  static Preview preview(Session session, String storeSchema, SetSnapshot set, Instant now) {
    SetConfig config = set.config();
    if (config.retention() == null) {
      return Preview.NONE;
    }
    Instant reference = PgTimestamps.requireValid(now.truncatedTo(ChronoUnit.MICROS));
    return session.inTransaction(
        "planning the retention of " + set.name(),
        c -> {
          RetentionReads.Work work = RetentionReads.read(c, storeSchema, set, reference);
          ChildRetirer retirer =
              new ChildRetirer(
                  session,
                  storeSchema,
                  set.name(),
                  work.parent().oid(),
                  work.concurrent(),
                  LockRetry.DEFAULT,
                  work.pending());
          List<String> statements = new ArrayList<>();
          for (TableName pending : unplannedPending(work)) {
            statements.add(RetentionSql.detachFinalize(set.name(), pending));
          }
          List<String> children = new ArrayList<>();
          for (DecodedChild d : work.plan().retire()) {
            List<String> sqls =
                retirer.preview(
                    c,
                    d.child(),
                    work.plan().action(),
                    config.retentionKeepIndex(),
                    config.retentionKeepPublication(),
                    config.retentionSchema());
            if (!sqls.isEmpty()) {
              children.add(d.child().name().table());
              statements.addAll(sqls);
            }
          }
          return new Preview(children, statements);
        });
  }

  /**
   * Children whose concurrent detach was interrupted and that the plan does not retire: they are
   * finalized first, since no other child can be detached concurrently before.
   */
  private static List<TableName> unplannedPending(RetentionReads.Work work) {
    List<TableName> planned =
        work.plan().retire().stream().map(DecodedChild::child).map(ChildTable::name).toList();
    return work.pending().stream().filter(p -> !planned.contains(p)).toList();
  }

  /** pg_partman's {@code drop_partition_time}: see {@code Partman.dropPartitionTime}. */
  public RetentionOutcome dropTime(
      String parentTable,
      String retention,
      Instant reference,
      Boolean keepTable,
      Boolean keepIndex,
      String retentionSchema) {
    Overrides o = timeOverrides(retention, keepTable, keepIndex, retentionSchema);
    return run(parentTable, true, o, reference, true, this::applyTo);
  }

  /**
   * The statements {@link #dropTime} would run now, in order, changing nothing and taking no lock
   * but what plain reads take.
   */
  public List<String> dropTimeDryRun(
      String parentTable,
      String retention,
      Instant reference,
      Boolean keepTable,
      Boolean keepIndex,
      String retentionSchema) {
    Overrides o = timeOverrides(retention, keepTable, keepIndex, retentionSchema);
    return run(parentTable, true, o, reference, false, this::statementsFor);
  }

  private RetentionOutcome applyTo(Session session, SetSnapshot set, Instant reference) {
    return apply(session, schema, set, reference, retry);
  }

  private List<String> statementsFor(Session session, SetSnapshot set, Instant reference) {
    return preview(session, schema, set, reference).statements();
  }

  private static Overrides timeOverrides(
      String retention, Boolean keepTable, Boolean keepIndex, String retentionSchema) {
    if (retention != null) {
      try {
        if (PgInterval.parse(retention).compareTo(PgInterval.ZERO) < 0) {
          throw new IllegalArgumentException("it is negative");
        }
      } catch (IllegalArgumentException e) {
        throw new PartmanException(
            ErrorCode.INVALID_ARGUMENT,
            "The retention '"
                + retention
                + "' is not an interval of zero or more ("
                + e.getMessage()
                + "); give e.g. '30 days'.",
            e);
      }
    }
    return new Overrides(retention, keepTable, keepIndex, retentionSchema);
  }

  /** pg_partman's {@code drop_partition_id}: see {@code Partman.dropPartitionId}. */
  public RetentionOutcome dropId(
      String parentTable,
      Long retention,
      Boolean keepTable,
      Boolean keepIndex,
      String retentionSchema) {
    Overrides o = idOverrides(retention, keepTable, keepIndex, retentionSchema);
    return run(parentTable, false, o, null, true, this::applyTo);
  }

  /**
   * The statements {@link #dropId} would run now, in order, changing nothing and taking no lock but
   * what plain reads take.
   */
  public List<String> dropIdDryRun(
      String parentTable,
      Long retention,
      Boolean keepTable,
      Boolean keepIndex,
      String retentionSchema) {
    Overrides o = idOverrides(retention, keepTable, keepIndex, retentionSchema);
    return run(parentTable, false, o, null, false, this::statementsFor);
  }

  private static Overrides idOverrides(
      Long retention, Boolean keepTable, Boolean keepIndex, String retentionSchema) {
    if (retention != null && retention < 0) {
      throw new PartmanException(
          ErrorCode.INVALID_ARGUMENT,
          "The retention "
              + retention
              + " is negative; give the number of ids to keep, e.g. 1000.");
    }
    return new Overrides(
        retention == null ? null : retention.toString(), keepTable, keepIndex, retentionSchema);
  }

  /** The arguments of a call that replace the set's configuration for that call. */
  private record Overrides(
      String retention, Boolean keepTable, Boolean keepIndex, String retentionSchema) {}

  /** What a call does with the set once it is read and its configuration overridden. */
  @FunctionalInterface
  private interface Work<T> {
    T on(Session session, SetSnapshot set, Instant reference);
  }

  /**
   * Reads the set, checks the call fits it, and hands it on; under the set's lock unless {@code
   * lock} is false (a dry run, which must not wait for other partman4j work).
   */
  private <T> T run(
      String parentTable,
      boolean time,
      Overrides overrides,
      Instant reference,
      boolean lock,
      Work<T> work) {
    TableName name = InspectionErrors.parseTable("parent table", parentTable);
    if (overrides.retentionSchema() != null && overrides.retentionSchema().isBlank()) {
      throw InspectionErrors.invalid(
          "The retention schema is empty; give a schema name, or null for the set's own.");
    }
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      Supplier<T> onSet =
          () -> {
            SetSnapshot set =
                session.inTransaction(
                    "reading set " + name,
                    c -> new SetReader(schema).read(c, name, session.zone()));
            if (SetChildPlanning.isTimeBased(set) != time) {
              throw InspectionErrors.invalid(
                  "Set "
                      + name
                      + (time
                          ? " is partitioned by id; use dropPartitionId."
                          : " is partitioned by time; use dropPartitionTime."));
            }
            SetSnapshot effective = override(set, overrides);
            if (effective.config().retention() == null) {
              throw new PartmanException(
                  ErrorCode.INVALID_ARGUMENT,
                  "Set "
                      + name
                      + " has no retention configured (part_config.retention is NULL) and none"
                      + " was given; give one, or set part_config.retention.");
            }
            Instant ref = reference != null ? reference : clock != null ? clock : now(session);
            return work.on(session, effective, ref);
          };
      return lock ? SetLocks.withSetLock(session, name.toString(), onSet) : onSet.get();
    }
  }

  private static SetSnapshot override(SetSnapshot set, Overrides o) {
    SetConfigBuilder b = set.config().toBuilder();
    if (o.retention() != null) {
      b.retention(o.retention());
    }
    if (o.keepTable() != null) {
      b.retentionKeepTable(o.keepTable());
    }
    if (o.keepIndex() != null) {
      b.retentionKeepIndex(o.keepIndex());
    }
    if (o.retentionSchema() != null) {
      b.retentionSchema(o.retentionSchema());
    }
    return new SetSnapshot(
        set.name(),
        b.build(),
        set.parent(),
        set.controlType(),
        set.controlNotNull(),
        set.zone(),
        set.bounds());
  }

  /** The database's {@code now()}. */
  static Instant now(Session session) {
    return session.inTransaction(
        "reading the database's time",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT (extract(epoch FROM now()) * 1000000)::bigint");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return PgTimestamps.ofEpochMicros(rs.getLong(1));
          }
        });
  }

  private static PartmanException stopped(
      PartmanException e, TableName set, TableName child, List<String> done) {
    return new PartmanException(
        e.code(),
        "Retention of "
            + set
            + " stopped at "
            + child
            + (done.isEmpty() ? "" : " after retiring " + String.join(", ", done))
            + ": "
            + e.getMessage(),
        e.sqlState(),
        e.statement(),
        e);
  }

  private static String verb(Action action) {
    return switch (action) {
      case DROP -> "dropped";
      case DETACH -> "detached";
      case MOVE -> "moved";
    };
  }
}
