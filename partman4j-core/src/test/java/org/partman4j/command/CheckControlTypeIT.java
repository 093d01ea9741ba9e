package org.partman4j.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partman4j.command.Scenes.fails;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partman4j.ErrorCode;
import org.partman4j.Partman;
import org.partman4j.model.ControlType;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

@PostgresTest
class CheckControlTypeIT {

  private static Partman partman;

  @BeforeAll
  static void scene(TestDatabase db) {
    partman = Partman.configure().dataSource(db.dataSource()).schema("unused").load();
    db.execute(
        "CREATE DOMAIN public.ts_domain AS timestamptz",
        "CREATE SCHEMA \"Mixed\"",
        "CREATE TABLE \"Mixed\".\"T\" (a timestamptz, b timestamp, c date, d int2, e int4,"
            + " f int8, g numeric, h text, i uuid, j varchar, k public.ts_domain,"
            + " \"Odd Col\" bigint)");
  }

  private static ControlType type(String column) {
    return partman.checkControlType("Mixed.T", column);
  }

  @Test
  void classifiesAsPgPartmanDoes() {
    assertThat(type("a")).isEqualTo(new ControlType("time", "timestamptz"));
    assertThat(type("b")).isEqualTo(new ControlType("time", "timestamp"));
    assertThat(type("c")).isEqualTo(new ControlType("time", "date"));
    assertThat(type("d")).isEqualTo(new ControlType("id", "int2"));
    assertThat(type("e")).isEqualTo(new ControlType("id", "int4"));
    assertThat(type("f")).isEqualTo(new ControlType("id", "int8"));
    assertThat(type("g")).isEqualTo(new ControlType("id", "numeric"));
    assertThat(type("h")).isEqualTo(new ControlType("text", "text"));
    assertThat(type("i")).isEqualTo(new ControlType("uuid", "uuid"));
    assertThat(type("j")).isEqualTo(new ControlType(null, "varchar"));
    assertThat(type("k")).isEqualTo(new ControlType(null, "ts_domain"));
    assertThat(type("Odd Col").generalType()).isEqualTo("id");
  }

  @Test
  void missingTablesAndColumnsAreNamed(TestDatabase db) {
    fails(() -> type("nope"), ErrorCode.OBJECT_NOT_FOUND, "Mixed.T has no column \"nope\"");
    fails(() -> type("A"), ErrorCode.OBJECT_NOT_FOUND, "has no column \"A\"");
    fails(
        () -> partman.checkControlType("mixed.T", "a"),
        ErrorCode.OBJECT_NOT_FOUND,
        "mixed.T does not exist");
    fails(() -> partman.checkControlType("Mixed.T", ""), ErrorCode.INVALID_ARGUMENT, "column");
    // no store was needed, and none was made
    assertThat(db.queryString("SELECT count(*) FROM pg_namespace WHERE nspname = 'unused'"))
        .isEqualTo("0");
  }
}
