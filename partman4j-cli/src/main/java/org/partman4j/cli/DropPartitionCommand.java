package org.partman4j.cli;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.partman4j.ErrorCode;
import org.partman4j.Partman;
import org.partman4j.PartmanException;
import org.partman4j.RetentionOutcome;
import org.partman4j.cli.output.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code partman drop-partition}: pg_partman's {@code drop_partition_time} and {@code
 * drop_partition_id}, chosen by the set's kind.
 */
@Command(
    name = "drop-partition",
    sortOptions = false,
    description = {
      "Retires the children of a set that are past retention, as pg_partman's"
          + " drop_partition_time (sets partitioned by time) and drop_partition_id (id sets):"
          + " drops them, detaches and keeps them, or moves them to a schema. Options not given"
          + " take the set's part_config values. The set's last child is never retired."
    })
final class DropPartitionCommand extends ConnectedCommand {

  @Mixin ParentArgument set;

  @Option(
      names = "--retention",
      paramLabel = "RETENTION",
      description =
          "How much to keep: an interval ('30 days') for time sets, a number of ids for id sets"
              + " (p_retention). Default: part_config.retention.")
  String retention;

  @Option(
      names = "--reference",
      paramLabel = "TIMESTAMP",
      converter = Converters.InstantConverter.class,
      description =
          "Time sets: the time retention counts back from, e.g. '2027-01-01T00:00:00Z'. Default:"
              + " now.")
  Instant reference;

  @Option(
      names = "--keep-table",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "BOOL",
      description =
          "Detach children and keep them as tables (p_keep_table). Default:"
              + " part_config.retention_keep_table.")
  Boolean keepTable;

  @Option(
      names = "--keep-index",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "BOOL",
      description =
          "false drops a kept or moved child's indexes (p_keep_index). Default:"
              + " part_config.retention_keep_index.")
  Boolean keepIndex;

  @Option(
      names = "--retention-schema",
      paramLabel = "SCHEMA",
      description =
          "Move children to this schema instead of dropping them (p_retention_schema); wins over"
              + " --keep-table. Default: part_config.retention_schema.")
  String retentionSchema;

  @Option(
      names = "--dry-run",
      description = "Print the SQL that would run, in order, and change nothing.")
  boolean dryRun;

  @Override
  ExitCode run() {
    Partman partman = partman();
    boolean time = timeBased(partman);
    if (!time && reference != null) {
      throw new CliException(
          ExitCode.USAGE,
          set.parent
              + " is partitioned by id, where retention counts back from the largest id;"
              + " --reference is for sets partitioned by time. Leave it out.");
    }
    if (dryRun) {
      printDryRun(
          "drop-partition",
          set.parent,
          time
              ? partman.dropPartitionTimeDryRun(
                  set.parent, retention, reference, keepTable, keepIndex, retentionSchema)
              : partman.dropPartitionIdDryRun(
                  set.parent, ids(), keepTable, keepIndex, retentionSchema));
      return ExitCode.OK;
    }
    RetentionOutcome r =
        time
            ? partman.dropPartitionTime(
                set.parent, retention, reference, keepTable, keepIndex, retentionSchema)
            : partman.dropPartitionId(set.parent, ids(), keepTable, keepIndex, retentionSchema);
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("parent_table", r.parentTable());
      doc.put("count", r.count());
      doc.put("dropped", r.dropped());
      doc.put("detached", r.detached());
      doc.put("moved", r.moved());
      doc.put("retention_schema", r.retentionSchema());
      doc.put("finalized", r.finalized());
      doc.put("configs_removed", r.configsRemoved());
      doc.put("kept_last", r.keptLast());
      doc.put("concurrent", r.concurrent());
      printJson(doc);
      return ExitCode.OK;
    }
    TextTable t = new TextTable("child", "retired");
    r.dropped().forEach(c -> t.row(c, "dropped"));
    r.detached().forEach(c -> t.row(c, "detached, kept as a table"));
    r.moved().forEach(c -> t.row(c, "moved to schema " + r.retentionSchema()));
    r.finalized().forEach(c -> t.row(c, "interrupted detach finalized"));
    StringBuilder b = set.summary().append(children(r.count())).append(" retired.\n");
    if (r.keptLast() != null) {
      b.append(r.keptLast()).append(" is past retention but kept: it is the set's last child.\n");
    }
    if (!t.isEmpty()) {
      b.append('\n').append(t.render());
    }
    print(b.toString());
    return ExitCode.OK;
  }

  /** Whether the set is partitioned by time (time, epoch or encoded control), read from its row. */
  private boolean timeBased(Partman partman) {
    Map<String, Object> row = partman.configGet(set.parent);
    Object epoch = row.get("epoch");
    if (epoch != null && !"none".equals(epoch.toString())) {
      return true;
    }
    if (row.get("time_decoder") != null) {
      return true;
    }
    return partman.checkControlType(set.parent, String.valueOf(row.get("control"))).isTime();
  }

  private Long ids() {
    if (retention == null) {
      return null;
    }
    try {
      return Long.valueOf(retention.strip());
    } catch (NumberFormatException e) {
      throw new PartmanException(
          ErrorCode.INVALID_ARGUMENT,
          "--retention '"
              + retention
              + "' is not a whole number, and "
              + set.parent
              + " is partitioned by id: give how many ids below the largest to keep, e.g."
              + " --retention 100000.");
    }
  }
}
