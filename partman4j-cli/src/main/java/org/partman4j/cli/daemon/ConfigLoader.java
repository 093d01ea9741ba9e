package org.partman4j.cli.daemon;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.partman4j.PartmanConfiguration;
import org.partman4j.PartmanException;
import org.partman4j.cli.Durations;
import org.partman4j.cli.connect.Environment;
import org.partman4j.sql.Sql;

/**
 * Reads the daemon's YAML file: {@code ${VAR}} and {@code ${VAR:-default}} are replaced by
 * environment variables first ({@code $${} writes a literal {@code ${}}), then every value is
 * checked. Every error names the file and the line, and says what to write instead.
 */
public final class ConfigLoader {

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
  private static final Pattern WINDOW =
      Pattern.compile(
          "\\s*(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*-\\s*(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*");

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final ObjectMapper MAPPER =
      new ObjectMapper(YAML)
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Environment env;

  public ConfigLoader(Environment env) {
    this.env = env;
  }

  /**
   * Reads and checks the file.
   *
   * @throws ConfigException when it cannot be read or a value is wrong
   */
  public DaemonConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file, 0, "cannot read the file (" + e + "); check the path.");
    }
    return parse(file, text);
  }

  /** Checks configuration text read from {@code file}. */
  public DaemonConfig parse(Path file, String text) {
    String expanded = substitute(file, text);
    if (expanded.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
      throw new ConfigException(file, 0, "the file is empty; list at least one database.");
    }
    RawConfig raw;
    Map<String, Integer> lines;
    try {
      raw = MAPPER.readValue(expanded, RawConfig.class);
      lines = lines(expanded);
    } catch (JsonProcessingException e) {
      throw fromJackson(file, e);
    }
    if (raw == null) {
      throw new ConfigException(file, 0, "the file is empty; list at least one database.");
    }
    return new Checker(file, lines).check(raw);
  }

  private String substitute(Path file, String text) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group().equals("$${")) {
        replacement = "${";
      } else {
        String value = env.get(m.group(1));
        if (value == null || (value.isEmpty() && m.group(2) != null)) {
          value = m.group(2);
        }
        if (value == null) {
          throw new ConfigException(
              file,
              lineOf(text, m.start()),
              "the environment variable "
                  + m.group(1)
                  + " is not set; set it, or write ${"
                  + m.group(1)
                  + ":-default} to give a default.");
        }
        replacement = value;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static ConfigException fromJackson(Path file, JsonProcessingException e) {
    JsonLocation where = e.getLocation();
    int line = where == null ? 0 : where.getLineNr();
    String problem;
    if (e instanceof UnrecognizedPropertyException u) {
      String known =
          u.getKnownPropertyIds().stream()
              .map(String::valueOf)
              .sorted()
              .collect(Collectors.joining(", "));
      problem =
          "unknown setting '"
              + u.getPropertyName()
              + "'"
              + at(u)
              + "; the settings there are: "
              + known
              + ".";
    } else if (e instanceof MismatchedInputException mi) {
      Class<?> target = mi.getTargetType();
      String expected =
          target != null && List.class.isAssignableFrom(target)
              ? "a list"
              : target == String.class ? "a single value" : "a mapping of settings (key: value)";
      problem = "'" + path(mi) + "' has the wrong form; write " + expected + " there.";
    } else {
      String original = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
      problem = "this is not valid YAML (" + original + "); check the indentation and quoting.";
    }
    return new ConfigException(file, line, problem);
  }

  private static String at(JsonMappingException e) {
    String p = path(e);
    int cut = p.lastIndexOf('.');
    return cut < 0 ? "" : " in " + p.substring(0, cut);
  }

  private static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(snake(r.getFieldName()));
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** The line of every key and list item, by path ({@code databases[0].url}). */
  private static Map<String, Integer> lines(String text) throws JsonProcessingException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = YAML.createParser(text)) {
      if (p.nextToken() != null) {
        walk(p, "", lines);
      }
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
    return lines;
  }

  private static void walk(JsonParser p, String path, Map<String, Integer> lines)
      throws IOException {
    lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
    if (p.currentToken() == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String child = path.isEmpty() ? p.currentName() : path + "." + p.currentName();
        lines.put(child, p.currentTokenLocation().getLineNr());
        p.nextToken();
        walk(p, child, lines);
      }
    } else if (p.currentToken() == JsonToken.START_ARRAY) {
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        walk(p, path + "[" + i++ + "]", lines);
      }
    }
  }

  /** Checks the values of one file, each error at the line of its key. */
  private static final class Checker {
    private final Path file;
    private final Map<String, Integer> lines;

    Checker(Path file, Map<String, Integer> lines) {
      this.file = file;
      this.lines = lines;
    }

    DaemonConfig check(RawConfig raw) {
      DaemonConfig.Http http = http(raw.http);
      Duration keep =
          positive(
              "history.keep",
              raw.history == null ? null : raw.history.keep,
              DaemonConfig.DEFAULT_HISTORY_KEEP);
      Duration grace =
          duration("shutdown_grace", raw.shutdownGrace, DaemonConfig.DEFAULT_SHUTDOWN_GRACE);
      if (raw.databases == null || raw.databases.isEmpty()) {
        throw fail("databases", "there are no databases; list at least one under 'databases:'.");
      }
      List<DatabaseConfig> databases = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (int i = 0; i < raw.databases.size(); i++) {
        DatabaseConfig db = database("databases[" + i + "]", raw.databases.get(i), i);
        if (!names.add(db.name())) {
          throw fail(
              "databases[" + i + "].name",
              "the name '" + db.name() + "' is used twice; give each database its own name.");
        }
        databases.add(db);
      }
      return new DaemonConfig(file, http, keep, grace, databases);
    }

    private DaemonConfig.Http http(RawConfig.RawHttp raw) {
      if (raw == null) {
        return new DaemonConfig.Http(true, "127.0.0.1", DaemonConfig.DEFAULT_PORT, null);
      }
      boolean enabled = bool("http.enabled", raw.enabled, true);
      String bind = raw.bind == null || raw.bind.isBlank() ? "127.0.0.1" : raw.bind.strip();
      int port = DaemonConfig.DEFAULT_PORT;
      if (raw.port != null) {
        try {
          port = Integer.parseInt(raw.port.strip());
        } catch (NumberFormatException e) {
          port = -1;
        }
        if (port < 0 || port > 65535) {
          throw fail("http.port", "'" + raw.port + "' is not a port; write 0 to 65535.");
        }
      }
      if (raw.token != null && raw.token.isBlank()) {
        throw fail("http.token", "the token is empty; remove the line or give a token.");
      }
      return new DaemonConfig.Http(enabled, bind, port, raw.token);
    }

    private DatabaseConfig database(String path, RawConfig.RawDatabase raw, int index) {
      if (raw == null) {
        throw fail(path, "this database entry is empty; give at least its url.");
      }
      if (raw.url == null || raw.url.isBlank()) {
        throw fail(path, "this database has no url; add 'url: postgresql://user@host/db'.");
      }
      String name = raw.name == null || raw.name.isBlank() ? "db" + (index + 1) : raw.name.strip();
      String schema =
          identifier(
              path + ".schema",
              raw.schema == null ? PartmanConfiguration.DEFAULT_SCHEMA : raw.schema);
      String role = raw.role == null ? null : identifier(path + ".role", raw.role);
      Duration interval =
          positive(path + ".interval", raw.interval, DatabaseConfig.DEFAULT_INTERVAL);
      Duration jitter = duration(path + ".jitter", raw.jitter, Duration.ZERO);
      DatabaseConfig.Window window = raw.window == null ? null : window(path, raw.window);
      List<LocalTime> at = new ArrayList<>();
      if (raw.at != null) {
        for (int i = 0; i < raw.at.size(); i++) {
          at.add(time(path + ".at[" + i + "]", raw.at.get(i)));
        }
      }
      ZoneId zone = ZoneOffset.UTC;
      if (raw.timeZone != null) {
        try {
          zone = ZoneId.of(raw.timeZone.strip());
        } catch (DateTimeException e) {
          throw fail(
              path + ".time_zone",
              "'" + raw.timeZone + "' is not a time zone; write e.g. UTC or Europe/Paris.");
        }
      }
      Duration wait = duration(path + ".wait_between_sets", raw.waitBetweenSets, Duration.ZERO);
      boolean analyze = bool(path + ".analyze", raw.analyze, false);
      Duration lockTimeout =
          duration(
              path + ".lock_timeout", raw.lockTimeout, PartmanConfiguration.DEFAULT_LOCK_TIMEOUT);
      if (lockTimeout.toMillis() > Integer.MAX_VALUE
          || (!lockTimeout.isZero() && lockTimeout.toMillis() == 0)) {
        throw fail(
            path + ".lock_timeout", "PostgreSQL takes 1ms to 24 days here, or 0 for no limit.");
      }
      List<DatabaseConfig.Subscriber> subscribers = new ArrayList<>();
      if (raw.subscribers != null) {
        for (int i = 0; i < raw.subscribers.size(); i++) {
          subscribers.add(subscriber(path + ".subscribers[" + i + "]", raw.subscribers.get(i)));
        }
      }
      return new DatabaseConfig(
          name,
          raw.url.strip(),
          raw.passwordEnv,
          schema,
          interval,
          jitter,
          window,
          at,
          zone,
          wait,
          analyze,
          role,
          lockTimeout,
          subscribers);
    }

    private DatabaseConfig.Subscriber subscriber(String path, RawConfig.RawSubscriber raw) {
      if (raw == null || raw.url == null || raw.url.isBlank()) {
        throw fail(path, "this subscriber has no url; add 'url: postgresql://user@host/db'.");
      }
      List<String> subs = new ArrayList<>();
      if (raw.subscriptions != null) {
        for (int i = 0; i < raw.subscriptions.size(); i++) {
          subs.add(identifier(path + ".subscriptions[" + i + "]", raw.subscriptions.get(i)));
        }
      }
      return new DatabaseConfig.Subscriber(raw.url.strip(), raw.passwordEnv, subs);
    }

    private DatabaseConfig.Window window(String path, String text) {
      Matcher m = WINDOW.matcher(text);
      if (!m.matches()) {
        throw fail(
            path + ".window",
            "'" + text + "' is not a daily window; write start-end, e.g. 01:00-05:00.");
      }
      return new DatabaseConfig.Window(
          time(path + ".window", m.group(1)), time(path + ".window", m.group(2)));
    }

    private LocalTime time(String path, String text) {
      try {
        String t = text.strip();
        return LocalTime.parse(t.length() == 4 || t.length() == 7 ? "0" + t : t);
      } catch (DateTimeException e) {
        throw fail(path, "'" + text + "' is not a time of day; write HH:MM, e.g. 03:30.");
      }
    }

    private String identifier(String path, String name) {
      try {
        Sql.ident(name);
        return name;
      } catch (PartmanException e) {
        throw fail(path, e.getMessage());
      }
    }

    private boolean bool(String path, String text, boolean dflt) {
      if (text == null) {
        return dflt;
      }
      return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "true", "on", "yes" -> true;
        case "false", "off", "no" -> false;
        default -> throw fail(path, "'" + text + "' is not true or false.");
      };
    }

    private Duration duration(String path, String text, Duration dflt) {
      if (text == null) {
        return dflt;
      }
      try {
        return Durations.parse(text);
      } catch (IllegalArgumentException e) {
        throw fail(path, e.getMessage() + ".");
      }
    }

    private Duration positive(String path, String text, Duration dflt) {
      Duration d = duration(path, text, dflt);
      if (d.isZero() || d.isNegative()) {
        throw fail(path, "'" + text + "' must be longer than zero.");
      }
      return d;
    }

    private ConfigException fail(String path, String problem) {
      Integer line = lines.get(path);
      String p = path;
      while (line == null && (p.contains(".") || p.contains("["))) {
        p = p.substring(0, Math.max(p.lastIndexOf('.'), p.lastIndexOf('[')));
        line = lines.get(p);
      }
      return new ConfigException(file, line == null ? 0 : line, path + ": " + problem);
    }
  }
}
