package org.partman4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.partman4j.SetDefinition;
import org.partman4j.cli.output.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code partman dump-definition}: pg_partman's {@code dump_partitioned_table_definition}. */
@Command(
    name = "dump-definition",
    sortOptions = false,
    description = {
      "Writes a set's configuration out so that it can be made again: pg_partman's"
          + " dump_partitioned_table_definition SQL (a create_parent call and an UPDATE of"
          + " part_config), or with -o json partman4j's JSON form as well."
    })
final class DumpDefinitionCommand extends ConnectedCommand {

  @Parameters(
      index = "0",
      paramLabel = "PARENT",
      description = "The set's parent, schema.table (p_parent_table).")
  String parent;

  @Option(
      names = "--ignore-template-table",
      description = "Leave the template table out (p_ignore_template_table).")
  boolean ignoreTemplateTable;

  @Override
  ExitCode run() {
    SetDefinition d = partman().dumpDefinition(parent, ignoreTemplateTable);
    if (json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("parent_table", d.parentTable());
      doc.put("pg_partman_sql", d.pgPartmanSql());
      doc.put("definition", new Json.Raw(d.json()));
      printJson(doc);
    } else {
      print(d.pgPartmanSql().endsWith("\n") ? d.pgPartmanSql() : d.pgPartmanSql() + "\n");
    }
    return ExitCode.OK;
  }
}
