package org.partman4j.command;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.partman4j.ErrorCode;
import org.partman4j.GapFillResult;
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
import org.partman4j.plan.ChildOrder;
import org.partman4j.plan.DecodedChild;
import org.partman4j.plan.GapPlanner;
import org.partman4j.plan.IdChildPlanner;
import org.partman4j.plan.PlannedChild;
import org.partman4j.plan.TimeChildPlanner;
import org.partman4j.plan.TimeLayout;

/**
 * pg_partman's {@code partition_gap_fill}: the children missing between a set's oldest and newest
 * child on the set's grid, made like any other child, each in its own transaction.
 */
public final class GapFill {

  private final Sessions sessions;
  private final String schema;
  private final ChildCreator creator;

  public GapFill(Sessions sessions, String schema, LockRetry retry) {
    this.sessions = sessions;
    this.schema = schema;
    this.creator = new ChildCreator(retry, new SubSetRegistrar(schema, null, retry, null));
  }

  private record Planned(List<PlannedChild> toCreate, ChildProperties properties) {}

  /** Fills the gaps of {@code parentTable}. */
  public GapFillResult run(String parentTable) {
    return SetLocks.onSet(
        sessions,
        schema,
        parentTable,
        (session, name) -> {
          Planned planned =
              session.inTransaction("finding the gaps of " + name, c -> plan(c, session, name));
          List<String> created = new ArrayList<>();
          for (PlannedChild child : planned.toCreate()) {
            if (creator.create(session, planned.properties(), child.child()).outcome()
                == ChildOutcome.CREATED) {
              created.add(child.name());
            }
          }
          return new GapFillResult(name.toString(), created);
        });
  }

  /**
   * The statements {@link #run} would execute now, in order, changing nothing: the same plan, each
   * missing child's statements rendered as {@link ChildCreator#dryRun} does (the store is installed
   * if missing, as by every call).
   */
  public List<String> dryRun(String parentTable) {
    TableName name = InspectionErrors.parseTable("parent table", parentTable);
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      Planned planned =
          session.inTransaction("finding the gaps of " + name, c -> plan(c, session, name));
      return SetChildPlanning.dryRunStatements(
          creator, session, planned.properties(), planned.toCreate());
    }
  }

  private Planned plan(Connection c, Session session, TableName name) throws SQLException {
    SetReader reader = new SetReader(schema);
    SetSnapshot set = reader.read(c, name, session.zone());
    SetConfig config = set.config();
    List<DecodedChild> ascending =
        ChildOrder.order(
            reader.decode(c, set, set.parent().nonDefaultChildren()),
            set.bounds().kind(),
            true,
            false);
    List<PlannedChild> children;
    try {
      if (SetChildPlanning.isTimeBased(set)) {
        TimeLayout layout = SetChildPlanning.timeLayout(c, set);
        List<Instant> starts = new ArrayList<>();
        for (DecodedChild d : ascending) {
          if (d.startTime() != null) {
            starts.add(d.startTime());
          }
        }
        List<Instant> missing = GapPlanner.missingTimes(starts, layout.interval(), set.zone());
        children =
            TimeChildPlanner.children(
                layout, TimeChildPlanner.slotsStartingAt(missing, layout.interval(), set.zone()));
      } else {
        BigInteger n = new BigInteger(config.partitionInterval().trim());
        List<BigInteger> starts = new ArrayList<>();
        for (DecodedChild d : ascending) {
          BigDecimal s = d.startId();
          if (s != null && s.stripTrailingZeros().scale() <= 0) {
            starts.add(s.toBigIntegerExact());
          }
        }
        children =
            IdChildPlanner.children(
                name,
                config.childTablePrefix(),
                n,
                config.partitionType().equals("list"),
                GapPlanner.missingIds(starts, n));
      }
    } catch (IllegalArgumentException e) {
      throw new PartmanException(
          ErrorCode.SET_UNUSABLE,
          "Cannot fill the gaps of " + name + ": " + e.getMessage() + ".",
          e);
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
    return new Planned(SetChildPlanning.missing(set, children), properties);
  }
}
