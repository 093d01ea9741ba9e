package org.partman4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.partman4j.DropConstraintsResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code partman drop-constraints}: pg_partman's {@code drop_constraints}. */
@Command(
    name = "drop-constraints",
    sortOptions = false,
    description = {
      "Drops the partman min/max constraints of the set's constraint_cols from one child, as"
          + " pg_partman's drop_constraints."
    })
final class DropConstraintsCommand extends ConnectedCommand {

  @Mixin ParentArgument set;

  @Parameters(
      index = "1",
      paramLabel = "CHILD",
      description = "The child, schema.table or a name in the parent's schema (p_child_table).")
  String child;

  @Option(names = "--debug", description = "Log each statement as it runs (p_debug); needs -v.")
  boolean debug;

  @Option(
      names = "--dry-run",
      description = "Print the SQL that would run, in order, and change nothing.")
  boolean dryRun;

  @Override
  ExitCode run() {
    if (dryRun) {
      printDryRun(
          "drop-constraints", set.parent, partman().dropConstraintsDryRun(set.parent, child));
      return ExitCode.OK;
    }
    DropConstraintsResult r = partman().dropConstraints(set.parent, child, debug);
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("parent_table", r.parentTable());
      doc.put("child_table", r.childTable());
      doc.put("dropped", r.dropped());
      doc.put("statements", r.statements());
      printJson(doc);
      return ExitCode.OK;
    }
    StringBuilder b =
        set.summary()
            .append(r.dropped().size())
            .append(r.dropped().size() == 1 ? " constraint" : " constraints")
            .append(" dropped from ")
            .append(r.childTable())
            .append(".\n");
    r.dropped().forEach(d -> b.append("  ").append(d).append('\n'));
    print(b.toString());
    return ExitCode.OK;
  }
}
