package org.partman4j.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.model.TableName;
import org.partman4j.sql.DataSql;

/**
 * The column list a data move copies: the columns of one side (the source for partitionData, the
 * target for undo) minus the ignored ones, checked against the other side, in column order.
 */
final class MoveColumns {

  /** One live column and whether PostgreSQL computes it (attgenerated 's'). */
  record Column(String name, boolean generated) {}

  private MoveColumns() {}

  static Map<String, Column> read(Connection c, TableName table) throws SQLException {
    Map<String, Column> out = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(DataSql.COLUMNS)) {
      ps.setString(1, table.schema());
      ps.setString(2, table.table());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          String generated = rs.getString(2);
          out.put(name, new Column(name, generated != null && !generated.isEmpty()));
        }
      }
    }
    return out;
  }

  /**
   * The columns to copy from {@code from} to {@code to}.
   *
   * @param control the set's control column, which must be copied
   * @param generatedSide the table whose generated columns cannot be written (the move's target)
   */
  static List<String> list(
      TableName fromName,
      Map<String, Column> from,
      TableName toName,
      Map<String, Column> to,
      Map<String, Column> generatedSide,
      TableName generatedSideName,
      List<String> ignored,
      String control) {
    List<String> unknown = new ArrayList<>();
    for (String i : ignored) {
      if (!from.containsKey(i)) {
        unknown.add(i);
      }
    }
    if (!unknown.isEmpty()) {
      throw invalid(
          "The ignored columns "
              + unknown
              + " are not columns of "
              + fromName
              + "; its columns are "
              + from.keySet()
              + ". Nothing was moved.");
    }
    if (ignored.contains(control)) {
      throw invalid(
          "The control column "
              + control
              + " cannot be ignored: rows are placed by it. Nothing was moved.");
    }
    List<String> cols = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> generated = new ArrayList<>();
    for (String name : from.keySet()) {
      if (ignored.contains(name)) {
        continue;
      }
      if (!to.containsKey(name)) {
        missing.add(name);
        continue;
      }
      Column g = generatedSide.get(name);
      if (g != null && g.generated()) {
        generated.add(name);
      }
      cols.add(name);
    }
    if (!missing.isEmpty()) {
      throw invalid(
          "The columns "
              + missing
              + " of "
              + fromName
              + " do not exist in "
              + toName
              + ", so rows cannot be moved between the two. Add them to "
              + toName
              + ", or pass them as ignored columns to leave their values out. Nothing was"
              + " moved.");
    }
    if (!cols.contains(control)) {
      throw invalid(
          fromName
              + " has no column "
              + control
              + ", the set's control column. Nothing was moved.");
    }
    if (!generated.isEmpty()) {
      List<String> all = new ArrayList<>(ignored);
      all.addAll(generated);
      throw invalid(
          "The columns "
              + generated
              + " of "
              + generatedSideName
              + " are GENERATED ALWAYS AS (…) STORED, so values cannot be written to them; they"
              + " are computed again on insert. Pass ignoredColumns("
              + String.join(", ", all)
              + ") (p_ignored_columns). Nothing was moved.");
    }
    return List.copyOf(cols);
  }

  private static PartmanException invalid(String message) {
    return new PartmanException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
