package org.partman4j.command;

import java.sql.PreparedStatement;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.TableName;

/**
 * The per-set lock that serializes partman4j's work on one set across processes: a session-level
 * advisory lock held while the work runs its several transactions, released in all cases.
 */
final class SetLocks {

  static final String PURPOSE = "partman4j set";

  private SetLocks() {}

  /**
   * The frame of an operation on one set: a session, the store installed if missing, the set's lock
   * held while {@code work} runs with the session and the parsed parent name.
   */
  static <T> T onSet(
      Sessions sessions,
      String schema,
      String parentTable,
      BiFunction<Session, TableName, T> work) {
    return readOnSet(
        sessions,
        schema,
        parentTable,
        (session, name) -> withSetLock(session, name.toString(), () -> work.apply(session, name)));
  }

  /**
   * The frame of a dry run on one set: as {@link #onSet}, but without the set's lock, so that it
   * neither waits for other partman4j work nor makes that work wait.
   */
  static <T> T readOnSet(
      Sessions sessions,
      String schema,
      String parentTable,
      BiFunction<Session, TableName, T> work) {
    TableName name = InspectionErrors.parseTable("parent table", parentTable);
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return work.apply(session, name);
    }
  }

  static <T> T withSetLock(Session session, String parentTable, Supplier<T> work) {
    session.inTransaction(
        "waiting for other partman4j work on " + parentTable + " to finish",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT pg_advisory_lock(hashtext(?), hashtext(?))")) {
            ps.setString(1, PURPOSE);
            ps.setString(2, parentTable);
            ps.execute();
          }
          return null;
        });
    try {
      return work.get();
    } finally {
      session.inTransaction(
          "releasing the partman4j lock on " + parentTable,
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement("SELECT pg_advisory_unlock(hashtext(?), hashtext(?))")) {
              ps.setString(1, PURPOSE);
              ps.setString(2, parentTable);
              ps.execute();
            }
            return null;
          });
    }
  }
}
