package org.partman4j.exec;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The time zone partman4j's sessions use, and where it came from.
 *
 * @param zone the zone for Java-side arithmetic (the planner)
 * @param postgresName the {@code TimeZone} value set in each session, as PostgreSQL spells it
 * @param source which setting it was taken from
 */
public record SessionZone(ZoneId zone, String postgresName, Source source) {

  /** Where the zone was found, from the most to the least specific. */
  public enum Source {
    /** Given to {@code PartmanConfiguration.timeZone(...)}. */
    CONFIGURED("the partman4j configuration"),
    /** {@code ALTER ROLE r IN DATABASE d SET timezone = ...}. */
    DATABASE_AND_ROLE("ALTER ROLE ... IN DATABASE ... SET timezone"),
    /** {@code ALTER ROLE r SET timezone = ...}. */
    ROLE("ALTER ROLE ... SET timezone"),
    /** {@code ALTER DATABASE d SET timezone = ...}. */
    DATABASE("ALTER DATABASE ... SET timezone"),
    /** {@code ALTER ROLE ALL SET timezone = ...}. */
    ALL_ROLES("ALTER ROLE ALL SET timezone"),
    /** {@code timezone} in postgresql.conf or postgresql.auto.conf, read via pg_file_settings. */
    SERVER_CONFIG_FILE("the server's configuration file"),
    /** The server's {@code log_timezone}, used when nothing more specific could be read. */
    LOG_TIMEZONE("the server's log_timezone");

    private final String description;

    Source(String description) {
      this.description = description;
    }

    /** Where the value was set, in words for log and error messages. */
    public String description() {
      return description;
    }
  }

  public SessionZone {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(postgresName, "postgresName");
    Objects.requireNonNull(source, "source");
  }
}
