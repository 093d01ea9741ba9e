package org.partman4j;

import java.sql.SQLException;
import java.util.Objects;

/**
 * The one exception partman4j throws. Its message says what is wrong and what to do about it; the
 * {@link #code() code} tells programs (and the command line's exit status) what kind of failure it
 * was; the SQLState, the statement and the cause are kept for diagnosis.
 */
public final class PartmanException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String sqlState;
  private final String statement;

  /** A failure that did not come from the database. */
  public PartmanException(ErrorCode code, String message) {
    this(code, message, null, null, null);
  }

  /** A failure caused by another exception; a {@link SQLException}'s SQLState is kept. */
  public PartmanException(ErrorCode code, String message, Throwable cause) {
    this(code, message, sqlStateOf(cause), null, cause);
  }

  /**
   * A failure of a statement.
   *
   * @param sqlState the server's SQLState, or null
   * @param statement the SQL that failed, or null; shown only in debug output
   */
  public PartmanException(
      ErrorCode code, String message, String sqlState, String statement, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.sqlState = sqlState;
    this.statement = statement;
  }

  /** The kind of failure. */
  public ErrorCode code() {
    return code;
  }

  /** The five-character SQLState reported by PostgreSQL, or null if the database did not fail. */
  public String sqlState() {
    return sqlState;
  }

  /** The statement that failed, or null. */
  public String statement() {
    return statement;
  }

  private static String sqlStateOf(Throwable cause) {
    return cause instanceof SQLException e ? e.getSQLState() : null;
  }
}
