package org.partman4j.command;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.partman4j.CreatePartitionResult;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.ddl.ChildCreator;
import org.partman4j.ddl.ChildOutcome;
import org.partman4j.ddl.ChildProperties;
import org.partman4j.ddl.ChildPropertiesReader;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.SetConfig;
import org.partman4j.model.TableName;
import org.partman4j.plan.IdChildPlanner;
import org.partman4j.plan.PlannedChild;
import org.partman4j.plan.TimeChildPlanner;
import org.partman4j.plan.TimeLayout;

/**
 * The {@code createPartition} operation: pg_partman's {@code create_partition_time} and {@code
 * create_partition_id} — children of a registered set starting at given values, each {@code [v, v +
 * interval)} (or {@code IN (v)} for a list set), skipping the ones that exist. Each child is made
 * in its own transaction.
 */
public final class CreatePartition {

  private final Sessions sessions;
  private final String schema;
  private final ChildCreator creator;

  public CreatePartition(Sessions sessions, String schema, LockRetry retry) {
    this.sessions = sessions;
    this.schema = schema;
    this.creator = new ChildCreator(retry, new SubSetRegistrar(schema, null, retry, null));
  }

  /**
   * Creates the children.
   *
   * @param values child starts: timestamp texts for time, epoch and encoded sets (read in the set's
   *     zone), whole numbers for id sets
   */
  public CreatePartitionResult run(String parentTable, List<String> values) {
    TableName name = checked(parentTable, values);
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return SetLocks.withSetLock(session, name.toString(), () -> apply(session, name, values));
    }
  }

  /**
   * The statements {@link #run} would execute now, in order, changing nothing (the store is
   * installed if missing, as by every call).
   */
  public List<String> dryRun(String parentTable, List<String> values) {
    TableName name = checked(parentTable, values);
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      Planned planned =
          session.inTransaction(
              "planning the new children of " + name, c -> plan(c, session.zone(), name, values));
      return SetChildPlanning.dryRunStatements(
          creator, session, planned.properties(), planned.toCreate());
    }
  }

  private static TableName checked(String parentTable, List<String> values) {
    TableName name = InspectionErrors.parseTable("parent table", parentTable);
    if (values == null || values.isEmpty()) {
      throw new PartmanException(
          ErrorCode.INVALID_ARGUMENT,
          "No start values were given for " + parentTable + "; give one or more.");
    }
    return name;
  }

  private record Planned(
      List<PlannedChild> toCreate, List<String> alreadyThere, ChildProperties properties) {}

  private CreatePartitionResult apply(Session session, TableName name, List<String> values) {
    Planned planned =
        session.inTransaction(
            "planning the new children of " + name, c -> plan(c, session.zone(), name, values));
    List<String> created = new ArrayList<>();
    for (PlannedChild child : planned.toCreate()) {
      if (creator.create(session, planned.properties(), child.child()).outcome()
          == ChildOutcome.CREATED) {
        created.add(child.name());
      }
    }
    return new CreatePartitionResult(name.toString(), created, planned.alreadyThere());
  }

  private Planned plan(Connection c, ZoneId sessionZone, TableName name, List<String> values)
      throws SQLException {
    SetSnapshot set = new SetReader(schema).read(c, name, sessionZone);
    SetConfig config = set.config();
    List<PlannedChild> children;
    if (SetChildPlanning.isTimeBased(set)) {
      TimeLayout layout = SetChildPlanning.timeLayout(c, set);
      List<Instant> starts = new ArrayList<>();
      for (String v : values) {
        try {
          starts.add(SetChildPlanning.timestamptz(c, v, set.zone()));
        } catch (SQLException e) {
          throw InspectionErrors.badValue(v, "a timestamp, e.g. '2026-01-01 00:00:00'", e);
        }
      }
      try {
        children =
            TimeChildPlanner.children(
                layout, TimeChildPlanner.slotsStartingAt(starts, layout.interval(), set.zone()));
      } catch (IllegalArgumentException e) {
        throw new PartmanException(
            ErrorCode.INVALID_ARGUMENT, "Cannot lay out the children: " + e.getMessage() + ".");
      }
    } else {
      BigInteger n = new BigInteger(config.partitionInterval());
      List<BigInteger> starts = new ArrayList<>();
      for (String v : values) {
        BigInteger id = SetChildPlanning.bigint(v);
        if (id == null) {
          throw new PartmanException(
              ErrorCode.INVALID_ARGUMENT,
              "The start value '"
                  + v
                  + "' of id set "
                  + name
                  + " is not a whole number (bigint); give e.g. '1000'.");
        }
        starts.add(id);
      }
      children =
          IdChildPlanner.children(
              name, config.childTablePrefix(), n, config.partitionType().equals("list"), starts);
    }
    List<PlannedChild> toCreate = SetChildPlanning.missing(set, children);
    List<String> alreadyThere = new ArrayList<>();
    for (PlannedChild p : children) {
      if (!toCreate.contains(p)) {
        alreadyThere.add(p.name());
      }
    }
    TableName template =
        config.templateTable() == null ? null : TableName.parse(config.templateTable());
    ChildProperties properties =
        new ChildPropertiesReader()
            .read(
                c,
                name,
                template,
                config.inheritPrivileges() != null && config.inheritPrivileges());
    return new Planned(toCreate, alreadyThere, properties);
  }
}
