package org.partman4j.sql;

import java.util.List;
import org.partman4j.model.TableName;

/** The statements of the status overview that maintenance's reads do not already cover. */
public final class StatusSql {

  private StatusSql() {}

  /** The database's {@code now()} in microseconds since 1970, so no zone is involved. */
  public static final String NOW = "SELECT (extract(epoch FROM now()) * 1000000)::bigint";

  /** Whether a table exists: parameter its quoted {@code schema.table}. */
  public static final String EXISTS = "SELECT pg_catalog.to_regclass(?) IS NOT NULL";

  /** The daemon's per-set failure state (store version 3): {@code (parent, error, at µs)}. */
  public static String jobState(String schema) {
    return "SELECT parent_table, last_error, (extract(epoch FROM last_failure) * 1000000)::bigint"
        + " FROM "
        + Sql.qualified(schema, "job_set_state")
        + " WHERE last_error IS NOT NULL";
  }

  /** The daemon's per-set state table, quoted, for {@link #EXISTS}. */
  public static String jobStateTable(String schema) {
    return Sql.qualified(schema, "job_set_state");
  }

  /** The exact row count of each table, in one statement: rows {@code (k, count)}. */
  public static String rowCounts(List<TableName> tables) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < tables.size(); k++) {
      if (k > 0) {
        b.append(" UNION ALL ");
      }
      b.append("SELECT ").append(k).append(", count(*) FROM ");
      b.append(Sql.qualified(tables.get(k).schema(), tables.get(k).table()));
    }
    return b.toString();
  }
}
