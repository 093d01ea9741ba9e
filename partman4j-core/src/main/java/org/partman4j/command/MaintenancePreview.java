package org.partman4j.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.partman4j.AppliedConstraint;
import org.partman4j.PartmanException;
import org.partman4j.SetMaintenancePlan;
import org.partman4j.ddl.ChildCreator;
import org.partman4j.ddl.ChildOutcome;
import org.partman4j.ddl.ChildProperties;
import org.partman4j.ddl.ChildResult;
import org.partman4j.exec.Session;
import org.partman4j.plan.PlannedChild;
import org.partman4j.plan.PremakePlanner;
import org.partman4j.sql.MaintenanceSql;

/**
 * The dry run of one set's maintenance: the same decisions as {@link RunMaintenance} makes ({@link
 * MaintenanceStep}, {@link Constraints#previewStep}, {@link Retention#preview}), rendered as the
 * statements a run would execute, with plain reads only.
 *
 * <p>Each step is planned from the catalog as it is now. A real run plans its constraint and
 * retention steps after making the children, so where rows move from the default into a new child
 * (which may change the newest child with data, or an id set's largest id), a run can choose
 * differently; the dry run says what the catalog supports now.
 */
final class MaintenancePreview {

  private MaintenancePreview() {}

  static SetMaintenancePlan of(
      Session session,
      String schema,
      MaintainedSet m,
      SubSetLimits.Range limit,
      Instant now,
      ChildCreator creator) {
    List<String> created = new ArrayList<>();
    List<String> statements = new ArrayList<>();
    List<String> constraints = new ArrayList<>();
    List<String> retired = new ArrayList<>();
    try {
      if (!m.config.subPartitionSetFull()) {
        MaintenanceStep.Decision decision = MaintenanceStep.decide(session, m, limit, now);
        if (decision.outcome() == PremakePlanner.Outcome.FULL) {
          statements.add(MaintenanceSql.markFull(schema, m.set.name()));
        } else if (!decision.children().isEmpty()) {
          ChildProperties properties =
              SetChildPlanning.childProperties(session, m.set.name(), m.config);
          List<ChildResult> results =
              creator.dryRun(
                  session,
                  properties,
                  decision.children().stream().map(PlannedChild::child).toList(),
                  m.moveFrom(),
                  m.config.control());
          for (ChildResult r : results) {
            if (r.outcome() == ChildOutcome.WOULD_CREATE) {
              created.add(r.table().table());
              statements.addAll(r.statements());
            }
          }
        }
      }
      Constraints.Preview c = Constraints.previewStep(session, schema, m.set);
      c.added().stream().map(AppliedConstraint::constraint).forEach(constraints::add);
      statements.addAll(c.statements());
      if (RunMaintenance.retentionMayBeDue(m, now)) {
        Retention.Preview r = Retention.preview(session, schema, m.set, now);
        retired.addAll(r.children());
        statements.addAll(r.statements());
      }
    } catch (PartmanException | IllegalArgumentException e) {
      return new SetMaintenancePlan(
          m.name(), created, retired, constraints, statements, e.getMessage());
    }
    return new SetMaintenancePlan(m.name(), created, retired, constraints, statements, null);
  }

  static SetMaintenancePlan failed(String parentTable, String error) {
    return new SetMaintenancePlan(parentTable, List.of(), List.of(), List.of(), List.of(), error);
  }

  static String summary(List<SetMaintenancePlan> plans) {
    int created = 0;
    int retired = 0;
    List<String> failed = new ArrayList<>();
    for (SetMaintenancePlan p : plans) {
      created += p.childrenToCreate().size();
      retired += p.childrenToRetire().size();
      if (p.error() != null) {
        failed.add(p.parentTable());
      }
    }
    String text =
        plans.size()
            + (plans.size() == 1 ? " set" : " sets")
            + " to maintain: "
            + created
            + " children to create, "
            + retired
            + " to retire";
    if (!failed.isEmpty()) {
      text += "; would fail: " + String.join(", ", failed) + " (see each set's error)";
    }
    return text + ".";
  }
}
