package org.partman4j.command;

import java.sql.SQLException;
import org.partman4j.exec.Session;
import org.partman4j.exec.SqlErrors;

/**
 * Runs single statements (or reads that need no common snapshot) in the session's autocommit mode:
 * each statement is its own transaction, so no COMMIT round trip follows it. Maintenance's steady
 * state is made of such statements.
 */
final class Autocommit {

  private Autocommit() {}

  static <T> T run(Session session, String doing, Session.SqlWork<T> work) {
    try {
      return work.run(session.connection());
    } catch (SQLException e) {
      throw SqlErrors.translate(e, doing, null);
    }
  }
}
