package org.partman4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.MaintenanceResult;
import org.partman4j.SetMaintenanceResult;
import org.partman4j.cli.output.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code partman run-maintenance}: pg_partman's {@code run_maintenance}. */
@Command(
    name = "run-maintenance",
    sortOptions = false,
    description = {
      "Maintains every partition set with automatic_maintenance = on, or the one set named, as"
          + " pg_partman's run_maintenance does: premakes future children, applies retention and"
          + " constraint exclusion. Exits 4 when some sets failed (the others were done)."
    })
final class RunMaintenanceCommand extends ConnectedCommand {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PARENT",
      description =
          "Only this set, schema.table, whatever its automatic_maintenance (p_parent_table).")
  String parent;

  @Override
  ExitCode run() {
    MaintenanceResult r =
        parent == null ? partman().runMaintenance() : partman().runMaintenance(parent);
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

  /**
   * 4 when a set failed. Another maintainer running, or a replica, is 0: the schedule did its job
   * (the other run does the work; a replica has nothing to maintain), and cron jobs that run on
   * every node of a cluster must not alert on the standbys.
   */
  private static ExitCode exit(MaintenanceResult r) {
    return r.failures().isEmpty() ? ExitCode.OK : ExitCode.SOME_SETS_FAILED;
  }
}
