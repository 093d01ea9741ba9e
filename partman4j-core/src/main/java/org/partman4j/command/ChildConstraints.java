package org.partman4j.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.AppliedConstraint;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.catalog.ChildTable;
import org.partman4j.model.TableName;
import org.partman4j.naming.PartitionNames;
import org.partman4j.sql.ConstraintSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The min/max constraints of one child, read, added or dropped inside the caller's transaction. A
 * dry run reads the same and renders the same statements without running them.
 */
final class ChildConstraints {

  private static final Logger log = LoggerFactory.getLogger(ChildConstraints.class);

  private ChildConstraints() {}

  /** What applying did (or would do) on one child. */
  record Applied(
      List<AppliedConstraint> added, List<String> allNull, List<String> alreadyConstrained) {}

  /** What dropping did (or would do) on one child. */
  record Dropped(List<String> names, List<String> statements) {}

  /** The partman constraints on the child, by the column each bounds. */
  static Map<String, String> existing(Connection c, ChildTable child) throws SQLException {
    Map<String, String> byColumn = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(ConstraintSql.PARTMAN_CONSTRAINTS)) {
      ps.setLong(1, child.oid());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byColumn.putIfAbsent(rs.getString(2), rs.getString(1));
        }
      }
    }
    return byColumn;
  }

  /**
   * Adds a min/max CHECK for each column that has none yet and holds a value.
   *
   * @param execute false for a dry run: nothing is locked or changed
   * @param ignoreExisting true when the existing constraints are (to be) dropped first
   */
  static Applied apply(
      Connection c,
      ChildTable child,
      List<String> columns,
      boolean valid,
      boolean execute,
      boolean ignoreExisting,
      boolean debug)
      throws SQLException {
    TableName t = child.name();
    if (execute) {
      run(c, ConstraintSql.lockAgainstWriters(t), false);
    }
    Map<String, String> existing = ignoreExisting ? Map.of() : existing(c, child);
    List<AppliedConstraint> added = new ArrayList<>();
    List<String> allNull = new ArrayList<>();
    List<String> already = new ArrayList<>();
    for (String col : columns) {
      if (existing.containsKey(col)) {
        already.add(col);
        continue;
      }
      String min;
      String max;
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery(ConstraintSql.minMax(t, col))) {
        rs.next();
        min = rs.getString(1);
        max = rs.getString(2);
      } catch (SQLException e) {
        if ("42883".equals(e.getSQLState())) {
          throw new PartmanException(
              ErrorCode.SET_UNUSABLE,
              "Column "
                  + col
                  + " of "
                  + t
                  + " (in constraint_cols) has a type without min() and max(), so no range"
                  + " constraint can be made for it: "
                  + InspectionErrors.serverMessage(e)
                  + ". Remove it from part_config.constraint_cols.",
              e);
        }
        throw e;
      }
      if (min == null || max == null) {
        allNull.add(col);
        continue;
      }
      String name = PartitionNames.extraConstraint(t.table(), col);
      String sql = ConstraintSql.addMinMaxCheck(t, name, col, min, max, valid);
      if (execute) {
        run(c, sql, debug);
      }
      added.add(new AppliedConstraint(t.toString(), name, col, min, max, valid, sql));
    }
    return new Applied(added, allNull, already);
  }

  /** Drops the partman constraint of each configured column that has one. */
  static Dropped drop(
      Connection c, ChildTable child, List<String> columns, boolean execute, boolean debug)
      throws SQLException {
    Map<String, String> existing = existing(c, child);
    List<String> names = new ArrayList<>();
    List<String> statements = new ArrayList<>();
    for (String col : columns) {
      String name = existing.get(col);
      if (name == null || names.contains(name)) {
        continue;
      }
      String sql = ConstraintSql.dropConstraint(child.name(), name);
      if (execute) {
        run(c, sql, debug);
      }
      names.add(name);
      statements.add(sql);
    }
    return new Dropped(names, statements);
  }

  private static void run(Connection c, String sql, boolean debug) throws SQLException {
    if (debug) {
      log.info("Constraints: {}", sql);
    } else {
      log.debug("Constraints: {}", sql);
    }
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
