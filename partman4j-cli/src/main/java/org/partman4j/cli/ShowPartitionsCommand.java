package org.partman4j.cli;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.PartitionEntry;
import org.partman4j.Partman;
import org.partman4j.cli.output.TextTable;
import org.partman4j.cli.output.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code partman show-partitions}: pg_partman's {@code show_partitions}. */
@Command(
    name = "show-partitions",
    sortOptions = false,
    description = {
      "Lists the children of a partition set in the order of the value their bound starts at,"
          + " as pg_partman's show_partitions does, with each child's range read from the"
          + " catalog."
    })
final class ShowPartitionsCommand extends ConnectedCommand {

  @Parameters(
      index = "0",
      paramLabel = "PARENT",
      description = "The set's parent, schema.table (p_parent_table).")
  String parent;

  @Option(
      names = "--order",
      paramLabel = "ASC|DESC",
      description = "ASC (default, oldest first) or DESC (p_order).")
  String order = "ASC";

  @Option(
      names = "--include-default",
      description = "List the default partition too, first (p_include_default).")
  boolean includeDefault;

  @Override
  ExitCode run() {
    Partman partman = partman();
    List<PartitionEntry> entries = partman.showPartitions(parent, order, includeDefault);
    ZoneId zone = partman.timeZone();
    if (json()) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (PartitionEntry e : entries) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("partition_schemaname", e.schema());
        m.put("partition_tablename", e.table());
        m.put("is_default", e.isDefault());
        m.put("bound", e.bound());
        m.put("start_time", Values.json(e.startTime(), zone));
        m.put("end_time", Values.json(e.endTime(), zone));
        m.put("start_id", e.startId());
        m.put("end_id", e.endId());
        list.add(m);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("parent_table", parent);
      doc.put("partitions", list);
      printJson(doc);
      return ExitCode.OK;
    }
    if (entries.isEmpty()) {
      print(parent + " has no children.\n");
      return ExitCode.OK;
    }
    TextTable table = new TextTable("partition", "start", "end");
    for (PartitionEntry e : entries) {
      if (e.isDefault()) {
        table.row(e.qualifiedName(), "(default)", "");
      } else if (e.startTime() != null || e.endTime() != null) {
        table.row(
            e.qualifiedName(),
            e.startTime() == null ? "(unbounded)" : Values.text(e.startTime(), zone),
            e.endTime() == null ? "(unbounded)" : Values.text(e.endTime(), zone));
      } else {
        table.row(
            e.qualifiedName(),
            e.startId() == null ? "(unbounded)" : e.startId().toPlainString(),
            e.endId() == null ? "(unbounded)" : e.endId().toPlainString());
      }
    }
    print(table.render());
    return ExitCode.OK;
  }
}
