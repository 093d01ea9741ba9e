package org.partman4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.partman4j.GapFillResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

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

  @Parameters(
      index = "0",
      paramLabel = "PARENT",
      description = "The set's parent, schema.table (p_parent_table).")
  String parent;

  @Override
  ExitCode run() {
    GapFillResult r = partman().partitionGapFill(parent);
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("parent_table", r.parentTable());
      doc.put("count", r.count());
      doc.put("created", r.created());
      printJson(doc);
      return ExitCode.OK;
    }
    StringBuilder b =
        new StringBuilder("Partition set ")
            .append(r.parentTable())
            .append(": ")
            .append(children(r.count()))
            .append(" made to fill gaps.\n");
    r.created().forEach(c -> b.append("  ").append(c).append('\n'));
    print(b.toString());
    return ExitCode.OK;
  }
}
