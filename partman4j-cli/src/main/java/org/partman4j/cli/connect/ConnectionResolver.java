package org.partman4j.cli.connect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides every connection setting the way libpq does, so that partman connects wherever {@code
 * psql} would: for host, port, database and user an explicit option wins over the URL, the URL over
 * the {@code PG*} environment variables, and those over the defaults ({@code localhost}, 5432, the
 * operating-system user, a database named like the user). The password comes from the URL, else
 * {@code PGPASSWORD}, else the pgpass file ({@code passfile} in the URL, else {@code PGPASSFILE},
 * else {@code ~/.pgpass}).
 */
public final class ConnectionResolver {

  /** PostgreSQL's default port. */
  public static final int DEFAULT_PORT = 5432;

  /** The host when none is given (libpq's default is a Unix socket, which pgjdbc cannot use). */
  public static final String DEFAULT_HOST = "localhost";

  private final Environment env;

  public ConnectionResolver(Environment env) {
    this.env = env;
  }

  /**
   * Resolves the settings.
   *
   * @throws BadConnectionSettingException when a setting cannot be used
   */
  public ResolvedConnection resolve(ConnectionOptions options) {
    ConnectionUri uri =
        options.url() == null || options.url().isBlank()
            ? new ConnectionUri(null, null, null, null, null, null, Map.of())
            : ConnectionUri.parse(options.url().strip());

    List<String> hosts =
        first(split(options.host()), uri.hosts(), split(env.get("PGHOST")))
            .orElse(List.of(DEFAULT_HOST));
    hosts = hosts.stream().map(h -> h.isEmpty() ? DEFAULT_HOST : h).toList();
    for (String h : hosts) {
      if (h.startsWith("/") || h.startsWith("@")) {
        throw new BadConnectionSettingException(
            "The host \""
                + h
                + "\" is a Unix-domain socket, which partman cannot use; give a TCP host"
                + " name or address (e.g. --host localhost).");
      }
    }
    List<String> portTexts =
        first(split(options.port()), uri.ports(), split(env.get("PGPORT"))).orElse(List.of(""));
    List<Integer> ports = ports(portTexts, hosts.size());

    String user = first(options.user(), uri.user(), env.get("PGUSER")).orElse(env.osUser());
    String database = first(options.dbname(), uri.dbname(), env.get("PGDATABASE")).orElse(user);

    List<String> warnings = new ArrayList<>();
    // As in libpq, an empty password counts as none, and the pgpass file is consulted.
    String password = emptyToNull(uri.password());
    PasswordSource source = PasswordSource.URL;
    if (password == null && emptyToNull(env.get("PGPASSWORD")) != null) {
      password = env.get("PGPASSWORD");
      source = PasswordSource.PGPASSWORD;
    }
    if (password == null) {
      Path file = passfile(uri);
      for (int i = 0; i < hosts.size() && password == null; i++) {
        password =
            PgPass.lookup(
                    file,
                    hosts.get(i),
                    String.valueOf(ports.get(i)),
                    database,
                    user,
                    warning -> {
                      if (!warnings.contains(warning)) {
                        warnings.add(warning);
                      }
                    })
                .orElse(null);
      }
      source = password == null ? PasswordSource.NONE : PasswordSource.PGPASS_FILE;
    }

    Map<String, String> props = new LinkedHashMap<>();
    for (LibpqParameter p : LibpqParameter.values()) {
      String value = p.envVar() == null ? null : env.get(p.envVar());
      if (value != null && !value.isEmpty()) {
        props.put(p.pgjdbcName(), p.toPgjdbc(value));
      }
    }
    props.putAll(uri.driverProperties());
    return new ResolvedConnection(hosts, ports, database, user, password, source, props, warnings);
  }

  private Path passfile(ConnectionUri uri) {
    String named = first(uri.passfile(), env.get("PGPASSFILE")).orElse(null);
    if (named != null) {
      return Path.of(named);
    }
    return env.home().resolve(".pgpass");
  }

  private static List<Integer> ports(List<String> texts, int hostCount) {
    if (texts.size() != 1 && texts.size() != hostCount) {
      throw new BadConnectionSettingException(
          "There are "
              + hostCount
              + " hosts but "
              + texts.size()
              + " ports; give one port for all hosts or one per host.");
    }
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < hostCount; i++) {
      String t = (texts.size() == 1 ? texts.get(0) : texts.get(i)).strip();
      ports.add(t.isEmpty() ? DEFAULT_PORT : port(t));
    }
    return ports;
  }

  private static int port(String text) {
    try {
      int p = Integer.parseInt(text);
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadConnectionSettingException(
        "The port \"" + text + "\" is not a number from 1 to 65535; give e.g. --port 5432.");
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static List<String> split(String commaList) {
    if (commaList == null || commaList.isEmpty()) {
      return null;
    }
    return Arrays.stream(commaList.split(",", -1)).map(String::strip).toList();
  }

  @SafeVarargs
  private static <T> Optional<T> first(T... candidates) {
    for (T c : candidates) {
      if (c != null && !(c instanceof String s && s.isEmpty())) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
