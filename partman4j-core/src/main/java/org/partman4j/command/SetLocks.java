package org.partman4j.command;

import java.sql.PreparedStatement;
import java.util.function.Supplier;
import org.partman4j.exec.Session;

/**
 * The per-set lock that serializes partman4j's work on one set across processes: a session-level
 * advisory lock held while the work runs its several transactions, released in all cases.
 */
final class SetLocks {

  static final String PURPOSE = "partman4j set";

  private SetLocks() {}

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
