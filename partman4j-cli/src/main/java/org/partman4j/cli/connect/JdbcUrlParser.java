package org.partman4j.cli.connect;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a pgjdbc URL: {@code
 * jdbc:postgresql:[//host[:port][,...]/][database][?property=value&...]}. Properties are pgjdbc's
 * ({@code sslmode}, {@code ApplicationName}, …), decoded as pgjdbc decodes them; {@code user} and
 * {@code password} are taken out.
 */
final class JdbcUrlParser {

  static final String PREFIX = "jdbc:postgresql:";

  private JdbcUrlParser() {}

  static ConnectionUri parse(String url) {
    String rest = url.substring(PREFIX.length());
    int q = rest.indexOf('?');
    String query = q < 0 ? "" : rest.substring(q + 1);
    rest = q < 0 ? rest : rest.substring(0, q);
    List<String> hosts = null;
    List<String> ports = null;
    String dbname;
    if (rest.startsWith("//")) {
      rest = rest.substring(2);
      int slash = rest.indexOf('/');
      String hostSpec = slash < 0 ? rest : rest.substring(0, slash);
      if (!hostSpec.isEmpty()) {
        HostList list = HostList.parse(hostSpec, url);
        hosts = list.hosts();
        ports = list.ports();
      }
      dbname = slash < 0 ? "" : decode(rest.substring(slash + 1), url);
    } else {
      dbname = decode(rest, url);
    }
    if (dbname.contains("/")) {
      throw new BadConnectionSettingException(
          "The URL \""
              + url
              + "\" has a '/' in its database name; write jdbc:postgresql://host/db.");
    }
    String user = null;
    String password = null;
    Map<String, String> props = new LinkedHashMap<>();
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq), url);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), url);
      switch (key) {
        case "user" -> user = value;
        case "password" -> password = value;
        default -> props.put(key, value);
      }
    }
    return new ConnectionUri(
        hosts, ports, dbname.isEmpty() ? null : dbname, user, password, null, props);
  }

  private static String decode(String s, String url) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadConnectionSettingException(
          "The URL \"" + url + "\" has a malformed percent-escape.");
    }
  }
}
