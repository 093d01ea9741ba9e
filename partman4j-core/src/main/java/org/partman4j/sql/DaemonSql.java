package org.partman4j.sql;

/**
 * The statements of the maintenance daemon ({@code partman daemon}): its per-database advisory
 * lock, the replica check, the role it works as, the job history tables of store version 3, and the
 * refresh of logical-replication subscriptions. Names are quoted by {@link Sql}; values are bound
 * as parameters.
 */
public final class DaemonSql {

  private DaemonSql() {}

  /**
   * Takes the daemon's session-level advisory lock for one store without waiting; returns one
   * boolean. Parameters: the store's schema. The two-int key space keeps it apart from
   * applications' one-bigint locks, and the purpose text apart from the library's own locks.
   */
  public static final String TRY_LOCK =
      "SELECT pg_try_advisory_lock(hashtext('partman4j daemon'), hashtext(?))";

  /** Releases the lock {@link #TRY_LOCK} took. Parameters: the store's schema. */
  public static final String UNLOCK =
      "SELECT pg_advisory_unlock(hashtext('partman4j daemon'), hashtext(?))";

  /** Sets the session's {@code lock_timeout}. Parameters: the timeout, e.g. {@code 10000ms}. */
  public static final String SET_LOCK_TIMEOUT = "SELECT set_config('lock_timeout', ?, false)";

  /** Whether the server is a standby; one boolean. */
  public static final String IN_RECOVERY = "SELECT pg_is_in_recovery()";

  /** {@code SET ROLE "role"}, so that what the session creates belongs to that role. */
  public static String setRole(String role) {
    return "SET ROLE " + Sql.ident(role);
  }

  /** {@code ANALYZE "schema"."table"}. */
  public static String analyze(String schema, String table) {
    return "ANALYZE " + Sql.qualified(schema, table);
  }

  /** {@code ALTER SUBSCRIPTION "name" REFRESH PUBLICATION}. */
  public static String refreshSubscription(String name) {
    return "ALTER SUBSCRIPTION " + Sql.ident(name) + " REFRESH PUBLICATION";
  }

  /** The subscriptions of the current database that the current role owns; one name per row. */
  public static final String OWN_SUBSCRIPTIONS =
      "SELECT s.subname FROM pg_catalog.pg_subscription s"
          + " JOIN pg_catalog.pg_database d ON d.oid = s.subdbid"
          + " WHERE d.datname = current_database()"
          + " AND pg_catalog.pg_has_role(s.subowner, 'USAGE') ORDER BY 1";

  /** The parents whose maintenance is automatic, in name order. */
  public static String automaticSets(String schema) {
    return "SELECT parent_table FROM "
        + Sql.qualified(schema, "part_config")
        + " WHERE automatic_maintenance = 'on' ORDER BY parent_table";
  }

  /**
   * Starts a run; returns its {@code run_id}. Parameters: status, instance. Committed on its own so
   * that a run that dies stays visible as {@code running}.
   */
  public static String insertRun(String schema) {
    return "INSERT INTO "
        + Sql.qualified(schema, "job_run")
        + " (status, instance) VALUES (?, ?) RETURNING run_id";
  }

  /**
   * Ends a run. Parameters: status, sets_total, sets_failed, children_created, children_dropped,
   * message, run_id.
   */
  public static String finishRun(String schema) {
    return "UPDATE "
        + Sql.qualified(schema, "job_run")
        + " SET finished_at = clock_timestamp(), status = ?, sets_total = ?, sets_failed = ?,"
        + " children_created = ?, children_dropped = ?, message = ? WHERE run_id = ?";
  }

  /**
   * Counts a set's success or failure; returns its failures in a row. Parameters: parent_table,
   * then whether it succeeded three times, then the error (null on success).
   */
  public static String updateSetState(String schema) {
    return "INSERT INTO "
        + Sql.qualified(schema, "job_set_state")
        + " AS s (parent_table, consecutive_failures, last_success, last_failure, last_error)"
        + " VALUES (?, CASE WHEN ?::boolean THEN 0 ELSE 1 END,"
        + " CASE WHEN ?::boolean THEN clock_timestamp() END,"
        + " CASE WHEN ?::boolean THEN NULL ELSE clock_timestamp() END, ?)"
        + " ON CONFLICT (parent_table) DO UPDATE SET consecutive_failures ="
        + " CASE WHEN EXCLUDED.consecutive_failures = 0 THEN 0"
        + " ELSE s.consecutive_failures + 1 END,"
        + " last_success = coalesce(EXCLUDED.last_success, s.last_success),"
        + " last_failure = coalesce(EXCLUDED.last_failure, s.last_failure),"
        + " last_error = coalesce(EXCLUDED.last_error, s.last_error)"
        + " RETURNING consecutive_failures";
  }

  /**
   * Records one set's outcome in a run. Parameters: run_id, parent_table, succeeded,
   * children_created, children_dropped, children_detached, rows_moved, error, consecutive_failures.
   */
  public static String insertSetResult(String schema) {
    return "INSERT INTO "
        + Sql.qualified(schema, "job_set_result")
        + " (run_id, parent_table, succeeded, children_created, children_dropped,"
        + " children_detached, rows_moved, error, consecutive_failures)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  }

  /** Deletes runs (and their set results) older than an age. Parameters: the age in seconds. */
  public static String pruneRuns(String schema) {
    return "DELETE FROM "
        + Sql.qualified(schema, "job_run")
        + " WHERE started_at < now() - make_interval(secs => ?)";
  }

  /** Every set's failures in a row: parent_table, consecutive_failures, last_error. */
  public static String setStates(String schema) {
    return "SELECT parent_table, consecutive_failures, last_error FROM "
        + Sql.qualified(schema, "job_set_state");
  }
}
