package org.partman4j.exec;

import java.sql.SQLException;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a {@link SQLException} into a {@link PartmanException} whose message says what partman4j
 * was doing, what the server said, and what to do. Callers that know better (a constraint of the
 * config store, a missing privilege they checked for) translate those cases themselves first.
 */
public final class SqlErrors {

  /** SQLState of {@code lock_not_available}: lock_timeout expired, or NOWAIT failed. */
  public static final String LOCK_NOT_AVAILABLE = "55P03";

  /** SQLState of {@code insufficient_privilege}. */
  public static final String INSUFFICIENT_PRIVILEGE = "42501";

  private SqlErrors() {}

  /**
   * The exception to throw for {@code e}.
   *
   * @param doing what partman4j was doing, as a phrase: "installing schema partman"
   * @param statement the failed statement, or null
   */
  public static PartmanException translate(SQLException e, String doing, String statement) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String server = serverText(e);
    if (state.startsWith("08")) {
      return new PartmanException(
          ErrorCode.CONNECTION_FAILED,
          "The connection broke while "
              + doing
              + ": "
              + server
              + ". Check that the server is up and reachable, then retry.",
          state,
          statement,
          e);
    }
    if (state.equals(LOCK_NOT_AVAILABLE)) {
      return new PartmanException(
          ErrorCode.LOCK_TIMEOUT,
          "A lock was not granted in time while "
              + doing
              + ": "
              + server
              + ". Another session holds it; retry later, or raise the lock timeout"
              + " (.lockTimeout(...) / --lock-timeout).",
          state,
          statement,
          e);
    }
    if (state.equals(INSUFFICIENT_PRIVILEGE)) {
      return new PartmanException(
          ErrorCode.INSUFFICIENT_PRIVILEGE,
          "Permission denied while "
              + doing
              + ": "
              + server
              + ". Run partman4j as the owner of the objects involved, or grant the privilege.",
          state,
          statement,
          e);
    }
    return new PartmanException(
        ErrorCode.DATABASE_ERROR,
        "The database failed while " + doing + ": " + server + ".",
        state,
        statement,
        e);
  }

  /** The server's message with its detail and hint, or the driver's message. */
  public static String serverText(SQLException e) {
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage m = p.getServerErrorMessage();
      StringBuilder b = new StringBuilder(String.valueOf(m.getMessage()));
      if (m.getDetail() != null) {
        b.append(" (").append(m.getDetail()).append(')');
      }
      if (m.getHint() != null) {
        b.append(" Hint: ").append(m.getHint());
      }
      return b.toString();
    }
    return String.valueOf(e.getMessage());
  }
}
