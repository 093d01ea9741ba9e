package org.partman4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.partman4j.PartitionDataOptions;
import org.partman4j.PartitionDataResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code partman partition-data}: pg_partman's {@code partition_data_proc}. */
@Command(
    name = "partition-data",
    sortOptions = false,
    description = {
      "Moves rows out of the set's default partition (or another table) into the children their"
          + " values belong in, making missing children, as pg_partman's partition_data_proc:"
          + " one transaction per batch, so an interrupted run resumes. Progress on standard"
          + " error. --dry-run prints the children it would make and each batch's statement."
    })
final class PartitionDataCommand extends ConnectedCommand {

  @Mixin ParentArgument set;

  @Option(
      names = "--source-table",
      paramLabel = "TABLE",
      description = "Move rows out of this table instead of the default (p_source_table).")
  String sourceTable;

  @Option(
      names = "--interval",
      paramLabel = "INTERVAL",
      description = "The range one batch moves: '1 hour', or a number for id sets (p_interval).")
  String interval;

  @Option(
      names = "--loop-count",
      paramLabel = "N",
      description = "At most N batches; default until the source is empty (p_loop_count).")
  long loopCount;

  @Option(
      names = "--order",
      paramLabel = "ASC|DESC",
      description = "ASC (default, oldest rows first) or DESC (p_order).")
  String order = "ASC";

  @Mixin BatchOptions batch;

  @Option(names = "--no-analyze", description = "Do not ANALYZE the parent at the end.")
  boolean noAnalyze;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Sessions moving rows at once, from a source table (default 1).")
  int workers = 1;

  @Option(
      names = "--dry-run",
      description =
          "Print the SQL that would run, in order (children, then each batch with its range),"
              + " and change nothing.")
  boolean dryRun;

  @Override
  ExitCode run() {
    boolean descending =
        switch (order.toUpperCase(java.util.Locale.ROOT)) {
          case "ASC" -> false;
          case "DESC" -> true;
          default ->
              throw new CliException(
                  ExitCode.USAGE, "--order '" + order + "' is neither ASC nor DESC.");
        };
    PartitionDataOptions options =
        PartitionDataOptions.defaults()
            .sourceTable(sourceTable)
            .batchInterval(interval)
            .batchCount(loopCount)
            .descending(descending)
            .ignoredColumns(batch.ignoredColumns)
            .lockWait(batch.lockWait, batch.lockWaitTries)
            .waitBetweenBatches(batch.wait)
            .analyze(!noAnalyze)
            .workers(workers);
    if (dryRun) {
      printDryRun("partition-data", set.parent, partman().partitionDataDryRun(set.parent, options));
      return ExitCode.OK;
    }
    Progress progress = Progress.of(err(), "partition-data " + set.parent);
    options = options.listener(progress);
    PartitionDataResult r;
    try {
      r = partman().partitionData(set.parent, options);
    } finally {
      progress.done();
    }
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("parent_table", r.parentTable());
      doc.put("source_table", r.sourceTable());
      doc.put("rows_moved", r.rowsMoved());
      doc.put("batches", r.batches());
      doc.put("children_created", r.childrenCreated());
      doc.put("complete", r.complete());
      doc.put("elapsed_ms", r.elapsed().toMillis());
      printJson(doc);
      return ExitCode.OK;
    }
    StringBuilder b =
        set.summary()
            .append(r.rowsMoved())
            .append(" rows moved out of ")
            .append(r.sourceTable())
            .append(" in ")
            .append(r.batches())
            .append(r.batches() == 1 ? " batch" : " batches")
            .append(", ")
            .append(children(r.childrenCreated().size()))
            .append(" made")
            .append(r.complete() ? "" : "; rows are left (--loop-count reached), run it again")
            .append(".\n");
    r.childrenCreated().forEach(c -> b.append("  ").append(c).append('\n'));
    print(b.toString());
    return ExitCode.OK;
  }
}
