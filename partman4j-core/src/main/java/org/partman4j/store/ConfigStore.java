package org.partman4j.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partman4j.PartmanException;
import org.partman4j.model.SetConfig;
import org.partman4j.model.SubSetConfig;
import org.partman4j.sql.Sql;

/**
 * Typed access to {@code part_config} and {@code part_config_sub} in one schema. Every method works
 * in the caller's connection and transaction (so a command can read, plan and write in one
 * transaction) and binds every value as a parameter.
 *
 * <p>A failed write raises a {@link PartmanException}; PostgreSQL then has aborted the caller's
 * transaction, which the caller must roll back. Rows that break a constraint raise {@link
 * org.partman4j.ErrorCode#CONFIG_REJECTED} with the constraint explained; the foreign key of {@code
 * part_config_sub} is deferred and checked at COMMIT, whose error {@link StoreErrors#translate}
 * explains.
 */
public final class ConfigStore {

  private final ConfigTable<SetConfig> sets;
  private final ConfigTable<SubSetConfig> subSets;

  /** The store in {@code schema} (exact name, as configured). */
  public ConfigStore(String schema) {
    Sql.ident(schema);
    this.sets = SetConfigTable.in(schema);
    this.subSets = SubSetConfigTable.in(schema);
  }

  /** The statement {@link #insert} runs for {@code config}, values inlined, for dry runs. */
  public String insertText(SetConfig config) {
    return sets.insertText(config);
  }

  /** The statement {@link #insertSub} runs for {@code config}, values inlined, for dry runs. */
  public String insertSubText(SubSetConfig config) {
    return subSets.insertText(config);
  }

  /** The statement {@link #deleteSub} runs for {@code subParent}, for dry runs. */
  public String deleteSubText(String subParent) {
    return subSets.deleteText(subParent);
  }

  /** The columns of {@code part_config}, in table order. */
  public List<String> columnNames() {
    return sets.columnNames();
  }

  /**
   * The columns of {@code config} by name, in table order: {@code String}, {@code Integer}, {@code
   * Boolean}, {@code List<String>} (arrays), {@code Instant} (timestamptz) or null.
   */
  public Map<String, Object> values(SetConfig config) {
    return sets.values(config);
  }

  /**
   * Writes one column of a {@code part_config} row, the value taken from {@code config}, leaving
   * the others as they are (so it never undoes a concurrent change of another column); false if the
   * row does not exist.
   */
  public boolean updateColumn(Connection c, SetConfig config, String column) {
    try {
      return sets.updateOne(c, config, column);
    } catch (SQLException e) {
      throw StoreErrors.translate(
          e, "the new " + column + " of the part_config row of " + config.parentTable());
    }
  }

  /** The statement {@link #updateColumn} runs, values inlined, for dry runs. */
  public String updateColumnText(SetConfig config, String column) {
    return sets.updateOneText(config, column);
  }

  /** Every {@code part_config} row, by parent_table. */
  public List<SetConfig> findAll(Connection c) {
    try {
      return sets.findAll(c);
    } catch (SQLException e) {
      throw StoreErrors.translate(e, "reading part_config");
    }
  }

  /** The {@code part_config} row of {@code parentTable} ({@code schema.table}, unquoted). */
  public Optional<SetConfig> find(Connection c, String parentTable) {
    try {
      return sets.find(c, parentTable);
    } catch (SQLException e) {
      throw StoreErrors.translate(e, "reading the part_config row of " + parentTable);
    }
  }

  /** Inserts a {@code part_config} row; refused if that parent_table already has one. */
  public void insert(Connection c, SetConfig config) {
    try {
      sets.insert(c, config);
    } catch (SQLException e) {
      throw StoreErrors.translate(e, "the new part_config row for " + config.parentTable());
    }
  }

  /** Replaces every column of the row with this parent_table; false if there is none. */
  public boolean update(Connection c, SetConfig config) {
    try {
      return sets.update(c, config);
    } catch (SQLException e) {
      throw StoreErrors.translate(e, "the changed part_config row for " + config.parentTable());
    }
  }

  /**
   * Deletes the row of {@code parentTable}, and with it (ON DELETE CASCADE) its part_config_sub
   * row; false if there was none.
   */
  public boolean delete(Connection c, String parentTable) {
    try {
      return sets.delete(c, parentTable);
    } catch (SQLException e) {
      throw StoreErrors.translate(e, "deleting the part_config row of " + parentTable);
    }
  }

  /** The statement {@link #delete} runs, the parent written in, for dry runs. */
  public String deleteText(String parentTable) {
    return sets.deleteText(parentTable);
  }

  /** Every {@code part_config_sub} row, by sub_parent. */
  public List<SubSetConfig> findAllSub(Connection c) {
    try {
      return subSets.findAll(c);
    } catch (SQLException e) {
      throw StoreErrors.translate(e, "reading part_config_sub");
    }
  }

  /** The {@code part_config_sub} row of {@code subParent}. */
  public Optional<SubSetConfig> findSub(Connection c, String subParent) {
    try {
      return subSets.find(c, subParent);
    } catch (SQLException e) {
      throw StoreErrors.translate(e, "reading the part_config_sub row of " + subParent);
    }
  }

  /**
   * Inserts a {@code part_config_sub} row. Its sub_parent must have a part_config row by the time
   * the transaction commits.
   */
  public void insertSub(Connection c, SubSetConfig config) {
    try {
      subSets.insert(c, config);
    } catch (SQLException e) {
      throw StoreErrors.translate(e, "the new part_config_sub row for " + config.subParent());
    }
  }

  /** Replaces every column of the row with this sub_parent; false if there is none. */
  public boolean updateSub(Connection c, SubSetConfig config) {
    try {
      return subSets.update(c, config);
    } catch (SQLException e) {
      throw StoreErrors.translate(e, "the changed part_config_sub row for " + config.subParent());
    }
  }

  /** Deletes the row of {@code subParent}; false if there was none. */
  public boolean deleteSub(Connection c, String subParent) {
    try {
      return subSets.delete(c, subParent);
    } catch (SQLException e) {
      throw StoreErrors.translate(e, "deleting the part_config_sub row of " + subParent);
    }
  }
}
