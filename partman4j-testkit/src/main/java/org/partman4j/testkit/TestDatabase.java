package org.partman4j.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A fresh database on the test server, owned by the ordinary role {@link
 * PostgresServer#OWNER_ROLE}. {@link #dataSource()} logs in as that role (never a superuser), which
 * is how partman4j must be run in tests; {@link #adminDataSource()} is for setting the scene.
 */
public final class TestDatabase implements AutoCloseable {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final PostgresServer server;
  private final String name;

  private TestDatabase(PostgresServer server, String name) {
    this.server = server;
    this.name = name;
  }

  /** Creates a new, empty database owned by the ordinary test role. */
  public static TestDatabase create(String hint) {
    PostgresServer server = PostgresServer.get();
    String name = newName(hint);
    createDatabase(server, name, "TEMPLATE template0 ENCODING 'UTF8'");
    return new TestDatabase(server, name);
  }

  /**
   * Creates a new database that is a copy of {@code template} ({@code CREATE DATABASE … TEMPLATE}),
   * owned by the ordinary test role: a large fixture built once and copied for every repetition.
   * Nobody may be connected to the template meanwhile. On PostgreSQL 15 and later the files are
   * copied as such ({@code STRATEGY FILE_COPY}), much faster than logging every block for a big
   * template; 14 knows only that way.
   */
  public static TestDatabase copyOf(TestDatabase template, String hint) {
    PostgresServer server = template.server;
    String name = newName(hint);
    createDatabase(
        server,
        name,
        "TEMPLATE "
            + Sql.ident(template.name)
            + (server.serverVersionNum() >= 150000 ? " STRATEGY FILE_COPY" : ""));
    return new TestDatabase(server, name);
  }

  private static String newName(String hint) {
    String name =
        "pm_"
            + hint.toLowerCase().replaceAll("[^a-z0-9]+", "_")
            + "_"
            + ProcessHandle.current().pid()
            + "_"
            + SEQUENCE.incrementAndGet();
    if (name.length() > 63) {
      name = "pm_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
    }
    return name;
  }

  private static void createDatabase(PostgresServer server, String name, String from) {
    try (Connection c = server.adminDataSource("postgres").getConnection();
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE DATABASE "
              + Sql.ident(name)
              + " OWNER "
              + Sql.ident(PostgresServer.OWNER_ROLE)
              + " "
              + from);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
  }

  public String name() {
    return name;
  }

  public PostgresServer server() {
    return server;
  }

  /** The JDBC URL of this database, without credentials. */
  public String jdbcUrl() {
    return server.jdbcUrl(name);
  }

  /** Logs in as the ordinary role that owns this database. */
  public DataSource dataSource() {
    return server.dataSource(name, PostgresServer.OWNER_ROLE, server.ownerPassword());
  }

  /** The owner role's name. */
  public String ownerRole() {
    return PostgresServer.OWNER_ROLE;
  }

  /** The owner role's password. */
  public String ownerPassword() {
    return server.ownerPassword();
  }

  /** Logs in as the server's administrative user, for setting up what a test needs. */
  public DataSource adminDataSource() {
    return server.adminDataSource(name);
  }

  /** Logs in as another role (create it first with {@link PostgresServer#ensureLoginRole}). */
  public DataSource dataSourceAs(String role, String password) {
    return server.dataSource(name, role, password);
  }

  /** Runs statements as the owner role, each in its own autocommit transaction. */
  public void execute(String... statements) {
    run(dataSource(), statements);
  }

  /** Runs statements as the administrative user. */
  public void executeAsAdmin(String... statements) {
    run(adminDataSource(), statements);
  }

  /** The first column of every row of a query run as the owner role, as text. */
  public List<String> queryColumn(String sql) {
    try (Connection c = dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("Query failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  /** The single value of a query run as the owner role, as text (null for SQL NULL or no row). */
  public String queryString(String sql) {
    List<String> rows = queryColumn(sql);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static void run(DataSource ds, String... statements) {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Statement failed: " + e.getMessage(), e);
    }
  }

  /** Drops the database, disconnecting anyone still on it. */
  @Override
  public void close() {
    try (Connection c = server.adminDataSource("postgres").getConnection();
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + Sql.ident(name) + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot drop test database " + name, e);
    }
  }
}
