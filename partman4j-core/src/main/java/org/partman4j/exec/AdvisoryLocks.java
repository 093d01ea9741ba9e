package org.partman4j.exec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * PostgreSQL advisory locks, the only coordination partman4j uses between its instances: no
 * home-made leases, and a crashed holder's lock disappears with its session.
 *
 * <p>Keys use the two-int form, {@code (hashtext(purpose), hashtext(subject))}, computed by the
 * server so every client version agrees; the two-int form is a separate key space from the
 * one-bigint form that applications most often use, which keeps collisions with them unlikely.
 */
public final class AdvisoryLocks {

  private AdvisoryLocks() {}

  /**
   * Waits for the transaction-scoped lock on {@code (purpose, subject)}; it is released at commit
   * or rollback. The wait is bounded by the session's {@code lock_timeout}; when it expires,
   * PostgreSQL raises SQLState 55P03, which {@link SqlErrors} reports as a lock timeout.
   */
  public static void lockForTransaction(Connection c, String purpose, String subject)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))")) {
      ps.setString(1, purpose);
      ps.setString(2, subject);
      ps.execute();
    }
  }
}
