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
      names = "--automatic-maintenance",
      paramLabel = "on|off",
      order = 13,
      completionCandidates = CreateParentCommand.OnOff.class,
      description =
          "Whether run-maintenance without --parent includes the sub-sets (default on;"
              + " sub_automatic_maintenance).")
  String automaticMaintenance;

  @Option(
      names = "--template-table",
      paramLabel = "SCHEMA.TABLE",
      order = 14,
      description =
          "An existing template table for the sub-sets' children (default: the set's own;"
              + " sub_template_table).")
  String templateTable;

  @Option(
      names = "--no-jobmon",
      order = 15,
      description = "Store sub_jobmon = false (partman4j never uses pg_jobmon; p_jobmon).")
  boolean noJobmon;

  @Option(
      names = "--no-control-not-null",
      order = 16,
      description = "Allow a sub control column without NOT NULL (sub_control_not_null).")
  boolean noControlNotNull;

  @Option(
      names = "--time-encoder",
      paramLabel = "FUNCTION",
      order = 17,
      description =
          "schema.function turning a timestamptz into the text/uuid sub control value"
              + " (sub_time_encoder).")
  String timeEncoder;

  @Option(
      names = "--time-decoder",
      paramLabel = "FUNCTION",
      order = 18,
      description =
          "schema.function turning a text/uuid sub control value into a timestamptz"
              + " (sub_time_decoder).")
  String timeDecoder;

  @Option(
      names = "--sub-retention-schema",
      paramLabel = "SCHEMA",
      order = 19,
      description =
          "An existing schema sub-children past retention are moved to (sub_retention_schema).")
  String subRetentionSchema;

  @Option(
      names = "--no-sub-retention-keep-table",
      order = 20,
      description =
          "Drop sub-children past retention instead of detaching and keeping them"
              + " (sub_retention_keep_table).")
  boolean noSubRetentionKeepTable;

  @Option(
      names = "--no-sub-retention-keep-index",
      order = 21,
      description =
          "Drop the indexes of kept or moved sub-children (sub_retention_keep_index); copied into"
              + " the sub-sets.")
  boolean noSubRetentionKeepIndex;

  @Option(
      names = "--sub-retention-keep-publication",
      order = 22,
      description =
          "Keep retired sub-children in their publications (sub_retention_keep_publication).")
  boolean subRetentionKeepPublication;

  @Option(
      names = "--optimize-constraint",
      paramLabel = "N",
      order = 23,
      description =
          "How many sub-children back constraint_cols constraints go on (default 30;"
              + " sub_optimize_constraint).")
  Integer optimizeConstraint;

  @Option(
      names = "--infinite-time-partitions",
      order = 24,
      description =
          "Premake time sub-children even when no new rows arrive"
              + " (sub_infinite_time_partitions).")
  boolean infiniteTimePartitions;

  @Option(
      names = "--inherit-privileges",
      order = 25,
      description =
          "Give each new sub-child its sub-parent's grants and owner (sub_inherit_privileges).")
  boolean inheritPrivileges;

  @Option(
      names = "--no-constraint-valid",
      order = 26,
      description = "Add constraint_cols constraints NOT VALID (sub_constraint_valid).")
  boolean noConstraintValid;

  @Option(
      names = "--no-ignore-default-data",
      order = 27,
      description =
          "Let rows in a sub-set's default partition count when maintenance finds the newest"
              + " data (sub_ignore_default_data).")
  boolean noIgnoreDefaultData;

  @Option(
      names = "--maintenance-order",
      paramLabel = "N",
      order = 28,
      description = "Where the sub-sets come in run-maintenance's order (sub_maintenance_order).")
  Integer maintenanceOrder;

  @Option(
      names = "--dry-run",
      order = 29,
      description = "Print the SQL and steps that would run, in order, and change nothing.")
  boolean dryRun;

  /** The definition these options describe; unset options keep pg_partman's defaults. */
  SubPartitionDefinition definition() {
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
    if (automaticMaintenance != null) {
      d = d.automaticMaintenance(automaticMaintenance);
    }
    if (templateTable != null) {
      d = d.templateTable(templateTable);
    }
    if (timeEncoder != null || timeDecoder != null) {
      d = d.timeEncoding(timeEncoder, timeDecoder);
    }
    if (subRetentionSchema != null) {
      d = d.subRetentionSchema(subRetentionSchema);
    }
    if (optimizeConstraint != null) {
      d = d.optimizeConstraint(optimizeConstraint);
    }
    if (maintenanceOrder != null) {
      d = d.maintenanceOrder(maintenanceOrder);
    }
    return d.jobmon(!noJobmon)
        .controlNotNull(!noControlNotNull)
        .subRetentionKeepTable(!noSubRetentionKeepTable)
        .subRetentionKeepIndex(!noSubRetentionKeepIndex)
        .subRetentionKeepPublication(subRetentionKeepPublication)
        .infiniteTimePartitions(infiniteTimePartitions)
        .inheritPrivileges(inheritPrivileges)
        .constraintValid(!noConstraintValid)
        .ignoreDefaultData(!noIgnoreDefaultData);
  }

  @Override
  ExitCode run() {
    SubPartitionDefinition d = definition();
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
