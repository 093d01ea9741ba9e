package org.partman4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.partman4j.ApplyConstraintsResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code partman apply-constraints}: pg_partman's {@code apply_constraints}. */
@Command(
    name = "apply-constraints",
    sortOptions = false,
    description = {
      "Adds the min/max CHECK constraints of the set's constraint_cols to one child, as"
          + " pg_partman's apply_constraints. Without CHILD the child is chosen as pg_partman"
          + " chooses it (optimize_constraint intervals behind the newest child with data)."
    })
final class ApplyConstraintsCommand extends ConnectedCommand {

  @Mixin ParentArgument set;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "CHILD",
      description = "The child, schema.table or a name in the parent's schema (p_child_table).")
  String child;

  @Option(names = "--analyze", description = "ANALYZE the parent afterwards (p_analyze).")
  boolean analyze;

  @Option(
      names = "--dry-run",
      description = "Print the SQL that would run, in order, and change nothing.")
  boolean dryRun;

  @Override
  ExitCode run() {
    if (dryRun) {
      printDryRun(
          "apply-constraints",
          set.parent,
          partman().applyConstraintsDryRun(set.parent, child, analyze));
      return ExitCode.OK;
    }
    ApplyConstraintsResult r = partman().applyConstraints(set.parent, child, analyze);
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("parent_table", r.parentTable());
      doc.put("child_table", r.childTable());
      doc.put("added", ConstraintRows.json(r.added()));
      doc.put("all_null_columns", r.allNullColumns());
      doc.put("already_constrained", r.alreadyConstrained());
      doc.put("reason", r.reason());
      printJson(doc);
      return ExitCode.OK;
    }
    StringBuilder b = set.summary();
    if (r.reason() != null) {
      b.append("nothing done: ").append(r.reason()).append('\n');
    } else {
      b.append(r.added().size())
          .append(r.added().size() == 1 ? " constraint" : " constraints")
          .append(" added to ")
          .append(r.childTable())
          .append(".\n");
      if (!r.alreadyConstrained().isEmpty()) {
        b.append("Already constrained: ")
            .append(String.join(", ", r.alreadyConstrained()))
            .append('\n');
      }
      if (!r.allNullColumns().isEmpty()) {
        b.append("Only NULLs, so no constraint: ")
            .append(String.join(", ", r.allNullColumns()))
            .append('\n');
      }
      if (!r.added().isEmpty()) {
        b.append('\n').append(ConstraintRows.table(r.added()).render());
      }
    }
    print(b.toString());
    return ExitCode.OK;
  }
}
