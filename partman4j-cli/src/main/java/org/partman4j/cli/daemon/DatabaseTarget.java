package org.partman4j.cli.daemon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.partman4j.ErrorCode;
import org.partman4j.Partman;
import org.partman4j.PartmanException;
import org.partman4j.cli.connect.BadConnectionSettingException;
import org.partman4j.cli.connect.ConnectionOptions;
import org.partman4j.cli.connect.ConnectionResolver;
import org.partman4j.cli.connect.Environment;
import org.partman4j.cli.connect.ForwardingDataSource;
import org.partman4j.cli.connect.ResolvedConnection;
import org.partman4j.cli.connect.Secrets;
import org.partman4j.sql.DaemonSql;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where a database (or a subscriber) is and how to open connections to it: the connection resolved
 * as the {@code partman} command resolves it (URL, {@code PG*} variables, pgpass), with the
 * database's own password variable standing in for {@code PGPASSWORD}, and every new connection
 * switched to the configured role. No pool: each connection is opened when needed, so a server that
 * restarted is simply reconnected to on the next run.
 */
final class DatabaseTarget extends ForwardingDataSource {

  /** How long opening a connection may take before the run counts as failed. */
  private static final int CONNECT_TIMEOUT_SECONDS = 10;

  private final ResolvedConnection connection;
  private final String role;

  private DatabaseTarget(ResolvedConnection connection, PGSimpleDataSource target, String role) {
    super(target);
    this.connection = connection;
    this.role = role;
  }

  /**
   * Resolves where to connect.
   *
   * @param passwordEnv a variable to read the password from instead of {@code PGPASSWORD}, or null
   * @throws PartmanException {@link ErrorCode#INVALID_CONFIGURATION} when the URL cannot be used
   */
  static DatabaseTarget resolve(String url, String passwordEnv, String role, Environment env) {
    Environment effective = env;
    if (passwordEnv != null) {
      effective =
          new Environment() {
            @Override
            public String get(String name) {
              return "PGPASSWORD".equals(name) ? env.get(passwordEnv) : env.get(name);
            }

            @Override
            public java.nio.file.Path home() {
              return env.home();
            }

            @Override
            public String osUser() {
              return env.osUser();
            }
          };
    }
    ResolvedConnection c;
    try {
      c =
          new ConnectionResolver(effective)
              .resolve(new ConnectionOptions(url, null, null, null, null));
    } catch (BadConnectionSettingException e) {
      throw new PartmanException(ErrorCode.INVALID_CONFIGURATION, e.getMessage());
    }
    c.secrets().forEach(Secrets::register);
    PGSimpleDataSource target = c.dataSource();
    target.setApplicationName("partman daemon");
    target.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
    target.setTcpKeepAlive(true);
    return new DatabaseTarget(c, target, role);
  }

  /** A library instance on this database. */
  Partman partman(DatabaseConfig config) {
    return Partman.configure()
        .dataSource(this)
        .schema(config.schema())
        .lockTimeout(config.lockTimeout())
        .load();
  }

  /** {@code user@host:port/database}, never with the password. */
  String describe() {
    return connection.describe();
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c = target.getConnection();
    if (role != null) {
      try (Statement s = c.createStatement()) {
        s.execute(DaemonSql.setRole(role));
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
    }
    return c;
  }
}
