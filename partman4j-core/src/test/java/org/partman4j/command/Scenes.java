package org.partman4j.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.partman4j.ErrorCode;
import org.partman4j.Partman;
import org.partman4j.PartmanException;
import org.partman4j.model.SetConfig;
import org.partman4j.model.SetConfigBuilder;
import org.partman4j.store.ConfigStore;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.time.PgInterval;
import org.partman4j.time.TimeGrid;

/** Sets built by hand for the inspection tests: tables in SQL, rows through the store. */
final class Scenes {

  /**
   * A uuid decoder as pg_partman's UUIDv7 helper decodes: the first 48 bits are milliseconds since
   * 1970. And an encoder to make the bounds with (zero after the prefix).
   */
  static final String[] UUID7_FUNCTIONS = {
    "CREATE FUNCTION public.uuid7_ms(v text) RETURNS timestamptz LANGUAGE sql IMMUTABLE STRICT AS"
        + " $$ SELECT to_timestamp(('x' || lpad(substr(replace(v, '-', ''), 1, 12), 16, '0'))"
        + "::bit(64)::bigint / 1000.0) $$",
    "CREATE FUNCTION public.uuid7_of(ts timestamptz) RETURNS uuid LANGUAGE sql IMMUTABLE STRICT AS"
        + " $$ SELECT (lpad(to_hex((extract(epoch FROM ts) * 1000)::bigint), 12, '0')"
        + " || '70000000000000000000')::uuid $$"
  };

  private Scenes() {}

  /** A partman4j instance on the test database, its store installed. */
  static Partman partman(TestDatabase db) {
    Partman partman = Partman.configure().dataSource(db.dataSource()).load();
    partman.install();
    return partman;
  }

  /** Writes a part_config row as pg_partman's create_parent would have. */
  static void register(TestDatabase db, SetConfig config) {
    register(db, "partman", config);
  }

  /** Writes a part_config row into the store in {@code schema}. */
  static void register(TestDatabase db, String schema, SetConfig config) {
    try (Connection c = db.dataSource().getConnection()) {
      new ConfigStore(schema).insert(c, config);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A time set's row as create_parent writes it: interval in PostgreSQL's form, names by it. */
  static SetConfigBuilder time(String parent, String control, String interval) {
    PgInterval i = PgInterval.parse(interval);
    return SetConfig.builder(parent, control, i.toString(), "range")
        .datetimeString(TimeGrid.datetimeString(i));
  }

  /** What the database holds that an inspection could have changed: tables and config rows. */
  static List<String> fingerprint(TestDatabase db) {
    return db.queryColumn(
        "SELECT n.nspname || '.' || c.relname || ':' || c.relkind::text"
            + " || coalesce(':' || pg_get_expr(c.relpartbound, c.oid), '')"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
            + " UNION ALL SELECT p::text FROM partman.part_config p ORDER BY 1");
  }

  /** Runs {@code call}, expecting a failure of that code whose message contains {@code words}. */
  static void fails(ThrowingCallable call, ErrorCode code, String... words) {
    assertThatThrownBy(call)
        .isInstanceOf(PartmanException.class)
        .satisfies(e -> assertThat(((PartmanException) e).code()).isEqualTo(code))
        .satisfies(
            e -> {
              for (String w : words) {
                assertThat(e.getMessage()).contains(w);
              }
            });
  }
}
