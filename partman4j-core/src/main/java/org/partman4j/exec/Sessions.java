package org.partman4j.exec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.exec.Session.Settings;
import org.partman4j.exec.SessionZone.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens {@link Session}s on a DataSource. The session zone is resolved on the first open (see
 * {@link TimeZoneResolver}) and then kept for the life of this object, so that all sessions of one
 * partman4j instance compute in the same zone; a changed database default is picked up by a new
 * instance.
 */
public final class Sessions {

  private static final Logger log = LoggerFactory.getLogger(Sessions.class);

  /** PostgreSQL 14 is the oldest release pg_partman 5 supports, and so the oldest we support. */
  public static final int MIN_SERVER_VERSION_NUM = 140000;

  private final DataSource dataSource;
  private final ZoneId configuredZone;
  private final String lockTimeout;
  private final Object resolving = new Object();
  private volatile SessionZone zone;

  /**
   * @param configuredZone the zone to use instead of the database's default, or null
   * @param lockTimeout the {@code lock_timeout} of every session; zero means no timeout
   */
  public Sessions(DataSource dataSource, ZoneId configuredZone, Duration lockTimeout) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.configuredZone = configuredZone;
    this.lockTimeout = lockTimeout.toMillis() + "ms";
  }

  /** Takes a connection from the DataSource and sets it up; close the session to hand it back. */
  public Session open() {
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw new PartmanException(
          ErrorCode.CONNECTION_FAILED,
          "Cannot get a connection from the DataSource: "
              + SqlErrors.serverText(e)
              + ". Check the JDBC URL, user and password, and that the server accepts connections.",
          e);
    }
    Settings found = null;
    boolean autoCommit = true;
    try {
      autoCommit = c.getAutoCommit();
      if (!autoCommit) {
        // Session-level settings made inside a transaction vanish on rollback; make them stick.
        c.setAutoCommit(true);
      }
      found = readAndCheck(c);
      SessionZone z = zone;
      boolean written = false;
      if (z == null) {
        synchronized (resolving) {
          z = zone;
          if (z == null) {
            z = resolve(c, found); // resolving sets the session up as it goes
            zone = z;
            written = true;
          }
        }
      }
      if (!written) {
        Session.write(c, ours(z.postgresName(), found));
      }
      return new Session(c, z, found, autoCommit);
    } catch (SQLException | RuntimeException e) {
      handBack(c, found, autoCommit);
      if (e instanceof SQLException sql) {
        throw SqlErrors.translate(sql, "setting up a session", null);
      }
      throw (RuntimeException) e;
    }
  }

  /** The session zone, resolving it (which takes a connection) if no session was opened yet. */
  public ZoneId zone() {
    SessionZone z = zone;
    if (z == null) {
      try (Session s = open()) {
        return s.zone();
      }
    }
    return z.zone();
  }

  private Settings readAndCheck(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(Session.READ_SETTINGS);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      Settings found =
          new Settings(
              rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
      if (!"on".equals(rs.getString(6))) {
        throw new PartmanException(
            ErrorCode.UNSUPPORTED_SERVER,
            "Database "
                + rs.getString(8)
                + " runs with standard_conforming_strings = off, under which partman4j's SQL"
                + " literals would be misread. Turn it on (the default since PostgreSQL 9.1):"
                + " ALTER DATABASE "
                + rs.getString(8)
                + " SET standard_conforming_strings = on, or remove the setting that turns it"
                + " off for this role or connection.");
      }
      if (rs.getInt(7) < MIN_SERVER_VERSION_NUM) {
        throw new PartmanException(
            ErrorCode.UNSUPPORTED_SERVER,
            "The server runs PostgreSQL "
                + rs.getInt(7)
                + "; partman4j needs PostgreSQL 14 or newer. Upgrade the server.");
      }
      return found;
    }
  }

  private SessionZone resolve(Connection c, Settings found) throws SQLException {
    String candidate;
    Source source;
    String origin;
    if (configuredZone != null) {
      candidate = PgTimeZones.toPostgres(configuredZone);
      source = Source.CONFIGURED;
      origin = "the configured zone " + configuredZone.getId();
    } else {
      TimeZoneResolver.Found f = TimeZoneResolver.resolve(c);
      candidate = f.setting();
      source = f.source();
      origin =
          "the default of database "
              + f.database()
              + " for role "
              + f.role()
              + ", set by "
              + source.description();
    }
    String canonical;
    try {
      canonical = Session.write(c, ours(candidate, found));
    } catch (SQLException e) {
      if ("22023".equals(e.getSQLState())) {
        throw new PartmanException(
            source == Source.CONFIGURED
                ? ErrorCode.INVALID_CONFIGURATION
                : ErrorCode.UNSUPPORTED_TIME_ZONE,
            "PostgreSQL does not accept the time zone '"
                + candidate
                + "' ("
                + origin
                + "): "
                + SqlErrors.serverText(e)
                + ". Use a zone listed in pg_timezone_names.",
            e);
      }
      throw e;
    }
    ZoneId java;
    if (configuredZone != null && configuredZone.normalized() instanceof ZoneOffset) {
      java = configuredZone; // rendered by us as an unambiguous POSIX offset
    } else {
      // PostgreSQL reads a name it has no zone file for as a POSIX rule ("Foo4Bar" is 4 hours
      // west), so a region is shared only if PostgreSQL lists it as one.
      boolean region = TimeZoneResolver.isRegion(c, canonical);
      if (configuredZone != null) {
        if (!region) {
          throw new PartmanException(
              ErrorCode.INVALID_CONFIGURATION,
              "PostgreSQL has no time zone named '"
                  + candidate
                  + "' ("
                  + origin
                  + "); it would read the name as a POSIX rule and compute a different zone than"
                  + " Java. Configure a zone listed in pg_timezone_names.");
        }
        java = configuredZone;
      } else {
        java =
            (region ? PgTimeZones.toJava(canonical) : Optional.<ZoneId>empty())
                .orElseThrow(
                    () ->
                        new PartmanException(
                            ErrorCode.UNSUPPORTED_TIME_ZONE,
                            "The time zone '"
                                + candidate
                                + "' ("
                                + origin
                                + ") is not an IANA zone name that Java shares with PostgreSQL;"
                                + " offsets and POSIX forms mean different things in the two."
                                + " Set a region name instead (ALTER DATABASE ... SET timezone ="
                                + " 'Europe/Berlin'), or configure partman4j with"
                                + " .timeZone(ZoneId.of(\"...\"))."));
      }
    }
    log.debug("Sessions: time zone {} from {}", canonical, origin);
    return new SessionZone(java, canonical, source);
  }

  private Settings ours(String timeZone, Settings found) {
    String app = found.applicationName();
    boolean unnamed =
        app == null || app.isEmpty() || app.equals(Session.DRIVER_DEFAULT_APPLICATION_NAME);
    return new Settings(
        timeZone, "ISO", "postgres", unnamed ? Session.APPLICATION_NAME : app, lockTimeout);
  }

  /** After a failed setup: put back whatever was changed, then return the connection. */
  private static void handBack(Connection c, Settings found, boolean autoCommit) {
    try {
      if (found != null) {
        Session.write(c, found);
      }
      if (!autoCommit) {
        c.setAutoCommit(false);
      }
    } catch (SQLException e) {
      log.debug("Sessions: restoring a connection after a failed setup failed", e);
    }
    try {
      c.close();
    } catch (SQLException e) {
      log.debug("Sessions: closing a connection after a failed setup failed", e);
    }
  }
}
