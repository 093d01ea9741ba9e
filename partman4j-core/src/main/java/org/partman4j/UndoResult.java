package org.partman4j;

import java.util.List;

/**
 * What {@link Partman#undoPartition} did.
 *
 * @param parentTable the set
 * @param targetTable the table the rows were moved into
 * @param rowsMoved rows moved
 * @param batches batches committed, one transaction each
 * @param partitionsUndone children (the default among them) detached, or dropped when not kept
 * @param complete whether no child is left: the set's configuration row has then been removed
 * @param templateDropped the automatic template table dropped with the configuration, or null
 */
public record UndoResult(
    String parentTable,
    String targetTable,
    long rowsMoved,
    long batches,
    List<String> partitionsUndone,
    boolean complete,
    String templateDropped) {

  public UndoResult {
    partitionsUndone = List.copyOf(partitionsUndone);
  }
}
