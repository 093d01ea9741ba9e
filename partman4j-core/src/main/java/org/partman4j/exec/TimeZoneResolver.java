package org.partman4j.exec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.partman4j.exec.SessionZone.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the time zone a plain {@code psql} session of the connected role would get in the connected
 * database — the zone pg_partman's background worker and an interactive DBA would use.
 *
 * <p>The session's own {@code TimeZone} cannot tell: pgjdbc sends the JVM's zone in the startup
 * packet, and a client setting outranks every server-side default, so even {@code RESET TimeZone}
 * gives the JVM's zone. The defaults are therefore read where PostgreSQL keeps them, in the order
 * it applies them at login:
 *
 * <ol>
 *   <li>{@code pg_db_role_setting}: database and role, then role, then database, then all roles;
 *   <li>the server's configuration files, through {@code pg_file_settings} (readable only by
 *       superusers unless granted);
 *   <li>otherwise {@code log_timezone}, which initdb sets to the same zone as {@code timezone} and
 *       no client can override — logged at INFO, since a server started with {@code -c timezone=…}
 *       or edited by hand may differ.
 * </ol>
 */
final class TimeZoneResolver {

  private static final Logger log = LoggerFactory.getLogger(TimeZoneResolver.class);

  /**
   * The most specific of the per-database and per-role defaults (levels as in PostgreSQL's
   * process_settings()), plus what the fallbacks need, in one round trip. Settings are stored as
   * {@code TimeZone=value}; the value may itself contain '=' in POSIX forms, so cut at the first.
   */
  private static final String DEFAULTS_QUERY =
      """
      WITH setting AS (
        SELECT substr(cfg, strpos(cfg, '=') + 1) AS value,
               CASE WHEN s.setdatabase <> 0 AND s.setrole <> 0 THEN 1
                    WHEN s.setrole <> 0 THEN 2
                    WHEN s.setdatabase <> 0 THEN 3
                    ELSE 4 END AS level
          FROM pg_catalog.pg_db_role_setting s
         CROSS JOIN LATERAL unnest(s.setconfig) AS cfg
         WHERE s.setdatabase IN (0, (SELECT oid FROM pg_catalog.pg_database
                                      WHERE datname = current_database()))
           AND s.setrole IN (0, (SELECT oid FROM pg_catalog.pg_roles
                                  WHERE rolname = session_user))
           AND lower(split_part(cfg, '=', 1)) = 'timezone'
         ORDER BY level
         LIMIT 1)
      SELECT current_database(), session_user, current_setting('log_timezone'),
             has_function_privilege('pg_catalog.pg_show_all_file_settings()', 'EXECUTE')
               AND has_table_privilege('pg_catalog.pg_file_settings', 'SELECT'),
             (SELECT value FROM setting), (SELECT level FROM setting)
      """;

  private static final String FILE_QUERY =
      """
      SELECT setting FROM pg_catalog.pg_file_settings
       WHERE lower(name) = 'timezone' AND applied
       ORDER BY seqno DESC LIMIT 1
      """;

  private TimeZoneResolver() {}

  /** Whether PostgreSQL has a zone file of this name (not merely a POSIX reading of it). */
  static boolean isRegion(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_timezone_names WHERE lower(name) = lower(?))")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** The candidate: a {@code TimeZone} value as PostgreSQL accepts it, and its origin. */
  record Found(String setting, Source source, String database, String role) {}

  static Found resolve(Connection c) throws SQLException {
    String database;
    String role;
    String logZone;
    boolean canReadFiles;
    String value;
    int level;
    try (PreparedStatement ps = c.prepareStatement(DEFAULTS_QUERY);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      database = rs.getString(1);
      role = rs.getString(2);
      logZone = rs.getString(3);
      canReadFiles = rs.getBoolean(4);
      value = rs.getString(5);
      level = rs.getInt(6);
    }
    if (value != null) {
      Source source =
          switch (level) {
            case 1 -> Source.DATABASE_AND_ROLE;
            case 2 -> Source.ROLE;
            case 3 -> Source.DATABASE;
            default -> Source.ALL_ROLES;
          };
      log.debug(
          "Database {} (role {}): time zone {} from {}",
          database,
          role,
          value,
          source.description());
      return new Found(value, source, database, role);
    }
    if (canReadFiles) {
      try (PreparedStatement ps = c.prepareStatement(FILE_QUERY);
          ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          log.debug(
              "Database {} (role {}): time zone {} from the server's configuration file",
              database,
              role,
              rs.getString(1));
          return new Found(rs.getString(1), Source.SERVER_CONFIG_FILE, database, role);
        }
      }
    }
    log.info(
        "Database {} (role {}): no time zone default is set for this database or role, and the"
            + " server's configuration is not readable by this role; using the server's"
            + " log_timezone '{}', which initdb sets equal to timezone. If the server's timezone"
            + " differs, fix it with ALTER DATABASE {} SET timezone = '...' or configure"
            + " partman4j with .timeZone(ZoneId.of(\"...\")).",
        database,
        role,
        logZone,
        database);
    return new Found(logZone, Source.LOG_TIMEZONE, database, role);
  }
}
