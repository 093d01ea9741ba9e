package org.partman4j.cli.connect;

import java.util.List;
import java.util.Map;

/**
 * What a {@code --url} says, each part null when the URL leaves it out (so that the environment and
 * the defaults can fill it in, as libpq does).
 *
 * @param hosts host names or addresses (IPv6 without brackets), or null
 * @param ports one port text per host, an empty text meaning the default port; or null
 * @param dbname the database, or null
 * @param user the user, or null
 * @param password the password, or null
 * @param passfile the {@code passfile} parameter (a pgpass file to read), or null
 * @param driverProperties pgjdbc properties, by pgjdbc's names
 */
public record ConnectionUri(
    List<String> hosts,
    List<String> ports,
    String dbname,
    String user,
    String password,
    String passfile,
    Map<String, String> driverProperties) {

  public ConnectionUri {
    hosts = hosts == null ? null : List.copyOf(hosts);
    ports = ports == null ? null : List.copyOf(ports);
    driverProperties = Map.copyOf(driverProperties);
  }

  /** Parses a {@code jdbc:postgresql:} URL or a {@code postgres://}/{@code postgresql://} URI. */
  public static ConnectionUri parse(String url) {
    if (url.startsWith(JdbcUrlParser.PREFIX)) {
      return JdbcUrlParser.parse(url);
    }
    if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
      return LibpqUriParser.parse(url);
    }
    throw new BadConnectionSettingException(
        "The URL \""
            + url
            + "\" is neither a JDBC URL (jdbc:postgresql://host:port/db) nor a PostgreSQL URI"
            + " (postgresql://user@host:port/db); write it in one of those forms.");
  }

  @Override
  public String toString() {
    return "ConnectionUri[hosts="
        + hosts
        + ", ports="
        + ports
        + ", dbname="
        + dbname
        + ", user="
        + user
        + ", password="
        + (password == null ? null : Secrets.MASK)
        + "]";
  }
}
