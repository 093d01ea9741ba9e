package org.partman4j.cli.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.partman4j.cli.connect.Secrets;

/**
 * The daemon's HTTP endpoint on the JDK's built-in server: {@code /healthz} (the process answers),
 * {@code /readyz} (every database's last run did not fail as a whole), {@code /status.json} and
 * {@code /metrics}. With a token configured, the last two require {@code Authorization: Bearer
 * <token>}; the probes stay open so orchestrators need no secret.
 */
final class DaemonHttp {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final HttpServer server;
  private final ExecutorService executor;

  private DaemonHttp(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  static DaemonHttp start(DaemonConfig.Http config, Daemon daemon) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot listen on "
              + config.bind()
              + ":"
              + config.port()
              + " ("
              + e.getMessage()
              + "); choose another http.port or http.bind, or stop what uses it",
          e);
    }
    byte[] token = config.token() == null ? null : config.token().getBytes(StandardCharsets.UTF_8);
    server.createContext("/healthz", ex -> send(ex, 200, "text/plain", "ok\n"));
    server.createContext(
        "/readyz",
        ex -> {
          List<String> notReady = new ArrayList<>();
          for (DatabaseStatus s : daemon.status()) {
            if (!s.ready()) {
              notReady.add(s.name());
            }
          }
          if (notReady.isEmpty()) {
            send(ex, 200, "text/plain", "ready\n");
          } else {
            send(ex, 503, "text/plain", "not ready: " + String.join(", ", notReady) + "\n");
          }
        });
    server.createContext(
        "/status.json",
        ex -> {
          if (authorized(ex, token)) {
            send(ex, 200, "application/json", Secrets.mask(json(daemon.status())));
          }
        });
    server.createContext(
        "/metrics",
        ex -> {
          if (authorized(ex, token)) {
            send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", daemon.metrics());
          }
        });
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "partman-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.start();
    return new DaemonHttp(server, executor);
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static boolean authorized(HttpExchange ex, byte[] token) throws IOException {
    if (token == null) {
      return true;
    }
    String header = ex.getRequestHeaders().getFirst("Authorization");
    byte[] given =
        header != null && header.startsWith("Bearer ")
            ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8)
            : new byte[0];
    if (MessageDigest.isEqual(given, token)) {
      return true;
    }
    ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
    send(ex, 401, "text/plain", "A bearer token is required: Authorization: Bearer <token>\n");
    return false;
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    if ("HEAD".equals(ex.getRequestMethod())) {
      ex.sendResponseHeaders(status, -1);
    } else {
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
    ex.close();
  }

  /** The status document: {@code {"databases": [...]}} with snake-case keys and ISO times. */
  static String json(List<DatabaseStatus> statuses) {
    List<Map<String, Object>> dbs = new ArrayList<>();
    for (DatabaseStatus s : statuses) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", s.name());
      m.put("connection", s.connection());
      m.put("ready", s.ready());
      m.put("running", s.running());
      m.put("last_start", text(s.lastStart()));
      m.put("last_finish", text(s.lastFinish()));
      m.put("last_status", s.lastStatus());
      m.put("last_error", s.lastError());
      m.put("last_success", text(s.lastSuccess()));
      m.put("failures_in_row", s.failuresInRow());
      m.put("next_run", text(s.nextRun()));
      m.put("runs", s.runs());
      m.put("warnings", s.warnings());
      List<Map<String, Object>> sets = new ArrayList<>();
      for (SetStatus set : s.sets()) {
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("parent_table", set.parentTable());
        sm.put("children", set.children());
        sm.put("rows_in_default", set.rowsInDefault());
        sm.put("runway_seconds", set.runwaySeconds());
        sm.put("newest_child", set.newestChild());
        sm.put("last_outcome", set.lastOutcome());
        sm.put("last_error", set.lastError());
        sm.put("consecutive_failures", set.consecutiveFailures());
        sm.put("alert", set.alert());
        sets.add(sm);
      }
      m.put("sets", sets);
      dbs.add(m);
    }
    try {
      return JSON.writeValueAsString(Map.of("databases", dbs)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of plain values always serialise", e);
    }
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
