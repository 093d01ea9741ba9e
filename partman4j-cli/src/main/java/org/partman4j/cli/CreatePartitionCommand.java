package org.partman4j.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.CreatePartitionResult;
import org.partman4j.cli.output.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code partman create-partition}: pg_partman's {@code create_partition_time} and {@code
 * create_partition_id}, one command for both kinds of set.
 */
@Command(
    name = "create-partition",
    sortOptions = false,
    description = {
      "Creates children of a partition set starting at the given values, as pg_partman's"
          + " create_partition_time and create_partition_id do: timestamps for sets partitioned"
          + " by time (read in the set's zone), whole numbers for id sets. Children that exist"
          + " are skipped."
    })
final class CreatePartitionCommand extends ConnectedCommand {

  @Parameters(
      index = "0",
      paramLabel = "PARENT",
      description = "The set's parent, schema.table (p_parent_table).")
  String parent;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "VALUE",
      description =
          "Where each child starts: a timestamp ('2027-01-01') or an id (p_partition_times,"
              + " p_partition_ids).")
  List<String> values;

  @Option(
      names = "--dry-run",
      description = "Print the SQL that would run, in order, and change nothing.")
  boolean dryRun;

  @Override
  ExitCode run() {
    if (dryRun) {
      printDryRun("create-partition", parent, partman().createPartitionDryRun(parent, values));
      return ExitCode.OK;
    }
    CreatePartitionResult r = partman().createPartition(parent, values);
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("parent_table", r.parentTable());
      doc.put("created", r.created());
      doc.put("already_there", r.alreadyThere());
      printJson(doc);
      return ExitCode.OK;
    }
    TextTable children = new TextTable("child", "status");
    r.created().forEach(c -> children.row(c, "created"));
    r.alreadyThere().forEach(c -> children.row(c, "already there"));
    print(
        "Partition set "
            + r.parentTable()
            + ": "
            + children(r.created().size())
            + " created"
            + (r.alreadyThere().isEmpty() ? "" : ", " + r.alreadyThere().size() + " already there")
            + ".\n"
            + (children.isEmpty() ? "" : "\n" + children.render()));
    return ExitCode.OK;
  }
}
