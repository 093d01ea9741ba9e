package org.partman4j.command;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
    List<TableName> planned =
        plan.retire().stream().map(DecodedChild::child).map(ChildTable::name).toList();
    for (TableName pending : work.pending()) {
      if (!planned.contains(pending)) {
        retirer.finalizePending(pending);
        finalized.add(pending.table());
      }
    }
    List<String> done = new ArrayList<>();
    List<String> configs = new ArrayList<>();
    for (DecodedChild d : plan.retire()) {
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

  /** pg_partman's {@code drop_partition_time}: see {@code Partman.dropPartitionTime}. */
  public RetentionOutcome dropTime(
      String parentTable,
      String retention,
      Instant reference,
      Boolean keepTable,
      Boolean keepIndex,
      String retentionSchema) {
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
    return run(parentTable, true, retention, reference, keepTable, keepIndex, retentionSchema);
  }

  /** pg_partman's {@code drop_partition_id}: see {@code Partman.dropPartitionId}. */
  public RetentionOutcome dropId(
      String parentTable,
      Long retention,
      Boolean keepTable,
      Boolean keepIndex,
      String retentionSchema) {
    if (retention != null && retention < 0) {
      throw new PartmanException(
          ErrorCode.INVALID_ARGUMENT,
          "The retention "
              + retention
              + " is negative; give the number of ids to keep, e.g. 1000.");
    }
    return run(
        parentTable,
        false,
        retention == null ? null : retention.toString(),
        null,
        keepTable,
        keepIndex,
        retentionSchema);
  }

  private RetentionOutcome run(
      String parentTable,
      boolean time,
      String retention,
      Instant reference,
      Boolean keepTable,
      Boolean keepIndex,
      String retentionSchema) {
    TableName name = InspectionErrors.parseTable("parent table", parentTable);
    if (retentionSchema != null && retentionSchema.isBlank()) {
      throw InspectionErrors.invalid(
          "The retention schema is empty; give a schema name, or null for the set's own.");
    }
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return SetLocks.withSetLock(
          session,
          name.toString(),
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
            SetSnapshot effective = override(set, retention, keepTable, keepIndex, retentionSchema);
            if (effective.config().retention() == null) {
              throw new PartmanException(
                  ErrorCode.INVALID_ARGUMENT,
                  "Set "
                      + name
                      + " has no retention configured (part_config.retention is NULL) and none"
                      + " was given; give one, or set part_config.retention.");
            }
            Instant ref = reference != null ? reference : clock != null ? clock : now(session);
            return apply(session, schema, effective, ref, retry);
          });
    }
  }

  private static SetSnapshot override(
      SetSnapshot set,
      String retention,
      Boolean keepTable,
      Boolean keepIndex,
      String retentionSchema) {
    SetConfigBuilder b = set.config().toBuilder();
    if (retention != null) {
      b.retention(retention);
    }
    if (keepTable != null) {
      b.retentionKeepTable(keepTable);
    }
    if (keepIndex != null) {
      b.retentionKeepIndex(keepIndex);
    }
    if (retentionSchema != null) {
      b.retentionSchema(retentionSchema);
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

  private static Instant now(Session session) {
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
