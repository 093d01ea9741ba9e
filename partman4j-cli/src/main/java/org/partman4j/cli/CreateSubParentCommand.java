package org.partman4j.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.SubParentResult;
import org.partman4j.SubPartitionDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code partman create-sub-parent}: pg_partman's {@code create_sub_parent}. */
@Command(
    name = "create-sub-parent",
    sortOptions = false,
    description = {
      "Sub-partitions a partition set, as pg_partman's create_sub_parent: every existing child"
          + " becomes a partition set of its own, and so does every child made from then on."
          + " Children holding rows keep them (moved out, rebuilt, moved back in batches);"
          + " rerunning it finishes an interrupted conversion."
    })
final class CreateSubParentCommand extends ConnectedCommand {

  @Option(
      names = "--parent",
      required = true,
      paramLabel = "SCHEMA.TABLE",
      order = 1,
      description = "The managed set whose children are sub-partitioned (p_top_parent).")
  String parent;

  @Option(
      names = "--control",
      required = true,
      paramLabel = "COLUMN",
      order = 2,
      description = "The sub-sets' partition key column (p_control).")
  String control;

  @Option(
      names = "--interval",
      required = true,
      paramLabel = "INTERVAL",
      order = 3,
      description =
          "Each sub-child's span, smaller than the set's: '1 day' or '1000' (p_interval).")
  String interval;

  @Option(
      names = "--declarative-check",
      required = true,
      paramLabel = "yes",
      order = 4,
      description =
          "Must be yes: existing children are rebuilt as partitioned tables"
              + " (p_declarative_check).")
  String declarativeCheck;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      order = 5,
      description = "range (default) or list (p_type).")
  String type;

  @Option(
      names = "--premake",
      paramLabel = "N",
      order = 6,
      description = "Sub-children kept ahead (default 4; p_premake).")
  Integer premake;

  @Option(
      names = "--start-partition",
      paramLabel = "VALUE",
      order = 7,
      description = "The first sub-child's start (p_start_partition).")
  String startPartition;

  @Option(
      names = "--epoch",
      paramLabel = "EPOCH",
      order = 8,
      description = "For an integer column holding time: seconds, milliseconds … (p_epoch).")
  String epoch;

  @Option(
      names = "--no-default-table",
      order = 9,
      description = "Make no default partition in the sub-sets (p_default_table).")
  boolean noDefaultTable;

  @Option(
      names = "--constraint-cols",
      split = ",",
      paramLabel = "COLUMN",
      order = 10,
      description = "The sub-sets' constraint columns, comma-separated (p_constraint_cols).")
  List<String> constraintCols;

  @Option(
      names = "--sub-retention",
      paramLabel = "RETENTION",
      order = 11,
      description = "Each sub-set's retention (sub_retention); copied into the sub-sets.")
  String subRetention;

  @Option(
      names = "--date-trunc-interval",
      paramLabel = "INTERVAL",
      order = 12,
      description = "Where the first sub-child starts (p_date_trunc_interval).")
  String dateTruncInterval;

  @Option(
      names = "--dry-run",
      order = 13,
      description = "Print the SQL and steps that would run, in order, and change nothing.")
  boolean dryRun;

  @Override
  ExitCode run() {
    SubPartitionDefinition d =
        SubPartitionDefinition.of(parent, control, interval).declarativeCheck(declarativeCheck);
    if (type != null) {
      d = d.type(type);
    }
    if (premake != null) {
      d = d.premake(premake);
    }
    if (startPartition != null) {
      d = d.startPartition(startPartition);
    }
    if (epoch != null) {
      d = d.epoch(epoch);
    }
    if (noDefaultTable) {
      d = d.defaultTable(false);
    }
    if (constraintCols != null) {
      d = d.constraintCols(constraintCols);
    }
    if (subRetention != null) {
      d = d.subRetention(subRetention);
    }
    if (dateTruncInterval != null) {
      d = d.dateTruncInterval(dateTruncInterval);
    }
    if (dryRun) {
      printDryRun("create-sub-parent", parent, partman().createSubParentDryRun(d));
      return ExitCode.OK;
    }
    SubParentResult r = partman().createSubParent(d);
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("parent_table", r.topParent());
      doc.put("sub_sets", r.subSets());
      doc.put("converted", r.converted());
      doc.put("rows_moved", r.rowsMoved());
      doc.put("existing_config", r.existingConfig());
      printJson(doc);
      return ExitCode.OK;
    }
    StringBuilder b =
        new StringBuilder("Partition set ")
            .append(r.topParent())
            .append(": ")
            .append(r.subSets().size())
            .append(r.subSets().size() == 1 ? " child is" : " children are")
            .append(" now sub-partitioned, ")
            .append(r.converted().size())
            .append(" rebuilt, ")
            .append(r.rowsMoved())
            .append(" rows moved back into sub-children.\n");
    r.subSets().forEach(s -> b.append("  ").append(s).append('\n'));
    print(b.toString());
    return ExitCode.OK;
  }
}
