package org.partman4j;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.partman4j.exec.LockRetry;
import org.partman4j.sql.Sql;

/**
 * The settings of a {@link Partman}, given fluently and checked once by {@link #load()}. Obtain one
 * from {@link Partman#configure()}. This builder is not thread-safe; the {@code Partman} it loads
 * is immutable and does not see later changes to the builder.
 */
public final class PartmanConfiguration {

  /** The schema of the configuration tables unless {@link #schema(String)} says otherwise. */
  public static final String DEFAULT_SCHEMA = "partman";

  /**
   * How long a statement waits for a lock before giving up, unless {@link #lockTimeout(Duration)}
   * says otherwise. Short, because partman4j works on tables that applications are using: a DDL
   * statement queued behind a long transaction blocks every query that arrives after it.
   */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

  private DataSource dataSource;
  private String schema = DEFAULT_SCHEMA;
  private ZoneId timeZone;
  private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
  private int lockAttempts = LockRetry.DEFAULT.attempts();
  private Instant clock;

  PartmanConfiguration() {}

  /** Where connections come from; required. They are handed back with their settings restored. */
  public PartmanConfiguration dataSource(DataSource dataSource) {
    this.dataSource = dataSource;
    return this;
  }

  /**
   * The schema holding partman4j's tables (created on install if missing); default {@value
   * #DEFAULT_SCHEMA}. Taken exactly as written, case and all.
   */
  public PartmanConfiguration schema(String schema) {
    this.schema = schema;
    return this;
  }

  /**
   * The zone in which partition boundaries are computed, overriding the database's default. Leave
   * unset (or null) to use the zone a plain psql session of the connecting role would get in that
   * database, which is what pg_partman's background worker uses.
   */
  public PartmanConfiguration timeZone(ZoneId timeZone) {
    this.timeZone = timeZone;
    return this;
  }

  /**
   * The {@code lock_timeout} of partman4j's sessions; default {@link #DEFAULT_LOCK_TIMEOUT}. Zero
   * waits without limit.
   */
  public PartmanConfiguration lockTimeout(Duration lockTimeout) {
    this.lockTimeout = lockTimeout;
    return this;
  }

  /**
   * How many times a child's transaction is tried when a lock is not granted within the lock
   * timeout (or it deadlocks), with growing pauses between tries; default 5. 1 means no retry.
   */
  public PartmanConfiguration lockAttempts(int lockAttempts) {
    this.lockAttempts = lockAttempts;
    return this;
  }

  /** Plans with this fixed "now" instead of the database's {@code now()}; for tests. */
  PartmanConfiguration clock(Instant clock) {
    this.clock = clock;
    return this;
  }

  /**
   * Checks the settings and returns the configured {@link Partman}. Does not connect.
   *
   * @throws PartmanException {@link ErrorCode#INVALID_CONFIGURATION} naming the setting to fix
   */
  public Partman load() {
    if (dataSource == null) {
      throw invalid("No DataSource is configured; call .dataSource(...) before .load().");
    }
    checkSchema(schema);
    if (lockTimeout == null || lockTimeout.isNegative()) {
      throw invalid(
          "The lock timeout "
              + lockTimeout
              + " is not a duration of zero or more; give e.g."
              + " .lockTimeout(Duration.ofSeconds(10)), or Duration.ZERO to wait without limit.");
    }
    if (lockTimeout.toMillis() > Integer.MAX_VALUE
        || (!lockTimeout.isZero() && lockTimeout.toMillis() == 0)) {
      throw invalid(
          "The lock timeout "
              + lockTimeout
              + " is outside what PostgreSQL accepts (1 ms to"
              + " about 24 days, or zero for no limit).");
    }
    if (lockAttempts < 1) {
      throw invalid(
          "lockAttempts must be 1 or more (1 tries once, without retrying); got "
              + lockAttempts
              + ".");
    }
    LockRetry retry =
        new LockRetry(
            lockAttempts, LockRetry.DEFAULT.firstBackoff(), LockRetry.DEFAULT.maxBackoff());
    return new Partman(
        new Partman.Settings(dataSource, schema, timeZone, lockTimeout, retry, clock));
  }

  private static void checkSchema(String schema) {
    if (schema == null || schema.isEmpty()) {
      throw invalid("The schema name is empty; give one with .schema(\"partman\").");
    }
    if (schema.indexOf('\0') >= 0) {
      throw invalid("The schema name holds a NUL character; give another with .schema(...).");
    }
    if (schema.getBytes(StandardCharsets.UTF_8).length > Sql.MAX_IDENTIFIER_BYTES) {
      throw invalid(
          "The schema name \""
              + schema
              + "\" is longer than "
              + Sql.MAX_IDENTIFIER_BYTES
              + " bytes, which PostgreSQL would truncate; give a shorter one with .schema(...).");
    }
    // PostgreSQL reserves exactly this prefix (case-sensitively) for system schemas.
    if (schema.startsWith("pg_") || schema.equals("information_schema")) {
      throw invalid(
          "The schema name \""
              + schema
              + "\" is reserved for PostgreSQL's system schemas; give"
              + " another with .schema(...).");
    }
  }

  private static PartmanException invalid(String message) {
    return new PartmanException(ErrorCode.INVALID_CONFIGURATION, message);
  }
}
