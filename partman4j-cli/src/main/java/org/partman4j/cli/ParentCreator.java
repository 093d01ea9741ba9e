package org.partman4j.cli;

import java.util.List;
import org.partman4j.CreateParentResult;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.Partman;

/**
 * TEMPORARY seam: {@code Partman.createParent(PartitionSetDefinition)} and its dry-run plan are
 * being added to the library on another branch. Until they land, {@code create-parent} goes through
 * this interface, which tests replace; then {@link #LIBRARY} becomes {@code
 * partman.createParent(definition)} and the plan call, and this interface goes away.
 */
interface ParentCreator {

  /** Creates the set. */
  CreateParentResult create(Partman partman, PartitionSetDefinition definition);

  /** The SQL {@link #create} would run, in order, without changing anything. */
  List<String> plan(Partman partman, PartitionSetDefinition definition);

  /** The library's implementation; not available in this build yet. */
  ParentCreator LIBRARY =
      new ParentCreator() {
        @Override
        public CreateParentResult create(Partman partman, PartitionSetDefinition definition) {
          throw notYet();
        }

        @Override
        public List<String> plan(Partman partman, PartitionSetDefinition definition) {
          throw notYet();
        }

        private CliException notYet() {
          return new CliException(
              ExitCode.FAILED,
              "create-parent is not available in this build: the library's createParent is not"
                  + " wired in yet. Use a newer partman.");
        }
      };
}
