package org.partman4j.command;

import org.partman4j.SetDefinition;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.TableName;
import org.partman4j.plan.DefinitionFacts;
import org.partman4j.plan.DefinitionJson;
import org.partman4j.plan.PgPartmanDump;

/**
 * The {@code dump_partitioned_table_definition} operation: a set's configuration as pg_partman's
 * SQL and as partman4j's JSON.
 */
public final class DumpDefinition {

  private final Sessions sessions;
  private final String schema;

  /** The operation on sets configured in {@code schema}. */
  public DumpDefinition(Sessions sessions, String schema) {
    this.sessions = sessions;
    this.schema = schema;
  }

  /**
   * The definition of {@code parentTable}.
   *
   * @param ignoreTemplateTable write no template table (pg_partman's {@code
   *     p_ignore_template_table})
   */
  public SetDefinition run(String parentTable, boolean ignoreTemplateTable) {
    TableName name = InspectionErrors.parseTable("parent table", parentTable);
    SetReader reader = new SetReader(schema);
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return session.inTransaction(
          "writing out the definition of " + name,
          c -> {
            InspectionSql.readOnly(c);
            SetReader.Found found = reader.find(c, name);
            Boolean notNull =
                InspectionSql.column(c, name, found.config().control())
                    .map(InspectionSql.Column::notNull)
                    .orElse(null);
            DefinitionFacts facts =
                new DefinitionFacts(
                    found.config(),
                    found.parent().defaultPartition().isPresent(),
                    notNull,
                    ignoreTemplateTable);
            String schemaSql = InspectionSql.quoteIdent(c, schema);
            return new SetDefinition(
                found.config().parentTable(),
                PgPartmanDump.render(facts, schemaSql),
                DefinitionJson.render(facts));
          });
    }
  }
}
