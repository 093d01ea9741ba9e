package org.partman4j.cli;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.partman4j.ConfigChange;
import org.partman4j.Partman;
import org.partman4j.cli.output.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code partman config set}: changes one column of a set's part_config row. */
@Command(
    name = "set",
    sortOptions = false,
    description = {
      "Changes one column of a set's part_config row, after checking the value for that column"
          + " and set: an interval where one belongs (a whole number for id sets), premake of 1"
          + " or more, true/false, on/off, an existing schema, table, role or columns. NULL"
          + " clears a column that may be empty. Maintenance uses the value on its next run."
    })
final class ConfigSetCommand extends ConnectedCommand {

  @Parameters(index = "0", paramLabel = "PARENT", description = "The set's parent, schema.table.")
  String parent;

  @Parameters(index = "1", paramLabel = "COLUMN", description = "The column, e.g. retention.")
  String column;

  @Parameters(
      index = "2",
      paramLabel = "VALUE",
      description = "The new value, e.g. '30 days', 7, true, on, NULL.")
  String value;

  @Option(
      names = "--dry-run",
      description = "Check the value and print the UPDATE that would run; change nothing.")
  boolean dryRun;

  @Override
  ExitCode run() {
    Partman partman = partman();
    if (dryRun) {
      ConfigChange c = partman.configSetDryRun(parent, column, value);
      printDryRun("config set", c.parentTable(), List.of(c.statement()));
      return ExitCode.OK;
    }
    ConfigChange c = partman.configSet(parent, column, value);
    ZoneId zone = partman.timeZone();
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("parent_table", c.parentTable());
      doc.put("column", c.column());
      doc.put("before", Values.json(c.before(), zone));
      doc.put("after", Values.json(c.after(), zone));
      doc.put("changed", !Objects.equals(c.before(), c.after()));
      doc.put("statement", c.statement());
      printJson(doc);
    } else if (Objects.equals(c.before(), c.after())) {
      print(
          c.column()
              + " of "
              + c.parentTable()
              + " is "
              + shown(c.after(), zone)
              + " already; nothing changed.\n");
    } else {
      print(
          "Set "
              + c.column()
              + " of "
              + c.parentTable()
              + " to "
              + shown(c.after(), zone)
              + " (was "
              + shown(c.before(), zone)
              + ").\n");
    }
    return ExitCode.OK;
  }

  private static String shown(Object v, ZoneId zone) {
    return v == null ? "NULL" : "'" + Values.text(v, zone) + "'";
  }
}
