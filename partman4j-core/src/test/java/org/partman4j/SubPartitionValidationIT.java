package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/** Bad input to createSubParent: a clear error, and nothing changed. */
@PostgresTest
class SubPartitionValidationIT {

  /** A monthly set with a row, and what must stay as it is. */
  static Partman monthly(TestDatabase db, String schema) {
    db.execute(
        "CREATE SCHEMA " + schema,
        "CREATE TABLE "
            + schema
            + ".t (id bigint NOT NULL, ts timestamptz NOT NULL, note text, n numeric)"
            + " PARTITION BY RANGE (ts)");
    Partman partman = SubPartitionIT.partman(db);
    partman.createParent(PartitionSetDefinition.of(schema + ".t", "ts", "1 month").premake(1));
    db.execute("INSERT INTO " + schema + ".t VALUES (1, '2026-11-10+00', 'x', 1)");
    return partman;
  }

  static String state(TestDatabase db, String schema) {
    return String.join(
            ",",
            db.queryColumn(
                "SELECT c.relname || ':' || c.relkind::text FROM pg_class c WHERE c.relnamespace = '"
                    + schema
                    + "'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1"))
        + " sub="
        + db.queryString(
            "SELECT count(*) FROM partman.part_config_sub WHERE sub_parent LIKE '" + schema + ".%'")
        + " sets="
        + db.queryString(
            "SELECT count(*) FROM partman.part_config WHERE parent_table LIKE '" + schema + ".%'");
  }

  void refused(
      TestDatabase db,
      Partman partman,
      String schema,
      SubPartitionDefinition def,
      ErrorCode code,
      String... words) {
    String before = state(db, schema);
    var thrown =
        assertThatThrownBy(() -> partman.createSubParent(def))
            .isInstanceOf(PartmanException.class)
            .satisfies(e -> assertThat(((PartmanException) e).code()).isEqualTo(code));
    for (String w : words) {
      thrown.hasMessageContaining(w);
    }
    assertThat(state(db, schema)).isEqualTo(before);
    assertThat(db.queryString("SELECT count(*) FROM " + schema + ".t")).isEqualTo("1");
  }

  @Test
  void badInputChangesNothing(TestDatabase db) {
    Partman partman = monthly(db, "bad");
    SubPartitionDefinition ok = SubPartitionDefinition.of("bad.t", "ts", "1 day");
    refused(db, partman, "bad", ok, ErrorCode.INVALID_ARGUMENT, "declarativeCheck(\"yes\")");
    refused(db, partman, "bad", ok.declarativeCheck("no"), ErrorCode.INVALID_ARGUMENT, "confirm");
    ok = ok.declarativeCheck("yes");
    refused(
        db,
        partman,
        "bad",
        SubPartitionDefinition.of("bad.t", "ts", "1 month").declarativeCheck("yes"),
        ErrorCode.INVALID_ARGUMENT,
        "must be smaller than the interval 1 mon");
    refused(
        db,
        partman,
        "bad",
        SubPartitionDefinition.of("bad.t", "ts", "1 week").declarativeCheck("yes"),
        ErrorCode.INVALID_ARGUMENT,
        "Weekly");
    refused(db, partman, "bad", ok.dateTruncInterval("week"), ErrorCode.INVALID_ARGUMENT, "Weekly");
    refused(
        db,
        partman,
        "bad",
        SubPartitionDefinition.of("bad.t", "ts", "1 fortnight").declarativeCheck("yes"),
        ErrorCode.INVALID_ARGUMENT,
        "not a PostgreSQL interval");
    refused(
        db,
        partman,
        "bad",
        SubPartitionDefinition.of("bad.t", "nope", "1 day").declarativeCheck("yes"),
        ErrorCode.OBJECT_NOT_FOUND,
        "\"nope\" does not exist");
    refused(
        db,
        partman,
        "bad",
        SubPartitionDefinition.of("bad.t", "note", "1 day").declarativeCheck("yes"),
        ErrorCode.INVALID_ARGUMENT,
        "NOT NULL");
    refused(
        db,
        partman,
        "bad",
        SubPartitionDefinition.of("bad.t", "id", "1").declarativeCheck("yes"),
        ErrorCode.INVALID_ARGUMENT,
        "2 or more");
    refused(
        db,
        partman,
        "bad",
        SubPartitionDefinition.of("bad.t", "id", "2").type("list").declarativeCheck("yes"),
        ErrorCode.INVALID_ARGUMENT,
        "interval 1");
    refused(db, partman, "bad", ok.type("hash"), ErrorCode.INVALID_ARGUMENT, "'range' or 'list'");
    refused(db, partman, "bad", ok.premake(0), ErrorCode.INVALID_ARGUMENT, "premake");
    refused(
        db,
        partman,
        "bad",
        SubPartitionDefinition.of("bad.t", "ts", "1 day").epoch("seconds").declarativeCheck("yes"),
        ErrorCode.INVALID_ARGUMENT,
        "integer control column");
    refused(
        db,
        partman,
        "bad",
        ok.constraintCols(List.of("ts")),
        ErrorCode.INVALID_ARGUMENT,
        "constraint columns");
    refused(
        db,
        partman,
        "bad",
        ok.templateTable("bad.missing"),
        ErrorCode.OBJECT_NOT_FOUND,
        "bad.missing");
    refused(
        db,
        partman,
        "bad",
        SubPartitionDefinition.of("bad.nothere", "ts", "1 day").declarativeCheck("yes"),
        ErrorCode.OBJECT_NOT_FOUND);
    db.execute("CREATE TABLE bad.plain (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
    refused(
        db,
        partman,
        "bad",
        SubPartitionDefinition.of("bad.plain", "ts", "1 day").declarativeCheck("yes"),
        ErrorCode.SET_NOT_FOUND);
  }

  @Test
  void aDifferentSubPartitioningIsRefusedAndAStopAllowsANewOne(TestDatabase db) {
    Partman partman = monthly(db, "again");
    partman.createSubParent(
        SubPartitionDefinition.of("again.t", "ts", "1 day").declarativeCheck("yes"));
    refused(
        db,
        partman,
        "again",
        SubPartitionDefinition.of("again.t", "ts", "1 hour").declarativeCheck("yes"),
        ErrorCode.SET_ALREADY_EXISTS,
        "stopSubPartition");
    // the same call again is a harmless rerun
    SubParentResult rerun =
        partman.createSubParent(
            SubPartitionDefinition.of("again.t", "ts", "1 day").declarativeCheck("yes"));
    assertThat(rerun.existingConfig()).isTrue();
    assertThat(rerun.converted()).isEmpty();

    assertThat(partman.stopSubPartition("again.t")).isTrue();
    assertThat(partman.stopSubPartition("again.t")).isFalse();
    // children made now are plain tables; the sub-sets stay
    partman.createPartition("again.t", List.of("2027-06-01"));
    assertThat(
            db.queryString(
                "SELECT relkind FROM pg_class WHERE oid = 'again.t_p20270601'::regclass"))
        .isEqualTo("r");
    assertThat(
            db.queryString(
                "SELECT count(*) FROM partman.part_config WHERE parent_table LIKE 'again.%'"))
        .isEqualTo(String.valueOf(1 + 3));
    // an existing child partitioned by another key is refused
    refused(
        db,
        partman,
        "again",
        SubPartitionDefinition.of("again.t", "id", "100").declarativeCheck("yes"),
        ErrorCode.INVALID_ARGUMENT,
        "already partitioned");
    assertThatThrownBy(() -> partman.stopSubPartition("again.none"))
        .isInstanceOf(PartmanException.class)
        .satisfies(
            e -> assertThat(((PartmanException) e).code()).isEqualTo(ErrorCode.SET_NOT_FOUND));
  }

  @Test
  void dryRunListsTheWorkAndChangesNothing(TestDatabase db) {
    Partman partman = monthly(db, "dry");
    String before = state(db, "dry");
    List<String> plan =
        partman.createSubParentDryRun(
            SubPartitionDefinition.of("dry.t", "ts", "1 day").declarativeCheck("yes"));
    assertThat(state(db, "dry")).isEqualTo(before);
    assertThat(plan.get(0)).startsWith("INSERT INTO \"partman\".\"part_config_sub\"");
    assertThat(plan)
        .contains(
            "-- dry.t_p20261101: holds rows; rebuilt as a partitioned table, rows kept in"
                + " dry.t_p20261101_p4j_hold",
            "ALTER TABLE \"dry\".\"t\" DETACH PARTITION \"dry\".\"t_p20261101\"",
            "ALTER TABLE \"dry\".\"t_p20261101\" RENAME TO \"t_p20261101_p4j_hold\"",
            "DROP TABLE \"dry\".\"t_p20261001\"");
    assertThat(plan).anyMatch(s -> s.contains("PARTITION BY RANGE (\"ts\")"));
    assertThat(plan).anyMatch(s -> s.startsWith("-- move the rows of dry.t_p20261101_p4j_hold"));
  }
}
