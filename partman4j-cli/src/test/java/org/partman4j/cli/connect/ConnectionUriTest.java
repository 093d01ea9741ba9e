package org.partman4j.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionUriTest {

  @Test
  void libpqUriWithEveryPart() {
    ConnectionUri u =
        ConnectionUri.parse("postgresql://alice:s%40cret@db.example:6432/sales?sslmode=require");
    assertThat(u.hosts()).containsExactly("db.example");
    assertThat(u.ports()).containsExactly("6432");
    assertThat(u.user()).isEqualTo("alice");
    assertThat(u.password()).isEqualTo("s@cret");
    assertThat(u.dbname()).isEqualTo("sales");
    assertThat(u.driverProperties()).isEqualTo(Map.of("sslmode", "require"));
  }

  @Test
  void postgresSchemeIsTheSame() {
    ConnectionUri u = ConnectionUri.parse("postgres://bob@localhost/app");
    assertThat(u.user()).isEqualTo("bob");
    assertThat(u.password()).isNull();
    assertThat(u.hosts()).containsExactly("localhost");
    assertThat(u.ports()).isNull();
    assertThat(u.dbname()).isEqualTo("app");
  }

  @Test
  void libpqUriLeavesOutWhatItDoesNotSay() {
    ConnectionUri u = ConnectionUri.parse("postgresql://");
    assertThat(u.hosts()).isNull();
    assertThat(u.ports()).isNull();
    assertThat(u.user()).isNull();
    assertThat(u.dbname()).isNull();
    assertThat(ConnectionUri.parse("postgresql:///mydb").dbname()).isEqualTo("mydb");
    assertThat(ConnectionUri.parse("postgresql:///mydb").hosts()).isNull();
  }

  @Test
  void severalHostsIpv6AndPortsPerHost() {
    ConnectionUri u = ConnectionUri.parse("postgresql://h1:5433,[::1]:5434,h3/db");
    assertThat(u.hosts()).containsExactly("h1", "::1", "h3");
    assertThat(u.ports()).containsExactly("5433", "5434", "");
  }

  @Test
  void queryParametersOverrideAndMapToPgjdbc() {
    ConnectionUri u =
        ConnectionUri.parse(
            "postgresql://x/db?host=other&port=7000&user=u&password=p&dbname=d2"
                + "&application_name=job%20one&connect_timeout=5&target_session_attrs=read-write"
                + "&passfile=/tmp/pgpass&ssl=true&keepalives=0");
    assertThat(u.hosts()).containsExactly("other");
    assertThat(u.ports()).containsExactly("7000");
    assertThat(u.user()).isEqualTo("u");
    assertThat(u.password()).isEqualTo("p");
    assertThat(u.dbname()).isEqualTo("d2");
    assertThat(u.passfile()).isEqualTo("/tmp/pgpass");
    assertThat(u.driverProperties())
        .containsEntry("ApplicationName", "job one")
        .containsEntry("connectTimeout", "5")
        .containsEntry("targetServerType", "primary")
        .containsEntry("sslmode", "require")
        .containsEntry("tcpKeepAlive", "false");
  }

  @Test
  void plusIsAPlusInLibpqUris() {
    assertThat(ConnectionUri.parse("postgresql://u:a+b@h/d").password()).isEqualTo("a+b");
  }

  @Test
  void unknownLibpqParameterIsRefusedWithoutThePassword() {
    assertThatThrownBy(() -> ConnectionUri.parse("postgresql://u:hunter22@h/d?colour=red"))
        .isInstanceOf(BadConnectionSettingException.class)
        .hasMessageContaining("colour")
        .hasMessageContaining("jdbc:postgresql:")
        .hasMessageNotContaining("hunter22");
  }

  @Test
  void malformedEscapesAndNulAreRefused() {
    assertThatThrownBy(() -> ConnectionUri.parse("postgresql://h/d%zz"))
        .isInstanceOf(BadConnectionSettingException.class)
        .hasMessageContaining("percent-escape");
    assertThatThrownBy(() -> ConnectionUri.parse("postgresql://h/d%00"))
        .isInstanceOf(BadConnectionSettingException.class)
        .hasMessageContaining("%00");
    assertThatThrownBy(() -> ConnectionUri.parse("postgresql://[::1/d"))
        .isInstanceOf(BadConnectionSettingException.class)
        .hasMessageContaining("']'");
  }

  @Test
  void jdbcUrlWithHostsAndProperties() {
    ConnectionUri u =
        ConnectionUri.parse(
            "jdbc:postgresql://h1:5,h2/db?user=u&password=p%40ss&sslmode=verify-full"
                + "&ApplicationName=a+b");
    assertThat(u.hosts()).containsExactly("h1", "h2");
    assertThat(u.ports()).containsExactly("5", "");
    assertThat(u.dbname()).isEqualTo("db");
    assertThat(u.user()).isEqualTo("u");
    assertThat(u.password()).isEqualTo("p@ss");
    // pgjdbc decodes '+' as a space, so we do too.
    assertThat(u.driverProperties())
        .isEqualTo(Map.of("sslmode", "verify-full", "ApplicationName", "a b"));
  }

  @Test
  void jdbcUrlShortForms() {
    ConnectionUri bare = ConnectionUri.parse("jdbc:postgresql:");
    assertThat(bare.hosts()).isNull();
    assertThat(bare.dbname()).isNull();
    ConnectionUri dbOnly = ConnectionUri.parse("jdbc:postgresql:mydb?user=x");
    assertThat(dbOnly.hosts()).isNull();
    assertThat(dbOnly.dbname()).isEqualTo("mydb");
    assertThat(dbOnly.user()).isEqualTo("x");
    ConnectionUri v6 = ConnectionUri.parse("jdbc:postgresql://[::1]:5433/x");
    assertThat(v6.hosts()).isEqualTo(List.of("::1"));
    assertThat(v6.ports()).isEqualTo(List.of("5433"));
    assertThat(ConnectionUri.parse("jdbc:postgresql://h").dbname()).isNull();
  }

  @Test
  void otherSchemesAreRefused() {
    assertThatThrownBy(() -> ConnectionUri.parse("mysql://u:topsecret@h/d"))
        .isInstanceOf(BadConnectionSettingException.class)
        .hasMessageContaining("jdbc:postgresql://")
        .hasMessageNotContaining("topsecret");
  }

  @Test
  void toStringMasksThePassword() {
    assertThat(ConnectionUri.parse("postgresql://u:pw123456@h/d").toString())
        .doesNotContain("pw123456")
        .contains(Secrets.MASK);
  }
}
