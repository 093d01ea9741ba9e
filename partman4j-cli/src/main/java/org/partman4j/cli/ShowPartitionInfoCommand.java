package org.partman4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.partman4j.PartitionInfo;
import org.partman4j.Partman;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code partman show-partition-info}: pg_partman's {@code show_partition_info}. */
@Command(
    name = "show-partition-info",
    sortOptions = false,
    description = {
      "Shows the range of one child, as pg_partman's show_partition_info does: its start read"
          + " from the catalog, its end computed with the set's interval (exclusive for time,"
          + " inclusive for ids), and pg_partman's suffix for time sets."
    })
final class ShowPartitionInfoCommand extends ConnectedCommand {

  @Parameters(
      index = "0",
      paramLabel = "CHILD",
      description = "The child, schema.table (p_child_table).")
  String child;

  @Option(
      names = "--partition-interval",
      paramLabel = "INTERVAL",
      description =
          "Compute the end with this interval instead of the set's (p_partition_interval).")
  String partitionInterval;

  @Option(
      names = "--parent-table",
      paramLabel = "SCHEMA.TABLE",
      description = "The child's parent; default: looked up in the catalog (p_parent_table).")
  String parentTable;

  @Override
  ExitCode run() {
    Partman partman = partman();
    PartitionInfo i = partman.showPartitionInfo(child, partitionInterval, parentTable);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("child_start_time", i.childStartTime());
    fields.put("child_end_time", i.childEndTime());
    fields.put("child_start_id", i.childStartId());
    fields.put("child_end_id", i.childEndId());
    fields.put("suffix", i.suffix());
    printFields(fields, partman.timeZone());
    return ExitCode.OK;
  }
}
