package org.partman4j.command;

import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.ControlType;
import org.partman4j.model.TableName;

/**
 * The {@code check_control_type} operation: how pg_partman classifies a column's type. Reads the
 * catalog only; needs no configuration.
 */
public final class CheckControlType {

  private final Sessions sessions;

  /** The operation through sessions of {@code sessions}. */
  public CheckControlType(Sessions sessions) {
    this.sessions = sessions;
  }

  /** The general and exact type of {@code control} in {@code table}. */
  public ControlType run(String table, String control) {
    TableName name = InspectionErrors.parseTable("table", table);
    if (control == null || control.isEmpty()) {
      throw InspectionErrors.invalid("No column was given; give the control column's name.");
    }
    try (Session session = sessions.open()) {
      return session.inTransaction(
          "reading the type of column " + control + " of " + name,
          c -> {
            InspectionSql.readOnly(c);
            if (InspectionSql.relation(c, name).isEmpty()) {
              throw new PartmanException(
                  ErrorCode.OBJECT_NOT_FOUND,
                  "Table "
                      + name
                      + " does not exist. Check the name: schema.table, exactly as in the catalog"
                      + " (case-sensitive, no quotes).");
            }
            InspectionSql.Column column =
                InspectionSql.column(c, name, control)
                    .orElseThrow(
                        () ->
                            new PartmanException(
                                ErrorCode.OBJECT_NOT_FOUND,
                                "Table "
                                    + name
                                    + " has no column \""
                                    + control
                                    + "\". Column names are case-sensitive and unquoted."));
            return ControlType.of(column.typeName());
          });
    }
  }
}
