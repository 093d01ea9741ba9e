package org.partman4j.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.InstallResult;
import org.partman4j.cli.output.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code partman install}: creates or upgrades partman's schema and tables in the database. */
@Command(
    name = "install",
    sortOptions = false,
    description = {
      "Creates partman's schema and configuration tables (part_config, part_config_sub and a"
          + " version table), or upgrades them to this release. Safe to repeat: when they are"
          + " current nothing changes. Other commands also install on first use.",
      "Needs CREATE on the database (or ownership of an existing schema); never superuser."
    })
final class InstallCommand extends ConnectedCommand {

  @Option(
      names = "--dry-run",
      description = "Print the SQL an install would run, in order, and change nothing.")
  boolean dryRun;

  @Override
  ExitCode run() {
    if (dryRun) {
      printPlan(partman().installDryRun());
      return ExitCode.OK;
    }
    InstallResult result = partman().install();
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("schema", result.schema());
      doc.put("changed", result.changed());
      doc.put("version_before", result.versionBefore());
      doc.put("version_after", result.versionAfter());
      doc.put("scripts_applied", result.scriptsApplied());
      printJson(doc);
    } else if (!result.changed()) {
      print(
          "The partman store in schema "
              + result.schema()
              + " is current (version "
              + result.versionAfter()
              + "); nothing was applied.\n");
    } else {
      TextTable scripts = new TextTable("applied script");
      result.scriptsApplied().forEach(scripts::row);
      print(
          (result.versionBefore() == 0
                  ? "Installed the partman store in schema "
                      + result.schema()
                      + " at version "
                      + result.versionAfter()
                  : "Upgraded the partman store in schema "
                      + result.schema()
                      + " from version "
                      + result.versionBefore()
                      + " to "
                      + result.versionAfter())
              + ".\n\n"
              + scripts.render());
    }
    return ExitCode.OK;
  }

  private void printPlan(List<String> statements) {
    String schema = partman().schema();
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("schema", schema);
      doc.put("dry_run", true);
      doc.put("statements", statements);
      printJson(doc);
      return;
    }
    StringBuilder b =
        new StringBuilder("-- Dry run of install in schema ")
            .append(schema)
            .append(": nothing was changed. ")
            .append(
                statements.isEmpty()
                    ? "The store is current; no statement would run.\n"
                    : "These statements would run, in order, in one transaction:\n");
    appendStatements(b, statements);
    print(b.toString());
  }
}
