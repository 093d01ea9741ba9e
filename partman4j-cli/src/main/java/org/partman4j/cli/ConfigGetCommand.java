package org.partman4j.cli;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.partman4j.Partman;
import org.partman4j.cli.output.TextTable;
import org.partman4j.cli.output.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code partman config get}: a set's part_config row, or one column of it. */
@Command(
    name = "get",
    sortOptions = false,
    description = {
      "Shows a set's part_config row, or one column's value alone (for scripts:"
          + " $(partman config get public.events premake)). NULL prints as an empty line."
    })
final class ConfigGetCommand extends ConnectedCommand {

  @Parameters(index = "0", paramLabel = "PARENT", description = "The set's parent, schema.table.")
  String parent;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "COLUMN",
      description = "One column of part_config, e.g. premake; default: every column.")
  String column;

  @Override
  ExitCode run() {
    Partman partman = partman();
    Map<String, Object> row = partman.configGet(parent);
    if (column != null && !row.containsKey(column)) {
      throw new CliException(
          ExitCode.USAGE,
          "part_config has no column '"
              + column
              + "'; give one of "
              + String.join(", ", row.keySet())
              + ".");
    }
    ZoneId zone = partman.timeZone();
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("parent_table", row.get("parent_table"));
      row.forEach(
          (k, v) -> {
            if (column == null || column.equals(k)) {
              doc.put(k, Values.json(v, zone));
            }
          });
      printJson(doc);
    } else if (column != null) {
      print(Values.text(row.get(column), zone) + "\n");
    } else {
      TextTable table = new TextTable("column", "value");
      row.forEach((k, v) -> table.row(k, v == null ? "NULL" : Values.text(v, zone)));
      print(table.render());
    }
    return ExitCode.OK;
  }
}
