package org.partman4j.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

class ConnectionResolverTest {

  @TempDir Path home;

  private final Map<String, String> vars = new HashMap<>();

  private ResolvedConnection resolve(ConnectionOptions options) {
    return new ConnectionResolver(Environment.of(vars, home, "osuser")).resolve(options);
  }

  private static ConnectionOptions url(String url) {
    return new ConnectionOptions(url, null, null, null, null);
  }

  private void pgpass(Path file, String content) throws IOException {
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void defaultsAreLocalhostPort5432AndTheOsUser() {
    ResolvedConnection c = resolve(ConnectionOptions.none());
    assertThat(c.hosts()).containsExactly("localhost");
    assertThat(c.ports()).containsExactly(5432);
    assertThat(c.user()).isEqualTo("osuser");
    assertThat(c.database()).isEqualTo("osuser");
    assertThat(c.password()).isNull();
    assertThat(c.passwordSource()).isEqualTo(PasswordSource.NONE);
  }

  @Test
  void theDatabaseDefaultsToTheResolvedUser() {
    vars.put("PGUSER", "envuser");
    assertThat(resolve(ConnectionOptions.none()).database()).isEqualTo("envuser");
    assertThat(resolve(new ConnectionOptions(null, null, null, null, "opt")).database())
        .isEqualTo("opt");
  }

  @Test
  void environmentFillsWhatNothingElseSays() {
    vars.putAll(
        Map.of(
            "PGHOST", "envhost",
            "PGPORT", "6000",
            "PGDATABASE", "envdb",
            "PGUSER", "envuser",
            "PGPASSWORD", "envpw"));
    ResolvedConnection c = resolve(ConnectionOptions.none());
    assertThat(c.describe()).isEqualTo("envuser@envhost:6000/envdb");
    assertThat(c.password()).isEqualTo("envpw");
    assertThat(c.passwordSource()).isEqualTo(PasswordSource.PGPASSWORD);
  }

  @Test
  void theUrlBeatsTheEnvironment() {
    vars.putAll(
        Map.of(
            "PGHOST", "envhost",
            "PGPORT", "6000",
            "PGDATABASE", "envdb",
            "PGUSER", "envuser",
            "PGPASSWORD", "envpw"));
    ResolvedConnection c = resolve(url("postgresql://urluser:urlpw@urlhost:7000/urldb"));
    assertThat(c.describe()).isEqualTo("urluser@urlhost:7000/urldb");
    assertThat(c.password()).isEqualTo("urlpw");
    assertThat(c.passwordSource()).isEqualTo(PasswordSource.URL);
  }

  @Test
  void partsTheUrlLeavesOutComeFromTheEnvironment() {
    vars.putAll(Map.of("PGPORT", "6000", "PGUSER", "envuser", "PGPASSWORD", "envpw"));
    ResolvedConnection c = resolve(url("jdbc:postgresql://urlhost/urldb"));
    assertThat(c.describe()).isEqualTo("envuser@urlhost:6000/urldb");
    assertThat(c.passwordSource()).isEqualTo(PasswordSource.PGPASSWORD);
  }

  @Test
  void explicitOptionsBeatTheUrl() {
    ResolvedConnection c =
        resolve(
            new ConnectionOptions(
                "postgresql://urluser@urlhost:7000/urldb", "opthost", "8000", "optdb", "optuser"));
    assertThat(c.describe()).isEqualTo("optuser@opthost:8000/optdb");
  }

  @Test
  void pgpassIsTheLastSourceOfThePassword() throws IOException {
    pgpass(home.resolve(".pgpass"), "h:5432:db:u:filepw\n");
    ConnectionOptions o = new ConnectionOptions(null, "h", null, "db", "u");
    assertThat(resolve(o).password()).isEqualTo("filepw");
    assertThat(resolve(o).passwordSource()).isEqualTo(PasswordSource.PGPASS_FILE);
    vars.put("PGPASSWORD", "envpw");
    assertThat(resolve(o).password()).isEqualTo("envpw");
    assertThat(
            resolve(new ConnectionOptions("postgresql://u:urlpw@h/db", null, null, null, null))
                .password())
        .isEqualTo("urlpw");
  }

  @Test
  void anEmptyPasswordFallsThroughToPgpass() throws IOException {
    pgpass(home.resolve(".pgpass"), "*:*:*:*:filepw\n");
    vars.put("PGPASSWORD", "");
    assertThat(resolve(url("postgresql://u:@h/d")).password()).isEqualTo("filepw");
  }

  @Test
  void pgpassIsMatchedOnTheResolvedValues() throws IOException {
    pgpass(home.resolve(".pgpass"), "envhost:6000:envdb:envuser:right\n*:*:*:*:wrong\n");
    vars.putAll(
        Map.of("PGHOST", "envhost", "PGPORT", "6000", "PGDATABASE", "envdb", "PGUSER", "envuser"));
    assertThat(resolve(ConnectionOptions.none()).password()).isEqualTo("right");
  }

  @Test
  void pgpassfileAndThePassfileParameterNameTheFile() throws IOException {
    Path envFile = home.resolve("env.pgpass");
    Path uriFile = home.resolve("uri.pgpass");
    pgpass(home.resolve(".pgpass"), "*:*:*:*:home\n");
    pgpass(envFile, "*:*:*:*:env\n");
    pgpass(uriFile, "*:*:*:*:uri\n");
    assertThat(resolve(ConnectionOptions.none()).password()).isEqualTo("home");
    vars.put("PGPASSFILE", envFile.toString());
    assertThat(resolve(ConnectionOptions.none()).password()).isEqualTo("env");
    assertThat(resolve(url("postgresql://h/d?passfile=" + uriFile)).password()).isEqualTo("uri");
  }

  @Test
  void withSeveralHostsTheFirstHostWithAPgpassLineGivesThePassword() throws IOException {
    pgpass(home.resolve(".pgpass"), "h2:5432:d:u:second\n");
    ResolvedConnection c = resolve(new ConnectionOptions(null, "h1,h2", null, "d", "u"));
    assertThat(c.hosts()).containsExactly("h1", "h2");
    assertThat(c.ports()).containsExactly(5432, 5432);
    assertThat(c.password()).isEqualTo("second");
  }

  @Test
  void anOpenPgpassFileIsIgnoredWithAWarning() throws IOException {
    Path file = home.resolve(".pgpass");
    Files.writeString(file, "*:*:*:*:pw\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
    ResolvedConnection c = resolve(ConnectionOptions.none());
    assertThat(c.password()).isNull();
    assertThat(c.warnings()).singleElement().asString().contains("group or world access");
  }

  @Test
  void portsPerHostOrOneForAll() {
    assertThat(resolve(new ConnectionOptions(null, "a,b", "7", null, null)).ports())
        .containsExactly(7, 7);
    assertThat(resolve(new ConnectionOptions(null, "a,b", "7,8", null, null)).ports())
        .containsExactly(7, 8);
    assertThat(resolve(url("postgresql://a:7,b/d")).ports()).containsExactly(7, 5432);
    assertThatThrownBy(() -> resolve(new ConnectionOptions(null, "a,b", "7,8,9", null, null)))
        .isInstanceOf(BadConnectionSettingException.class)
        .hasMessageContaining("2 hosts but 3 ports");
  }

  @Test
  void badPortsAndSocketsAreRefused() {
    assertThatThrownBy(() -> resolve(new ConnectionOptions(null, null, "x", null, null)))
        .isInstanceOf(BadConnectionSettingException.class)
        .hasMessageContaining("\"x\" is not a number from 1 to 65535");
    assertThatThrownBy(() -> resolve(new ConnectionOptions(null, null, "70000", null, null)))
        .isInstanceOf(BadConnectionSettingException.class);
    vars.put("PGHOST", "/var/run/postgresql");
    assertThatThrownBy(() -> resolve(ConnectionOptions.none()))
        .isInstanceOf(BadConnectionSettingException.class)
        .hasMessageContaining("Unix-domain socket");
  }

  @Test
  void libpqVariablesBecomePgjdbcPropertiesAndTheUrlWins() {
    vars.putAll(Map.of("PGSSLMODE", "require", "PGAPPNAME", "nightly", "PGCONNECT_TIMEOUT", "3"));
    assertThat(resolve(ConnectionOptions.none()).driverProperties())
        .containsEntry("sslmode", "require")
        .containsEntry("ApplicationName", "nightly")
        .containsEntry("connectTimeout", "3");
    assertThat(resolve(url("postgresql://h/d?sslmode=disable")).driverProperties())
        .containsEntry("sslmode", "disable");
  }

  @Test
  void theDataSourceCarriesEverything() {
    PGSimpleDataSource ds =
        resolve(url("jdbc:postgresql://[::1]:6000,h2:6001/db?user=u&password=pw&sslmode=disable"))
            .dataSource();
    assertThat(ds.getServerNames()).containsExactly("[::1]", "h2");
    assertThat(ds.getPortNumbers()).containsExactly(6000, 6001);
    assertThat(ds.getDatabaseName()).isEqualTo("db");
    assertThat(ds.getUser()).isEqualTo("u");
    assertThat(ds.getPassword()).isEqualTo("pw");
    assertThat(ds.getSslMode()).isEqualTo("disable");
    assertThat(ds.getApplicationName()).isEqualTo("partman");
  }

  @Test
  void anUnknownPgjdbcPropertyIsRefusedWhenTheDataSourceIsMade() {
    ResolvedConnection c = resolve(url("jdbc:postgresql://h/d?noSuchProperty=1"));
    assertThatThrownBy(c::dataSource)
        .isInstanceOf(BadConnectionSettingException.class)
        .hasMessageContaining("noSuchProperty");
  }

  @Test
  void theDescriptionAndToStringNeverHoldThePassword() {
    ResolvedConnection c = resolve(url("postgresql://u:Very$ecret1@h/d"));
    assertThat(c.describe()).isEqualTo("u@h:5432/d");
    assertThat(c.toString()).doesNotContain("Very$ecret1").contains(Secrets.MASK);
    assertThat(c.secrets()).containsExactly("Very$ecret1");
    c.secrets().forEach(Secrets::register);
    assertThat(Secrets.mask("oops Very$ecret1 leaked")).isEqualTo("oops **** leaked");
  }
}
