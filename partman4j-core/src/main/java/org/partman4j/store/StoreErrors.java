package org.partman4j.store;

import java.sql.SQLException;
import java.util.Map;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.exec.SqlErrors;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Explains why the store rejected a configuration row. Use it also for the error of a COMMIT after
 * writing {@code part_config_sub}: its foreign key is deferred, so it is checked only then.
 */
public final class StoreErrors {

  private static final String EPOCHS =
      "'none', 'seconds', 'milliseconds', 'microseconds' or 'nanoseconds'";

  /** Constraint name → what it demands. Names are shared by both tables; columns differ. */
  private static final Map<String, String> CHECKS =
      Map.ofEntries(
          Map.entry("positive_premake_check", "%spremake must be greater than 0"),
          Map.entry("child_table_prefix_not_empty_chk", "child_table_prefix must not be empty"),
          Map.entry(
              "control_constraint_col_chk",
              "%1$sconstraint_cols must not include the control column (%1$scontrol)"),
          Map.entry(
              "retention_schema_not_empty_chk",
              "%sretention_schema must be NULL or a schema name, not an empty string"),
          Map.entry(
              "part_config_automatic_maintenance_check",
              "automatic_maintenance must be 'on' or 'off'"),
          Map.entry(
              "part_config_sub_automatic_maintenance_check",
              "sub_automatic_maintenance must be 'on' or 'off'"),
          Map.entry("part_config_epoch_check", "epoch must be " + EPOCHS),
          Map.entry("part_config_sub_epoch_check", "sub_epoch must be " + EPOCHS),
          Map.entry("part_config_type_check", "partition_type must be 'range' or 'list'"),
          Map.entry("part_config_sub_type_check", "sub_partition_type must be 'range' or 'list'"));

  private StoreErrors() {}

  /**
   * The exception for a failed write of a configuration row.
   *
   * @param doing what was being done: "inserting the part_config row for public.events"
   */
  public static PartmanException translate(SQLException e, String doing) {
    ServerErrorMessage m = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (m == null || !state.startsWith("23")) {
      return SqlErrors.translate(e, doing, null);
    }
    String table = String.valueOf(m.getTable());
    String constraint = m.getConstraint();
    String prefix = table.equals(SubSetConfigTable.NAME) ? "sub_" : "";
    String explanation =
        switch (state) {
          case "23514" ->
              CHECKS
                  .getOrDefault(constraint, "the row breaks CHECK constraint " + constraint)
                  .formatted(prefix);
          case "23505" ->
              "a row with that "
                  + (prefix.isEmpty() ? "parent_table" : "sub_parent")
                  + " already exists; update it, or delete it first";
          case "23503" ->
              "sub_parent must be the parent_table of a part_config row; insert that"
                  + " row first, or in the same transaction";
          case "23502" -> "column " + m.getColumn() + " must not be NULL";
          default -> String.valueOf(m.getMessage());
        };
    return new PartmanException(
        ErrorCode.CONFIG_REJECTED,
        "The store rejected "
            + doing
            + ": "
            + explanation
            + (constraint == null ? "" : " (constraint " + constraint + " on " + table + ")")
            + ". Correct the value and retry.",
        state,
        null,
        e);
  }
}
