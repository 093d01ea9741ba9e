package org.partman4j.cli;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.Partman;
import org.partman4j.SetStatus;
import org.partman4j.StatusReport;
import org.partman4j.cli.output.TextTable;
import org.partman4j.cli.output.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code partman status}: every set at a glance. */
@Command(
    name = "status",
    sortOptions = false,
    description = {
      "Shows every partition set at a glance: children, the newest child, the runway (how long,"
          + " in time or ids, until new rows would fall into the default), rows in the default,"
          + " retention, the last maintenance run and, when partman daemon keeps a job history,"
          + " the last maintenance error. Reads only."
    })
final class StatusCommand extends ConnectedCommand {

  @Option(
      names = "--exact",
      description =
          "Count the rows of every default partition (reads them all) instead of only checking"
              + " whether it holds one.")
  boolean exact;

  @Override
  ExitCode run() {
    Partman partman = partman();
    StatusReport r = partman.status(exact);
    ZoneId zone = partman.timeZone();
    if (json()) {
      List<Map<String, Object>> sets = new ArrayList<>();
      for (SetStatus s : r.sets()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parent_table", s.parentTable());
        m.put("partitioned_by", s.timeBased() ? "time" : "id");
        m.put("children", s.children());
        m.put("newest_child", s.newestChild());
        m.put("newest_child_end", Values.json(s.newestChildEnd(), zone));
        m.put("newest_child_end_id", s.newestChildEndId());
        m.put("runway_seconds", s.runway() == null ? null : s.runway().toSeconds());
        m.put("runway_ids", s.runwayIds());
        m.put("newest_value", s.newestValue());
        m.put("has_default", s.hasDefault());
        m.put("default_has_rows", s.defaultHasRows());
        m.put("default_rows", s.defaultRows());
        m.put("retention", s.retention());
        m.put("automatic_maintenance", s.automaticMaintenance());
        m.put("maintenance_last_run", Values.json(s.maintenanceLastRun(), zone));
        m.put("last_error", s.lastError());
        m.put("last_error_at", Values.json(s.lastErrorAt(), zone));
        m.put("problem", s.problem());
        sets.add(m);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("taken_at", Values.json(r.takenAt(), zone));
      doc.put("job_history", r.jobHistory());
      doc.put("sets", sets);
      printJson(doc);
      return ExitCode.OK;
    }
    if (r.sets().isEmpty()) {
      print("No partition sets are registered in schema " + partman.schema() + ".\n");
      return ExitCode.OK;
    }
    List<String> headers =
        new ArrayList<>(
            List.of(
                "set",
                "children",
                "newest child",
                "runway",
                "default rows",
                "retention",
                "last maintenance"));
    if (r.jobHistory()) {
      headers.add("last error");
    }
    TextTable t = new TextTable(headers.toArray(String[]::new));
    List<String> problems = new ArrayList<>();
    for (SetStatus s : r.sets()) {
      if (s.problem() != null) {
        problems.add(s.parentTable() + ": " + s.problem());
      }
      List<Object> row = new ArrayList<>();
      row.add(s.parentTable() + (s.problem() == null ? "" : " (!)"));
      row.add(s.children());
      row.add(s.newestChild());
      row.add(runway(s));
      row.add(defaultRows(s));
      row.add(s.retention());
      row.add(s.maintenanceLastRun() == null ? "never" : Values.text(s.maintenanceLastRun(), zone));
      if (r.jobHistory()) {
        row.add(
            s.lastError() == null ? "" : Values.text(s.lastErrorAt(), zone) + " " + s.lastError());
      }
      t.row(row.toArray());
    }
    StringBuilder b = new StringBuilder(t.render());
    for (String p : problems) {
      b.append("(!) ").append(p).append('\n');
    }
    print(b.toString());
    return ExitCode.OK;
  }

  private static String runway(SetStatus s) {
    if (s.runway() != null) {
      return duration(s.runway());
    }
    if (s.runwayIds() != null) {
      return s.runwayIds().toPlainString() + " ids";
    }
    return s.problem() != null || s.children() == 0 ? "" : "(no rows yet)";
  }

  private static String defaultRows(SetStatus s) {
    if (!s.hasDefault()) {
      return "(no default)";
    }
    if (s.defaultRows() != null) {
      return s.defaultRows().toString();
    }
    return s.defaultHasRows() ? "some" : "0";
  }

  /** {@code 4d 3h}, {@code 5h 12m}, {@code 42s}, {@code -1d 2h}: enough to see a problem coming. */
  static String duration(Duration d) {
    String sign = d.isNegative() ? "-" : "";
    Duration a = d.abs();
    long days = a.toDays();
    int hours = a.toHoursPart();
    int minutes = a.toMinutesPart();
    if (days > 0) {
      return sign + days + "d " + hours + "h";
    }
    if (hours > 0) {
      return sign + hours + "h " + minutes + "m";
    }
    if (minutes > 0) {
      return sign + minutes + "m " + a.toSecondsPart() + "s";
    }
    return sign + a.toSecondsPart() + "s";
  }
}
