package org.partman4j.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.partman4j.ReapplyConstraintsResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code partman reapply-constraints}: pg_partman's {@code reapply_constraints_proc}. */
@Command(
    name = "reapply-constraints",
    sortOptions = false,
    description = {
      "Drops and/or adds the min/max constraints of every child from the oldest up to the one"
          + " apply-constraints would choose, as pg_partman's reapply_constraints_proc: per child"
          + " the drop in one transaction, the add in another, then --wait. Then ANALYZEs the"
          + " parent."
    })
final class ReapplyConstraintsCommand extends ConnectedCommand {

  @Mixin ParentArgument set;

  @Option(
      names = "--drop-constraints",
      description = "Drop the existing partman constraints first (p_drop_constraints).")
  boolean drop;

  @Option(names = "--apply-constraints", description = "Add the constraints (p_apply_constraints).")
  boolean apply;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description = "Pause between children: 500ms, 2s (p_wait). Default 0.")
  Duration wait = Duration.ZERO;

  @Option(
      names = "--dry-run",
      description = "Print the SQL that would run, in order, and change nothing (p_dryrun).")
  boolean dryRun;

  @Override
  ExitCode run() {
    if (!drop && !apply) {
      throw new CliException(
          ExitCode.USAGE, "Nothing to do: give --drop-constraints, --apply-constraints, or both.");
    }
    ReapplyConstraintsResult r =
        partman().reapplyConstraints(set.parent, drop, apply, wait, dryRun);
    if (dryRun && !json()) {
      printDryRun("reapply-constraints", set.parent, r.statements());
      return ExitCode.OK;
    }
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("parent_table", r.parentTable());
      doc.put("dry_run", r.dryRun());
      doc.put("stop_child", r.stopChild());
      doc.put("children", r.children());
      doc.put("dropped", r.dropped());
      doc.put("added", ConstraintRows.json(r.added()));
      doc.put("statements", r.statements());
      printJson(doc);
      return ExitCode.OK;
    }
    StringBuilder b =
        set.summary()
            .append(children(r.children().size()))
            .append(" worked on, ")
            .append(r.dropped().size())
            .append(" constraints dropped, ")
            .append(r.added().size())
            .append(" added.\n");
    if (r.stopChild() == null) {
      b.append("No child qualifies: the set has no data, or too few children behind the newest.\n");
    }
    if (!r.added().isEmpty()) {
      b.append('\n').append(ConstraintRows.table(r.added()).render());
    }
    print(b.toString());
    return ExitCode.OK;
  }
}
