package org.partman4j.command;

import java.sql.SQLException;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.model.TableName;
import org.partman4j.sql.Sql;

/** The failures the inspection operations report, worded once. */
final class InspectionErrors {

  private InspectionErrors() {}

  static PartmanException invalid(String message) {
    return new PartmanException(ErrorCode.INVALID_ARGUMENT, message);
  }

  static PartmanException unusable(String message) {
    return new PartmanException(ErrorCode.SET_UNUSABLE, message);
  }

  static PartmanException unusable(String message, Throwable cause) {
    return new PartmanException(ErrorCode.SET_UNUSABLE, message, cause);
  }

  /** A table name that is not {@code schema.table}. */
  static TableName parseTable(String what, String text) {
    try {
      return TableName.parse(text);
    } catch (IllegalArgumentException e) {
      throw invalid("The " + what + " is not a valid table name: " + e.getMessage() + ".");
    }
  }

  static PartmanException noSuchTable(TableName table, String schema) {
    return new PartmanException(
        ErrorCode.OBJECT_NOT_FOUND,
        "Table "
            + table
            + " does not exist, and no set of that name is configured (no part_config row in"
            + " schema "
            + schema
            + "). Check the name: schema.table, exactly as in the catalog (case-sensitive, no"
            + " quotes).");
  }

  static PartmanException notManaged(TableName table, String schema) {
    return new PartmanException(
        ErrorCode.SET_NOT_FOUND,
        "Table "
            + table
            + " is not managed by partman4j: part_config in schema "
            + schema
            + " has no row for it. Register it with createParent, or configure the schema its"
            + " configuration lives in.");
  }

  static PartmanException parentMissing(TableName table, String schema) {
    return new PartmanException(
        ErrorCode.OBJECT_NOT_FOUND,
        "Set "
            + table
            + " is configured (part_config in schema "
            + schema
            + ") but its parent table does not exist. Create the table again, or remove the"
            + " stale row: DELETE FROM "
            + Sql.qualified(schema, "part_config")
            + " WHERE parent_table = "
            + Sql.literal(table.toString())
            + ".");
  }

  /** A statement that evaluated the user's value failed: the value is at fault. */
  static PartmanException badValue(String value, String expected, SQLException e) {
    return new PartmanException(
        ErrorCode.INVALID_ARGUMENT,
        "The value '"
            + value
            + "' is not "
            + expected
            + ": "
            + serverMessage(e)
            + ". Give "
            + expected
            + ".",
        e);
  }

  static String serverMessage(SQLException e) {
    String m = e.getMessage();
    if (m != null && m.startsWith("ERROR: ")) {
      m = m.substring("ERROR: ".length());
    }
    int newline = m == null ? -1 : m.indexOf('\n');
    return newline < 0 ? String.valueOf(m) : m.substring(0, newline);
  }
}
