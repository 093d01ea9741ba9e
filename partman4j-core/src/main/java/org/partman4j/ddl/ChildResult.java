package org.partman4j.ddl;

import java.util.List;
import org.partman4j.model.TableName;

/**
 * What happened to one child, with the statements run (or, in a dry run, that would be run).
 *
 * @param table the child
 * @param outcome created, existed, or would be created
 * @param statements the SQL of the transaction that made it, in order; empty when it existed
 * @param attempts how many transactions it took (more than one after lock timeouts); 0 in a dry run
 * @param rowsMoved rows moved out of the default partition into the child before it was attached
 */
public record ChildResult(
    TableName table, ChildOutcome outcome, List<String> statements, int attempts, long rowsMoved) {

  public ChildResult {
    statements = List.copyOf(statements);
  }

  /** A result without rows moved. */
  public ChildResult(TableName table, ChildOutcome outcome, List<String> statements, int attempts) {
    this(table, outcome, statements, attempts, 0);
  }
}
