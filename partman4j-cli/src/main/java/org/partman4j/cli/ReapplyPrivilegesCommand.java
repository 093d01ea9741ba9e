package org.partman4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.partman4j.ReapplyPrivilegesResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code partman reapply-privileges}: pg_partman's {@code reapply_privileges}. */
@Command(
    name = "reapply-privileges",
    sortOptions = false,
    description = {
      "Gives every child, the default included, the parent's table privileges and owner, as"
          + " pg_partman's reapply_privileges. One child per transaction; the statements run are"
          + " printed. With --dry-run, the statements that would run now, changing nothing."
    })
final class ReapplyPrivilegesCommand extends ConnectedCommand {

  @Mixin ParentArgument set;

  @Option(
      names = "--dry-run",
      description = "Print the SQL that would run, in order, and change nothing.")
  boolean dryRun;

  @Override
  ExitCode run() {
    if (dryRun) {
      printDryRun("reapply-privileges", set.parent, partman().reapplyPrivilegesDryRun(set.parent));
      return ExitCode.OK;
    }
    ReapplyPrivilegesResult r = partman().reapplyPrivileges(set.parent);
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("parent_table", r.parentTable());
      doc.put("tables_checked", r.tablesChecked());
      doc.put("tables_changed", r.tablesChanged());
      doc.put("statements", r.statements());
      printJson(doc);
      return ExitCode.OK;
    }
    StringBuilder b =
        set.summary()
            .append(r.tablesChecked())
            .append(" tables checked, ")
            .append(r.tablesChanged().size())
            .append(" changed.\n");
    r.statements().forEach(s -> b.append("  ").append(s).append('\n'));
    print(b.toString());
    return ExitCode.OK;
  }
}
