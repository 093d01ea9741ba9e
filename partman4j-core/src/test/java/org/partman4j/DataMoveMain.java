package org.partman4j;

import java.time.Duration;
import java.time.ZoneId;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A data move in a process of its own, for the fault tests to kill: {@code data|undo url user
 * password parent table batch waitMillis}, where table is the source (data; {@code -} for the
 * default) or the target (undo), and batch the batch interval ({@code -}: none). Prints {@code
 * BATCH <n>} after each committed batch, and {@code DONE <rows> <complete>} and exits 0 when it
 * finishes.
 */
public final class DataMoveMain {

  private DataMoveMain() {}

  public static void main(String[] args) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(args[1]);
    ds.setUser(args[2]);
    ds.setPassword(args[3]);
    Partman partman =
        Partman.configure().dataSource(ds).timeZone(ZoneId.of("UTC")).clock(DataMoves.NOW).load();
    String parent = args[4];
    String table = args[5];
    String batch = args[6];
    Duration wait = Duration.ofMillis(Long.parseLong(args[7]));
    // The fault test kills this process at a random moment after the first committed batch.
    DataProgressListener announce =
        p -> {
          System.out.println("BATCH " + p.batches());
          System.out.flush();
        };
    if (args[0].equals("data")) {
      PartitionDataOptions o =
          PartitionDataOptions.defaults()
              .batchInterval(batch.equals("-") ? null : batch)
              .analyze(false)
              .waitBetweenBatches(wait)
              .listener(announce);
      PartitionDataResult r =
          partman.partitionData(parent, table.equals("-") ? o : o.sourceTable(table));
      System.out.println("DONE " + r.rowsMoved() + " " + r.complete());
    } else {
      UndoResult r =
          partman.undoPartition(
              parent,
              UndoOptions.into(table)
                  .batchInterval(batch)
                  .keepTable(false)
                  .waitBetweenBatches(wait)
                  .listener(announce));
      System.out.println("DONE " + r.rowsMoved() + " " + r.complete());
    }
  }
}
