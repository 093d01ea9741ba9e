package org.partman4j.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partman4j.ConfigChange;
import org.partman4j.catalog.TableColumn;
import org.partman4j.catalog.TableFacts;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.SetConfig;
import org.partman4j.model.TableName;
import org.partman4j.store.ConfigStore;

/**
 * Reads a set's {@code part_config} row, and changes one column of it after checking the value with
 * {@link ConfigRules}. The change is a single-column UPDATE in one short transaction, so it never
 * undoes a concurrent change of another column (maintenance writing {@code maintenance_last_run},
 * say), and maintenance picks it up on its next run.
 */
public final class ConfigEdit {

  private final Sessions sessions;
  private final String schema;
  private final ConfigStore store;

  public ConfigEdit(Sessions sessions, String schema) {
    this.sessions = sessions;
    this.schema = schema;
    this.store = new ConfigStore(schema);
  }

  /** The set's row, column name → value, in table order. */
  public Map<String, Object> get(String parentTable) {
    TableName name = InspectionErrors.parseTable("parent table", parentTable);
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return session.inTransaction(
          "reading the part_config row of " + name, c -> store.values(row(c, name)));
    }
  }

  /**
   * Sets {@code column} to the value {@code text} stands for, or with {@code dryRun} only says
   * which UPDATE would do it.
   */
  public ConfigChange set(String parentTable, String column, String text, boolean dryRun) {
    TableName name = InspectionErrors.parseTable("parent table", parentTable);
    ConfigRules.checkColumn(column, store.columnNames());
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return session.inTransaction(
          "changing " + column + " of the part_config row of " + name,
          c -> {
            SetConfig before = row(c, name);
            if (!TableFacts.exists(c, name)) {
              throw InspectionErrors.parentMissing(name, schema);
            }
            List<TableColumn> columns = TableFacts.columns(c, name);
            SetConfig after =
                ConfigRules.apply(new ConfigRules.Target(c, before, columns), column, text);
            String statement = store.updateColumnText(after, column);
            if (!dryRun && !store.updateColumn(c, after, column)) {
              throw InspectionErrors.notManaged(name, schema); // deleted meanwhile
            }
            return new ConfigChange(
                name.toString(),
                column,
                store.values(before).get(column),
                store.values(after).get(column),
                statement,
                !dryRun);
          });
    }
  }

  private SetConfig row(Connection c, TableName name) throws SQLException {
    Optional<SetConfig> row = store.find(c, name.toString());
    if (row.isPresent()) {
      return row.get();
    }
    throw TableFacts.exists(c, name)
        ? InspectionErrors.notManaged(name, schema)
        : InspectionErrors.noSuchTable(name, schema);
  }

  /** The columns that {@link #set} accepts. */
  public static List<String> settableColumns() {
    return ConfigRules.settableColumns();
  }
}
