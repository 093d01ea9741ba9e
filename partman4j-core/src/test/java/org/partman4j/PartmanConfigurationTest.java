package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Settings are checked once, at load(), without connecting; the loaded Partman is sealed. */
class PartmanConfigurationTest {

  private final DataSource ds = new PGSimpleDataSource(); // never connected to here

  @Test
  void defaultsAreTheNamedConstants() {
    Partman p = Partman.configure().dataSource(ds).load();
    assertThat(p.schema()).isEqualTo(PartmanConfiguration.DEFAULT_SCHEMA).isEqualTo("partman");
    assertThat(p.lockTimeout())
        .isEqualTo(PartmanConfiguration.DEFAULT_LOCK_TIMEOUT)
        .isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void laterChangesToTheBuilderDoNotReachALoadedPartman() {
    PartmanConfiguration config =
        Partman.configure().dataSource(ds).schema("first").lockTimeout(Duration.ofSeconds(1));
    Partman p = config.load();
    config.schema("second").lockTimeout(Duration.ofSeconds(2)).timeZone(ZoneId.of("UTC"));
    assertThat(p.schema()).isEqualTo("first");
    assertThat(p.lockTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.load().schema()).isEqualTo("second");
  }

  @Test
  void aMissingDataSourceIsNamed() {
    invalid(Partman.configure(), "No DataSource is configured; call .dataSource(...)");
  }

  @Test
  void unusableSchemaNamesAreRefusedWithTheReason() {
    invalid(Partman.configure().dataSource(ds).schema(null), "schema name is empty");
    invalid(Partman.configure().dataSource(ds).schema(""), "schema name is empty");
    invalid(Partman.configure().dataSource(ds).schema("a\0b"), "NUL character");
    invalid(Partman.configure().dataSource(ds).schema("s".repeat(64)), "longer than 63 bytes");
    invalid(Partman.configure().dataSource(ds).schema("pg_partman"), "reserved");
    invalid(Partman.configure().dataSource(ds).schema("information_schema"), "reserved");
    // PostgreSQL reserves only the lower-case prefix; this one is an ordinary name.
    assertThat(Partman.configure().dataSource(ds).schema("PG_x").load().schema()).isEqualTo("PG_x");
  }

  @Test
  void lockTimeoutsPostgresCannotTakeAreRefused() {
    invalid(Partman.configure().dataSource(ds).lockTimeout(null), "not a duration");
    invalid(
        Partman.configure().dataSource(ds).lockTimeout(Duration.ofMillis(-1)), "not a duration");
    invalid(Partman.configure().dataSource(ds).lockTimeout(Duration.ofNanos(500)), "1 ms");
    invalid(Partman.configure().dataSource(ds).lockTimeout(Duration.ofDays(30)), "24 days");
    assertThat(Partman.configure().dataSource(ds).lockTimeout(Duration.ZERO).load().lockTimeout())
        .isZero();
  }

  private static void invalid(PartmanConfiguration config, String words) {
    assertThatThrownBy(config::load)
        .isInstanceOfSatisfying(
            PartmanException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
              assertThat(e.sqlState()).isNull();
            })
        .hasMessageContaining(words);
  }
}
