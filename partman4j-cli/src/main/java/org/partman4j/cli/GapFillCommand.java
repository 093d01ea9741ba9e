package org.partman4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.partman4j.GapFillResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code partman gap-fill}: pg_partman's {@code partition_gap_fill}. */
@Command(
    name = "gap-fill",
    sortOptions = false,
    description = {
      "Makes the children missing between the set's oldest and newest child, as pg_partman's"
          + " partition_gap_fill. Each child is made in its own transaction. With --dry-run,"
          + " the SQL that would make them, changing nothing."
    })
final class GapFillCommand extends ConnectedCommand {

  @Mixin ParentArgument set;

  @Option(
      names = "--dry-run",
      description = "Print the SQL that would run, in order, and change nothing.")
  boolean dryRun;

  @Override
  ExitCode run() {
    if (dryRun) {
      printDryRun("gap-fill", set.parent, partman().partitionGapFillDryRun(set.parent));
      return ExitCode.OK;
    }
    GapFillResult r = partman().partitionGapFill(set.parent);
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("parent_table", r.parentTable());
      doc.put("count", r.count());
      doc.put("created", r.created());
      printJson(doc);
      return ExitCode.OK;
    }
    StringBuilder b = set.summary().append(children(r.count())).append(" made to fill gaps.\n");
    r.created().forEach(c -> b.append("  ").append(c).append('\n'));
    print(b.toString());
    return ExitCode.OK;
  }
}
