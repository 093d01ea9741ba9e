package org.partman4j.exec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import org.partman4j.PartmanException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection taken from the user's DataSource, set up the way partman4j needs it, and handed
 * back as it was found. Obtain one from {@link Sessions#open()}; close it to give the connection
 * back.
 *
 * <p>While partman4j holds the connection it runs with {@code TimeZone} = the {@link #zone()
 * session zone}, {@code DateStyle = ISO}, {@code IntervalStyle = postgres}, the configured {@code
 * lock_timeout}, and {@code application_name = partman4j} unless the DataSource set its own name
 * (which is then kept: it is how the user's monitoring knows the application).
 *
 * <p>The settings are made at session level and the previous values are written back on {@link
 * #close()}, rather than {@code SET LOCAL} per transaction, because some statements partman4j runs
 * cannot run inside a transaction block ({@code DETACH PARTITION ... CONCURRENTLY}, {@code CREATE
 * INDEX CONCURRENTLY}) and must see the same settings. Writing back the values found (not {@code
 * RESET}) matters for pools: {@code RESET} would return to the startup value and undo whatever the
 * pool's own init SQL had set.
 */
public final class Session implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Session.class);

  /** The name pgjdbc sends when the application gives none; replacing it loses nothing. */
  static final String DRIVER_DEFAULT_APPLICATION_NAME = "PostgreSQL JDBC Driver";

  /** Our application_name, used when the DataSource does not name the application. */
  public static final String APPLICATION_NAME = "partman4j";

  static final String READ_SETTINGS =
      "SELECT current_setting('TimeZone'), current_setting('DateStyle'),"
          + " current_setting('IntervalStyle'), current_setting('application_name'),"
          + " current_setting('lock_timeout'), current_setting('standard_conforming_strings'),"
          + " current_setting('server_version_num')::int, current_database()";

  static final String WRITE_SETTINGS =
      "SELECT set_config('TimeZone', ?, false), set_config('DateStyle', ?, false),"
          + " set_config('IntervalStyle', ?, false), set_config('application_name', ?, false),"
          + " set_config('lock_timeout', ?, false)";

  private final Connection connection;
  private final SessionZone zone;
  private final Settings saved;
  private final boolean savedAutoCommit;

  /** The settings this class changes, in the order of {@link #WRITE_SETTINGS}. */
  record Settings(
      String timeZone,
      String dateStyle,
      String intervalStyle,
      String applicationName,
      String lockTimeout) {}

  Session(Connection connection, SessionZone zone, Settings saved, boolean savedAutoCommit) {
    this.connection = connection;
    this.zone = zone;
    this.saved = saved;
    this.savedAutoCommit = savedAutoCommit;
  }

  /** The connection, in autocommit mode; use {@link #inTransaction} for transactions. */
  public Connection connection() {
    return connection;
  }

  /** The zone this session's {@code TimeZone} is set to; the planner computes in the same zone. */
  public ZoneId zone() {
    return zone.zone();
  }

  /** The zone with its PostgreSQL spelling and origin. */
  public SessionZone sessionZone() {
    return zone;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. A
   * {@link SQLException} becomes a {@link PartmanException} saying what was being done.
   *
   * @param doing what the work does, as a phrase for error messages ("installing schema partman")
   */
  public <T> T inTransaction(String doing, SqlWork<T> work) {
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e, doing, null);
    }
  }

  /**
   * Runs {@code statements} as one transaction in one round trip: {@code BEGIN}, the statements and
   * {@code COMMIT} are sent together. When one fails, PostgreSQL skips the rest (the COMMIT too)
   * and the transaction is rolled back here, so nothing of it stays. The error does not say which
   * statement failed: a caller that must say so runs them again one at a time. Call it outside
   * {@link #inTransaction}: its own BEGIN and COMMIT would end the caller's transaction.
   *
   * @param doing what the statements do, as a phrase for error messages
   * @throws IllegalStateException when called inside a transaction of this session
   */
  public void inOneRoundTrip(String doing, List<String> statements) {
    try {
      if (!connection.getAutoCommit()) {
        throw new IllegalStateException(
            "inOneRoundTrip called inside a transaction (" + doing + "); call it outside one");
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e, doing, null);
    }
    try (Statement st = connection.createStatement()) {
      st.execute("BEGIN;\n" + String.join(";\n", statements) + ";\nCOMMIT");
    } catch (SQLException e) {
      try (Statement st = connection.createStatement()) {
        st.execute("ROLLBACK"); // the failed transaction block is still open
      } catch (SQLException r) {
        log.debug("Session: rollback failed after an error", r);
      }
      throw SqlErrors.translate(e, doing, null);
    }
  }

  /** Work to run on the session's connection. */
  @FunctionalInterface
  public interface SqlWork<T> {
    /** Does the work; may throw SQLException, which the session translates. */
    T run(Connection connection) throws SQLException;
  }

  /** Writes the previous settings back and returns the connection to the DataSource. */
  @Override
  public void close() {
    try {
      if (!connection.isClosed()) {
        if (!connection.getAutoCommit()) {
          connection.rollback();
          connection.setAutoCommit(true);
        }
        write(connection, saved);
        if (!savedAutoCommit) {
          connection.setAutoCommit(false);
        }
      }
    } catch (SQLException e) {
      log.warn(
          "Session {}: could not restore the connection's settings before returning it ({});"
              + " the pool should discard a broken connection",
          zone.postgresName(),
          e.getMessage());
    } finally {
      try {
        connection.close();
      } catch (SQLException e) {
        log.debug("Session: closing the connection failed", e);
      }
    }
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      log.debug("Session: rollback failed after an error", e);
    }
  }

  /** Sets all five settings in one round trip; returns TimeZone as PostgreSQL spells it. */
  static String write(Connection c, Settings s) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(WRITE_SETTINGS)) {
      ps.setString(1, s.timeZone());
      ps.setString(2, s.dateStyle());
      ps.setString(3, s.intervalStyle());
      ps.setString(4, s.applicationName());
      ps.setString(5, s.lockTimeout());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
