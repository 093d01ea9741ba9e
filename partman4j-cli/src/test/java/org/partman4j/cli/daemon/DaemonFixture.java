package org.partman4j.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.Partman;
import org.partman4j.cli.connect.Environment;
import org.partman4j.testkit.TestDatabase;

/** Helpers of the daemon's integration tests: sets, configuration, HTTP, waiting. */
final class DaemonFixture {

  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);

  private DaemonFixture() {}

  /**
   * A daily set on {@code public.<table>} made with premake 4 (9 children and a default), then set
   * to premake 6, so that the next maintenance creates 2 children. Three rows from 2000 sit in the
   * default.
   */
  static void setWithWork(TestDatabase db, String table) {
    db.execute(
        "CREATE TABLE public."
            + table
            + " (id bigint, created_at timestamptz NOT NULL) PARTITION BY RANGE (created_at)");
    Partman.configure()
        .dataSource(db.dataSource())
        .load()
        .createParent(PartitionSetDefinition.of("public." + table, "created_at", "1 day"));
    db.execute(
        "UPDATE partman.part_config SET premake = 6 WHERE parent_table = 'public." + table + "'",
        "INSERT INTO public."
            + table
            + " VALUES (1, '2000-01-01'), (2, '2000-01-02'), (3, '2000-01-03'), (4, now())");
  }

  /** Children of a parent, without the default. */
  static int children(TestDatabase db, String parent) {
    return Integer.parseInt(
        db.queryString(
            "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = '"
                + parent
                + "'::regclass AND pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'"));
  }

  /** The environment of a daemon: the owner's password in {@code PW}, an empty home. */
  static Environment env(TestDatabase db, Path home) {
    return Environment.of(Map.of("PW", db.ownerPassword()), home, "nobody");
  }

  /** A database entry of the configuration file. */
  static String database(String name, TestDatabase db, String... extraLines) {
    StringBuilder b =
        new StringBuilder()
            .append("  - name: ")
            .append(name)
            .append("\n    url: ")
            .append(db.jdbcUrl())
            .append("?user=")
            .append(db.ownerRole())
            .append("\n    password_env: PW\n    interval: 1s\n");
    for (String line : extraLines) {
      b.append("    ").append(line).append('\n');
    }
    return b.toString();
  }

  /** A whole configuration: HTTP on a free port, a short grace, these database entries. */
  static DaemonConfig config(Environment env, String http, String... databases) {
    String text =
        "http:\n  port: 0\n"
            + http
            + "shutdown_grace: 30s\ndatabases:\n"
            + String.join("", databases);
    return new ConfigLoader(env).parse(Path.of("test.yaml"), text);
  }

  static void waitFor(String what, Duration limit, BooleanSupplier condition) {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("Timed out after " + limit + " waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static HttpResponse<String> get(int port, String path, String token) {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static JsonNode status(int port, String token) {
    HttpResponse<String> r = get(port, "/status.json", token);
    assertThat(r.statusCode()).isEqualTo(200);
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static JsonNode database(JsonNode status, String name) {
    for (JsonNode db : status.get("databases")) {
      if (db.get("name").asText().equals(name)) {
        return db;
      }
    }
    throw new AssertionError("no database " + name + " in " + status);
  }

  /** Prometheus text parsed to sample → value, samples written {@code name{labels}}. */
  static Map<String, Double> metrics(String text) {
    Map<String, Double> samples = new HashMap<>();
    Matcher m = SAMPLE.matcher(text);
    while (m.find()) {
      samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.valueOf(m.group(3)));
    }
    return samples;
  }
}
