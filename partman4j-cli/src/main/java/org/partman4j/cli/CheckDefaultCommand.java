package org.partman4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.DefaultRows;
import org.partman4j.cli.output.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code partman check-default}: pg_partman's {@code check_default}. */
@Command(
    name = "check-default",
    sortOptions = false,
    description = {
      "Lists the sets whose default partition holds rows, as pg_partman's check_default."
          + " partition-data moves them out."
    })
final class CheckDefaultCommand extends ConnectedCommand {

  @Option(
      names = "--exact-count",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "BOOL",
      description =
          "Count the rows (default; reads each default), or with false only check for one"
              + " (p_exact_count).")
  boolean exactCount = true;

  @Override
  ExitCode run() {
    List<DefaultRows> rows = partman().checkDefault(exactCount);
    if (json()) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (DefaultRows d : rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parent_table", d.parentTable());
        m.put("default_table", d.defaultTable());
        m.put("count", d.count());
        list.add(m);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("exact_count", exactCount);
      doc.put("defaults", list);
      printJson(doc);
      return ExitCode.OK;
    }
    if (rows.isEmpty()) {
      print("No default partition holds rows.\n");
      return ExitCode.OK;
    }
    TextTable t = new TextTable("set", "default", exactCount ? "rows" : "rows (at least)");
    rows.forEach(d -> t.row(d.parentTable(), d.defaultTable(), d.count()));
    print(t.render());
    return ExitCode.OK;
  }
}
