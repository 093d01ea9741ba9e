package org.partman4j.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partman4j.cli.connect.Environment;

class ConfigLoaderTest {

  private static final Path FILE = Path.of("partman.yaml");

  private static DaemonConfig parse(Map<String, String> env, String text) {
    return new ConfigLoader(Environment.of(env, Path.of("/nonexistent"), "nobody"))
        .parse(FILE, text);
  }

  private static DaemonConfig parse(String text) {
    return parse(Map.of(), text);
  }

  private static ConfigException error(String text) {
    try {
      parse(text);
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("no error for:\n" + text);
  }

  @Test
  void aMinimalFileTakesTheDefaults() {
    DaemonConfig c = parse("databases:\n  - url: postgresql://app@db1/app\n");

    assertThat(c.http()).isEqualTo(new DaemonConfig.Http(true, "127.0.0.1", 9187, null));
    assertThat(c.historyKeep()).isEqualTo(Duration.ofDays(30));
    assertThat(c.shutdownGrace()).isEqualTo(Duration.ofMinutes(2));
    DatabaseConfig db = c.databases().get(0);
    assertThat(db.name()).isEqualTo("db1");
    assertThat(db.url()).isEqualTo("postgresql://app@db1/app");
    assertThat(db.schema()).isEqualTo("partman");
    assertThat(db.interval()).isEqualTo(Duration.ofHours(1));
    assertThat(db.jitter()).isZero();
    assertThat(db.window()).isNull();
    assertThat(db.at()).isEmpty();
    assertThat(db.zone()).isEqualTo(ZoneOffset.UTC);
    assertThat(db.waitBetweenSets()).isZero();
    assertThat(db.analyze()).isFalse();
    assertThat(db.role()).isNull();
    assertThat(db.lockTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(db.subscribers()).isEmpty();
  }

  @Test
  void everySettingIsRead() {
    DaemonConfig c =
        parse(
            Map.of("TOKEN", "s3cret", "PORT", "9999"),
            """
            http:
              bind: 0.0.0.0
              port: ${PORT}
              token: ${TOKEN}
            history:
              keep: 7d
            shutdown_grace: 30s
            databases:
              - name: orders
                url: jdbc:postgresql://db1:5433/orders?user=app
                password_env: ORDERS_PASSWORD
                schema: ops
                interval: 10min
                jitter: 30s
                window: 22:00-04:00
                at: ["03:00", "15:30"]
                time_zone: Europe/Paris
                wait_between_sets: 2s
                analyze: true
                role: orders_owner
                lock_timeout: 500ms
                subscribers:
                  - url: postgresql://repl@db2/orders
                    subscriptions: [orders_sub]
              - name: billing
                url: postgresql://app@db3/billing
                at: "02:00"
            """);

    assertThat(c.http()).isEqualTo(new DaemonConfig.Http(true, "0.0.0.0", 9999, "s3cret"));
    assertThat(c.http().toString()).doesNotContain("s3cret");
    assertThat(c.historyKeep()).isEqualTo(Duration.ofDays(7));
    assertThat(c.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
    DatabaseConfig db = c.databases().get(0);
    assertThat(db)
        .isEqualTo(
            new DatabaseConfig(
                "orders",
                "jdbc:postgresql://db1:5433/orders?user=app",
                "ORDERS_PASSWORD",
                "ops",
                Duration.ofMinutes(10),
                Duration.ofSeconds(30),
                new DatabaseConfig.Window(LocalTime.of(22, 0), LocalTime.of(4, 0)),
                List.of(LocalTime.of(3, 0), LocalTime.of(15, 30)),
                ZoneId.of("Europe/Paris"),
                Duration.ofSeconds(2),
                true,
                "orders_owner",
                Duration.ofMillis(500),
                List.of(
                    new DatabaseConfig.Subscriber(
                        "postgresql://repl@db2/orders", null, List.of("orders_sub")))));
    assertThat(c.databases().get(1).at()).containsExactly(LocalTime.of(2, 0));
  }

  @Test
  void variablesHaveDefaultsAndDollarDollarIsALiteral() {
    DaemonConfig c =
        parse(Map.of(), "databases:\n  - url: ${URL:-postgresql://x@h/d}\n    name: a$${b}\n");
    assertThat(c.databases().get(0).url()).isEqualTo("postgresql://x@h/d");
    assertThat(c.databases().get(0).name()).isEqualTo("a${b}");
  }

  @Test
  void anUnsetVariableNamesItsLine() {
    ConfigException e = error("databases:\n  - name: a\n    url: ${DB_URL}\n");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage())
        .isEqualTo(
            "partman.yaml, line 3: the environment variable DB_URL is not set; set it, or write"
                + " ${DB_URL:-default} to give a default.");
  }

  @Test
  void anUnknownSettingNamesItsLineAndTheKnownOnes() {
    ConfigException e =
        error("databases:\n  - name: a\n    url: postgresql://h/d\n    intervall: 1h\n");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.getMessage())
        .startsWith("partman.yaml, line 4: unknown setting 'intervall' in databases[0]")
        .contains("interval")
        .contains("wait_between_sets");
  }

  @Test
  void aBadValueNamesItsLineAndWhatToWrite() {
    ConfigException e =
        error("databases:\n  - name: a\n    url: postgresql://h/d\n    interval: soon\n");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.getMessage())
        .isEqualTo(
            "partman.yaml, line 4: databases[0].interval: 'soon' is not a duration; write a"
                + " number with a unit (500ms, 10s, 2min, 1h, 30d) or 0 for none.");

    assertThat(error("databases:\n  - url: postgresql://h/d\n    window: 1-5\n").getMessage())
        .startsWith("partman.yaml, line 3: databases[0].window: '1-5' is not a daily window");
    assertThat(error("databases:\n  - url: postgresql://h/d\n    at: [\"25:00\"]\n").line())
        .isEqualTo(3);
    assertThat(error("databases:\n  - url: postgresql://h/d\n    time_zone: Mars/Base\n").line())
        .isEqualTo(3);
    assertThat(error("databases:\n  - url: postgresql://h/d\n    analyze: maybe\n").getMessage())
        .endsWith("'maybe' is not true or false.");
    assertThat(error("databases:\n  - url: postgresql://h/d\n    interval: 0s\n").getMessage())
        .endsWith("'0s' must be longer than zero.");
    assertThat(error("databases:\n  - url: postgresql://h/d\n    lock_timeout: 30d\n").line())
        .isEqualTo(3);
    assertThat(error("databases:\n  - url: postgresql://h/d\n    role: \"\"\n").getMessage())
        .contains("databases[0].role");
    assertThat(error("http:\n  port: 70000\ndatabases:\n  - url: postgresql://h/d\n").line())
        .isEqualTo(2);
  }

  @Test
  void missingAndDuplicateEntriesAreNamed() {
    ConfigException noUrl = error("databases:\n  - name: a\n  - name: b\n    url: x\n");
    assertThat(noUrl.line()).isEqualTo(2);
    assertThat(noUrl.getMessage()).contains("databases[0]: this database has no url");

    ConfigException twice = error("databases:\n  - name: a\n    url: x\n  - name: a\n    url: y\n");
    assertThat(twice.line()).isEqualTo(4);
    assertThat(twice.getMessage()).contains("the name 'a' is used twice");

    assertThat(error("http:\n  port: 1\n").getMessage()).contains("there are no databases");
    assertThat(error("").getMessage()).contains("the file is empty");
  }

  @Test
  void wrongShapesAndBrokenYamlAreNamed() {
    ConfigException shape = error("databases:\n  - postgresql://h/d\n");
    assertThat(shape.line()).isEqualTo(2);
    assertThat(shape.getMessage())
        .contains("'databases[0]' has the wrong form; write a mapping of settings");
    ConfigException list = error("databases:\n  - url: [a, b]\n");
    assertThat(list.line()).isEqualTo(2);
    assertThat(list.getMessage()).contains("'databases[0].url' has the wrong form");

    ConfigException yaml = error("databases:\n  - url: x\n   name: [\n");
    assertThat(yaml.line()).isPositive();
    assertThat(yaml.getMessage()).contains("is not valid YAML");
  }

  @Test
  void aMissingFileSaysSo(@TempDir Path dir) throws Exception {
    ConfigLoader loader = new ConfigLoader(Environment.of(Map.of(), dir, "nobody"));
    assertThatThrownBy(() -> loader.load(dir.resolve("none.yaml")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot read the file");
    Path f = dir.resolve("ok.yaml");
    Files.writeString(f, "databases:\n  - url: postgresql://h/d\n");
    assertThat(loader.load(f).source()).isEqualTo(f);
  }
}
