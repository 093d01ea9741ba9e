package org.partman4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.partman4j.PartitionLocation;
import org.partman4j.Partman;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code partman show-partition-name}: pg_partman's {@code show_partition_name}. */
@Command(
    name = "show-partition-name",
    sortOptions = false,
    description = {
      "Names the child a value belongs in, as pg_partman's show_partition_name does, and says"
          + " whether a table of that name exists."
    })
final class ShowPartitionNameCommand extends ConnectedCommand {

  @Parameters(
      index = "0",
      paramLabel = "PARENT",
      description = "The set's parent, schema.table (p_parent_table).")
  String parent;

  @Parameters(
      index = "1",
      paramLabel = "VALUE",
      description =
          "A timestamp for sets partitioned by time (epoch sets too), read in the set's zone;"
              + " a whole number for id sets (p_value).")
  String value;

  @Override
  ExitCode run() {
    Partman partman = partman();
    PartitionLocation l = partman.showPartitionName(parent, value);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("partition_schema", l.schema());
    fields.put("partition_table", l.table());
    fields.put("suffix_timestamp", l.suffixTimestamp());
    fields.put("suffix_id", l.suffixId());
    fields.put("table_exists", l.tableExists());
    printFields(fields, partman.timeZone());
    return ExitCode.OK;
  }
}
