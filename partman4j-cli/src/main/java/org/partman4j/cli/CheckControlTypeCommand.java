package org.partman4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.partman4j.model.ControlType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code partman check-control-type}: pg_partman's {@code check_control_type}. */
@Command(
    name = "check-control-type",
    sortOptions = false,
    description = {
      "Says how pg_partman classifies a column's type as a control column: time, id, text,"
          + " uuid, or none when it cannot be one (check_control_type)."
    })
final class CheckControlTypeCommand extends ConnectedCommand {

  @Parameters(
      index = "0",
      paramLabel = "TABLE",
      description = "The table, schema.table (p_parent_schema, p_parent_tablename).")
  String table;

  @Parameters(
      index = "1",
      paramLabel = "COLUMN",
      description = "The column, as the catalog spells it (p_control).")
  String column;

  @Override
  ExitCode run() {
    ControlType t = partman().checkControlType(table, column);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("general_type", t.generalType());
    fields.put("exact_type", t.exactType());
    if (json()) {
      printJson(fields);
    } else {
      print(
          table
              + "."
              + column
              + " is "
              + t.exactType()
              + ": "
              + (t.isSupported()
                  ? "a " + t.generalType() + " control column."
                  : "not a type partitions can be made by (give a time, integer, numeric, text or"
                      + " uuid column).")
              + "\n");
    }
    return ExitCode.OK;
  }
}
