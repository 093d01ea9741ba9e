package org.partman4j.cli.connect;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where and how to connect, every setting decided.
 *
 * @param hosts the hosts, tried in order (IPv6 addresses without brackets)
 * @param ports the port of each host
 * @param database the database
 * @param user the user
 * @param password the password, or null
 * @param passwordSource where the password came from
 * @param driverProperties further pgjdbc properties, by pgjdbc's names
 * @param warnings things the user should know (an ignored pgpass file), for the error stream
 */
public record ResolvedConnection(
    List<String> hosts,
    List<Integer> ports,
    String database,
    String user,
    String password,
    PasswordSource passwordSource,
    Map<String, String> driverProperties,
    List<String> warnings) {

  /** The application name the server sees unless the URL or {@code PGAPPNAME} says otherwise. */
  public static final String DEFAULT_APPLICATION_NAME = "partman";

  public ResolvedConnection {
    hosts = List.copyOf(hosts);
    ports = List.copyOf(ports);
    driverProperties = Map.copyOf(driverProperties);
    warnings = List.copyOf(warnings);
  }

  /** The secrets of this connection (password, SSL key password), for {@link Secrets#register}. */
  public List<String> secrets() {
    return java.util.stream.Stream.of(password, driverProperties.get("sslpassword"))
        .filter(s -> s != null && !s.isEmpty())
        .toList();
  }

  /** A pgjdbc DataSource for this connection. */
  public PGSimpleDataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(
        hosts.stream().map(h -> h.contains(":") ? "[" + h + "]" : h).toArray(String[]::new));
    ds.setPortNumbers(ports.stream().mapToInt(Integer::intValue).toArray());
    ds.setDatabaseName(database);
    ds.setUser(user);
    ds.setPassword(password);
    ds.setApplicationName(DEFAULT_APPLICATION_NAME);
    for (Map.Entry<String, String> e : driverProperties.entrySet()) {
      try {
        ds.setProperty(e.getKey(), e.getValue());
      } catch (SQLException | RuntimeException ex) {
        throw new BadConnectionSettingException(
            "The connection property "
                + e.getKey()
                + "="
                + e.getValue()
                + " is not one pgjdbc knows ("
                + ex.getMessage()
                + "); see pgjdbc's list of connection properties.");
      }
    }
    return ds;
  }

  /** {@code user@host:port/database}, never with the password. */
  public String describe() {
    StringBuilder b = new StringBuilder(user).append('@');
    for (int i = 0; i < hosts.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      String h = hosts.get(i);
      b.append(h.contains(":") ? "[" + h + "]" : h).append(':').append(ports.get(i));
    }
    return b.append('/').append(database).toString();
  }

  @Override
  public String toString() {
    return "ResolvedConnection["
        + describe()
        + ", password "
        + (password == null ? "none" : Secrets.MASK + " from " + passwordSource)
        + ", properties "
        + driverProperties.keySet()
        + "]";
  }
}
