package org.partman4j.cli;

import picocli.CommandLine.Parameters;

/** The first argument of the commands that work on one set: its parent table. */
final class ParentArgument {

  @Parameters(
      index = "0",
      paramLabel = "PARENT",
      description = "The set's parent, schema.table (p_parent_table).")
  String parent;

  /** {@code "Partition set public.events: "}, how the commands start their summary line. */
  StringBuilder summary() {
    return new StringBuilder("Partition set ").append(parent).append(": ");
  }
}
