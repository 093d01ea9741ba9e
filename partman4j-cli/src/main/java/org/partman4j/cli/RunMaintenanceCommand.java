package org.partman4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.MaintenancePlan;
import org.partman4j.MaintenanceResult;
import org.partman4j.SetMaintenancePlan;
import org.partman4j.SetMaintenanceResult;
import org.partman4j.cli.output.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code partman run-maintenance}: pg_partman's {@code run_maintenance}. */
@Command(
    name = "run-maintenance",
    sortOptions = false,
    description = {
      "Maintains every partition set with automatic_maintenance = on, or the one set named, as"
          + " pg_partman's run_maintenance does: premakes future children, applies retention and"
          + " constraint exclusion. Exits 4 when some sets failed (the others were done)."
          + " Progress on standard error."
    })
final class RunMaintenanceCommand extends ConnectedCommand {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PARENT",
      description =
          "Only this set, schema.table, whatever its automatic_maintenance (p_parent_table).")
  String parent;

  @Option(
      names = "--dry-run",
      description =
          "Print the SQL a run would execute now, set by set and in order, and change nothing."
              + " Takes no lock that writers or another maintainer would wait for.")
  boolean dryRun;

  @Override
  ExitCode run() {
    if (dryRun) {
      return dryRun(
          parent == null
              ? partman().runMaintenanceDryRun()
              : partman().runMaintenanceDryRun(parent));
    }
    Progress progress = Progress.of(err(), "run-maintenance");
    MaintenanceResult r;
    try {
      r = partman().runMaintenance(parent, progress);
    } finally {
      progress.done();
    }
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("status", r.status().name());
      doc.put("message", r.message());
      doc.put("elapsed_ms", r.elapsed().toMillis());
      List<Map<String, Object>> sets = new ArrayList<>();
      for (SetMaintenanceResult s : r.sets()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parent_table", s.parentTable());
        m.put("children_created", s.childrenCreated());
        m.put("rows_moved_from_default", s.rowsMovedFromDefault());
        m.put("children_dropped", s.childrenDropped());
        m.put("children_detached", s.childrenDetached());
        m.put("children_moved", s.childrenMoved());
        m.put("constraints_added", s.constraintsAdded());
        m.put("error", s.error());
        sets.add(m);
      }
      doc.put("sets", sets);
      printJson(doc);
      return exit(r);
    }
    StringBuilder b = new StringBuilder(r.message()).append('\n');
    if (!r.sets().isEmpty()) {
      TextTable t =
          new TextTable("set", "created", "moved from default", "retired", "constraints", "error");
      for (SetMaintenanceResult s : r.sets()) {
        List<String> retired = new ArrayList<>();
        s.childrenDropped().forEach(c -> retired.add(c + " (dropped)"));
        s.childrenDetached().forEach(c -> retired.add(c + " (detached)"));
        s.childrenMoved().forEach(c -> retired.add(c + " (moved)"));
        t.row(
            s.parentTable(),
            String.join(", ", s.childrenCreated()),
            s.rowsMovedFromDefault() == 0 ? "" : s.rowsMovedFromDefault() + " rows",
            String.join(", ", retired),
            String.join(", ", s.constraintsAdded()),
            s.error());
      }
      b.append('\n').append(t.render());
    }
    print(b.toString());
    return exit(r);
  }

  private ExitCode dryRun(MaintenancePlan plan) {
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("dry_run", true);
      doc.put("message", plan.message());
      List<Map<String, Object>> sets = new ArrayList<>();
      for (SetMaintenancePlan s : plan.sets()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parent_table", s.parentTable());
        m.put("children_to_create", s.childrenToCreate());
        m.put("children_to_retire", s.childrenToRetire());
        m.put("constraints_to_add", s.constraintsToAdd());
        m.put("statements", s.statements());
        m.put("error", s.error());
        sets.add(m);
      }
      doc.put("sets", sets);
      doc.put("statements", plan.statements());
      printJson(doc);
    } else {
      StringBuilder b =
          new StringBuilder("-- Dry run of run-maintenance: nothing was changed. ")
              .append(plan.message())
              .append('\n');
      for (SetMaintenancePlan s : plan.sets()) {
        b.append("-- ").append(s.parentTable());
        if (s.error() != null) {
          b.append(": would fail: ").append(s.error());
        } else if (s.statements().isEmpty()) {
          b.append(": nothing to do");
        }
        b.append('\n');
        appendStatements(b, s.statements());
      }
      int stamp =
          plan.statements().size()
              - plan.sets().stream().mapToInt(s -> s.statements().size()).sum();
      if (stamp > 0) {
        b.append("-- then\n");
        appendStatements(
            b,
            plan.statements().subList(plan.statements().size() - stamp, plan.statements().size()));
      }
      print(b.toString());
    }
    return plan.sets().stream().anyMatch(s -> s.error() != null)
        ? ExitCode.SOME_SETS_FAILED
        : ExitCode.OK;
  }

  /**
   * 4 when a set failed. Another maintainer running, or a replica, is 0: the schedule did its job
   * (the other run does the work; a replica has nothing to maintain), and cron jobs that run on
   * every node of a cluster must not alert on the standbys.
   */
  private static ExitCode exit(MaintenanceResult r) {
    return r.failures().isEmpty() ? ExitCode.OK : ExitCode.SOME_SETS_FAILED;
  }
}
