package org.partman4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code partman stop-sub-partition}: pg_partman's {@code stop_sub_partition}. */
@Command(
    name = "stop-sub-partition",
    sortOptions = false,
    description = {
      "Stops sub-partitioning new children of a set, as pg_partman's stop_sub_partition: its"
          + " part_config_sub row is removed; existing sub-sets stay and are still maintained."
    })
final class StopSubPartitionCommand extends ConnectedCommand {

  @Mixin ParentArgument set;

  @Option(names = "--dry-run", description = "Print the SQL that would run and change nothing.")
  boolean dryRun;

  @Override
  ExitCode run() {
    if (dryRun) {
      printDryRun("stop-sub-partition", set.parent, partman().stopSubPartitionDryRun(set.parent));
      return ExitCode.OK;
    }
    boolean stopped = partman().stopSubPartition(set.parent);
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("parent_table", set.parent);
      doc.put("stopped", stopped);
      printJson(doc);
      return ExitCode.OK;
    }
    print(
        set.summary()
            .append(
                stopped
                    ? "new children will not be sub-partitioned; existing sub-sets stay.\n"
                    : "it was not sub-partitioned; nothing changed.\n")
            .toString());
    return ExitCode.OK;
  }
}
