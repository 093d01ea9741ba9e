package org.partman4j.cli;

import java.sql.Connection;
import java.sql.SQLException;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.cli.connect.ForwardingDataSource;
import org.partman4j.cli.connect.PasswordSource;
import org.partman4j.cli.connect.ResolvedConnection;
import org.postgresql.util.PSQLException;

/**
 * The command's DataSource: pgjdbc's, but a failure to connect becomes a {@link PartmanException}
 * ({@link ErrorCode#CONNECTION_FAILED}) that names where it tried to connect, as whom, where the
 * password came from, and which options and variables to check.
 */
final class ConnectingDataSource extends ForwardingDataSource {

  /** SQLStates of failed logins: invalid_authorization_specification, invalid_password. */
  private static final java.util.Set<String> LOGIN_FAILED = java.util.Set.of("28000", "28P01");

  private final ResolvedConnection connection;

  ConnectingDataSource(ResolvedConnection connection) {
    super(connection.dataSource());
    this.connection = connection;
  }

  @Override
  public Connection getConnection() {
    try {
      return target.getConnection();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private PartmanException failed(SQLException e) {
    String server =
        e instanceof PSQLException p && p.getServerErrorMessage() != null
            ? p.getServerErrorMessage().getMessage()
            : String.valueOf(e.getMessage());
    StringBuilder m =
        new StringBuilder("Cannot connect to ")
            .append(connection.describe())
            .append(": ")
            .append(server.strip());
    if (!server.strip().endsWith(".")) {
      m.append('.');
    }
    if (LOGIN_FAILED.contains(e.getSQLState()) || server.contains("password")) {
      m.append(
          connection.passwordSource() == PasswordSource.NONE
              ? " No password was found: set PGPASSWORD, add a line to ~/.pgpass (or the file"
                  + " PGPASSFILE names), or put it in the --url."
              : " The password came from " + describe(connection.passwordSource()) + ".");
    } else {
      m.append(
          " Check --url, --host, --port, --dbname and --user (or PGHOST, PGPORT, PGDATABASE,"
              + " PGUSER), and that the server accepts connections from here.");
    }
    return new PartmanException(ErrorCode.CONNECTION_FAILED, m.toString(), e);
  }

  private static String describe(PasswordSource source) {
    return switch (source) {
      case URL -> "the --url";
      case PGPASSWORD -> "PGPASSWORD";
      case PGPASS_FILE -> "the pgpass file";
      case NONE -> "nowhere";
    };
  }
}
