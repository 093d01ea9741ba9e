package org.partman4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.partman4j.UndoOptions;
import org.partman4j.UndoResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code partman undo-partition}: pg_partman's {@code undo_partition_proc}. */
@Command(
    name = "undo-partition",
    sortOptions = false,
    description = {
      "Moves every row of a set into one table and takes the set apart, as pg_partman's"
          + " undo_partition_proc: the default first, then the children from the oldest, each"
          + " detached (or dropped) once empty; then the set's configuration is removed. An"
          + " interrupted run resumes. Progress on standard error. --dry-run prints each batch's"
          + " statement, the detaches and the configuration removal."
    })
final class UndoPartitionCommand extends ConnectedCommand {

  @Mixin ParentArgument set;

  @Option(
      names = "--target-table",
      required = true,
      paramLabel = "TABLE",
      description = "The existing table the rows go to, schema.table (p_target_table).")
  String targetTable;

  @Option(
      names = "--keep-table",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "BOOL",
      description = "Keep the emptied children as tables (default true; p_keep_table).")
  boolean keepTable = true;

  @Option(
      names = "--interval",
      paramLabel = "INTERVAL",
      description = "The range one batch moves (p_batch_interval).")
  String interval;

  @Option(
      names = "--loop-count",
      paramLabel = "N",
      description = "At most N batches; default until no child is left (p_loop_count).")
  long loopCount;

  @Mixin BatchOptions batch;

  @Option(
      names = "--drop-cascade",
      description = "Drop children with CASCADE when they are not kept (p_drop_cascade).")
  boolean dropCascade;

  @Option(
      names = "--dry-run",
      description =
          "Print the SQL that would run, in order (each batch with its range, each detach), and"
              + " change nothing.")
  boolean dryRun;

  @Override
  ExitCode run() {
    UndoOptions options =
        UndoOptions.into(targetTable)
            .keepTable(keepTable)
            .batchInterval(interval)
            .loopCount(loopCount)
            .ignoredColumns(batch.ignoredColumns)
            .lockWait(batch.lockWait, batch.lockWaitTries)
            .waitBetweenBatches(batch.wait)
            .dropCascade(dropCascade);
    if (dryRun) {
      printDryRun("undo-partition", set.parent, partman().undoPartitionDryRun(set.parent, options));
      return ExitCode.OK;
    }
    Progress progress = Progress.of(err(), "undo-partition " + set.parent);
    options = options.listener(progress);
    UndoResult r;
    try {
      r = partman().undoPartition(set.parent, options);
    } finally {
      progress.done();
    }
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("parent_table", r.parentTable());
      doc.put("target_table", r.targetTable());
      doc.put("rows_moved", r.rowsMoved());
      doc.put("batches", r.batches());
      doc.put("partitions_undone", r.partitionsUndone());
      doc.put("complete", r.complete());
      doc.put("template_dropped", r.templateDropped());
      printJson(doc);
      return ExitCode.OK;
    }
    StringBuilder b =
        set.summary()
            .append(r.rowsMoved())
            .append(" rows moved into ")
            .append(r.targetTable())
            .append(", ")
            .append(r.partitionsUndone().size())
            .append(keepTable ? " partitions detached" : " partitions dropped")
            .append(
                r.complete()
                    ? "; the set's configuration is removed.\n"
                    : "; children are left (--loop-count reached), run it again.\n");
    r.partitionsUndone().forEach(c -> b.append("  ").append(c).append('\n'));
    print(b.toString());
    return ExitCode.OK;
  }
}
