package org.partman4j.cli;

import java.time.Duration;
import java.util.List;
import org.partman4j.PartitionDataOptions;
import picocli.CommandLine.Option;

/** The options partition-data and undo-partition share: how each batch copies and waits. */
final class BatchOptions {

  @Option(
      names = "--ignored-columns",
      split = ",",
      paramLabel = "COLUMN",
      description = "Columns left out of the copy, comma-separated (p_ignored_columns).")
  List<String> ignoredColumns = List.of();

  @Option(
      names = "--lock-wait",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description = "How long a batch waits for its locks before it is retried (p_lock_wait).")
  Duration lockWait = Duration.ZERO;

  @Option(
      names = "--lock-wait-tries",
      paramLabel = "N",
      description = "How many times a locked batch is tried (p_lock_wait_tries); default 10.")
  int lockWaitTries = PartitionDataOptions.DEFAULT_LOCK_WAIT_TRIES;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description = "Pause after each batch (p_wait).")
  Duration wait = Duration.ZERO;
}
