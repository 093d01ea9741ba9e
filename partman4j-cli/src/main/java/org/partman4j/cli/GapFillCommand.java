package org.partman4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.partman4j.GapFillResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code partman gap-fill}: pg_partman's {@code partition_gap_fill}. */
@Command(
    name = "gap-fill",
    sortOptions = false,
    description = {
      "Makes the children missing between the set's oldest and newest child, as pg_partman's"
          + " partition_gap_fill. No --dry-run: 'show-partitions' shows the gaps, and each"
          + " child is made in its own transaction."
    })
final class GapFillCommand extends ConnectedCommand {

  @Mixin ParentArgument set;

  @Override
  ExitCode run() {
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
