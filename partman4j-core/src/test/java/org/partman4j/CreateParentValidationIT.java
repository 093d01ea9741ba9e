package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/**
 * createParent's checks (reference §6.2 and the later releases'): each bad input gets a message
 * naming the problem and what to do, and leaves the database exactly as it was.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreateParentValidationIT {

  private TestDatabase db;
  private Partman partman;

  @BeforeAll
  void setUp(TestDatabase db) {
    this.db = db;
    db.execute(
        "CREATE SCHEMA v",
        "CREATE TABLE v.t (id bigint NOT NULL, ts timestamptz NOT NULL, maybe timestamptz,"
            + " label text, d date NOT NULL) PARTITION BY RANGE (ts)",
        "CREATE TABLE v.plain (ts timestamptz NOT NULL)",
        "CREATE TABLE v.hashed (id int NOT NULL) PARTITION BY HASH (id)",
        "CREATE TABLE v.two (a int NOT NULL, b int NOT NULL) PARTITION BY RANGE (a, b)",
        "CREATE TABLE v.ids (id int NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE v.listed (id int NOT NULL) PARTITION BY LIST (id)",
        "CREATE TABLE v.nullable (ts timestamptz) PARTITION BY RANGE (ts)",
        "CREATE DOMAIN v.stamp AS timestamptz",
        "CREATE TABLE v.dom (ts v.stamp NOT NULL) PARTITION BY RANGE (ts)",
        "CREATE TABLE v.js (j jsonb NOT NULL) PARTITION BY RANGE (j)",
        "CREATE TABLE v.days (d date NOT NULL) PARTITION BY RANGE (d)",
        "CREATE TABLE v.txt (k text NOT NULL) PARTITION BY RANGE (k)",
        "CREATE TABLE v.t_p20261122 (x int)");
    this.partman = CreateParentGoldenIT.partman(db, "UTC", CreateParentGoldenIT.NOW);
    partman.install();
  }

  private void refused(PartitionSetDefinition def, ErrorCode code, String... messageParts) {
    String before = Catalog.snapshot(db.adminDataSource());
    assertThatThrownBy(() -> partman.createParent(def))
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code))
        .satisfies(
            e -> {
              for (String part : messageParts) {
                assertThat(e.getMessage()).contains(part);
              }
            });
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    assertThat(db.queryString("SELECT count(*) FROM partman.part_config")).isEqualTo("0");
  }

  private static PartitionSetDefinition daily(String parent, String control) {
    return PartitionSetDefinition.of(parent, control, "1 day");
  }

  @Test
  void parentNames() {
    refused(daily("t", "ts"), ErrorCode.INVALID_ARGUMENT, "schema-qualified");
    refused(daily("v.t.x", "ts"), ErrorCode.INVALID_ARGUMENT, "more than one period");
    refused(
        daily("v.missing", "ts"), ErrorCode.OBJECT_NOT_FOUND, "Unable to find the parent table");
    refused(daily("V.T", "ts"), ErrorCode.OBJECT_NOT_FOUND, "V.T");
    refused(daily("v." + "x".repeat(64), "ts"), ErrorCode.INVALID_ARGUMENT, "longer than 63 bytes");
  }

  @Test
  void notPartitionedOrWronglyPartitioned() {
    refused(daily("v.plain", "ts"), ErrorCode.INVALID_ARGUMENT, "not a partitioned table");
    refused(daily("v.hashed", "id"), ErrorCode.INVALID_ARGUMENT, "RANGE and LIST");
    refused(
        PartitionSetDefinition.of("v.two", "a", "10"), ErrorCode.INVALID_ARGUMENT, "exactly one");
  }

  @Test
  void controlColumn() {
    refused(daily("v.t", "nope"), ErrorCode.OBJECT_NOT_FOUND, "\"nope\" does not exist");
    refused(daily("v.t", "maybe"), ErrorCode.INVALID_ARGUMENT, "must be NOT NULL", "SET NOT NULL");
    refused(daily("v.t", "id"), ErrorCode.INVALID_ARGUMENT, "not the partition key", "\"ts\"");
    refused(daily("v.dom", "ts"), ErrorCode.INVALID_ARGUMENT, "Domains are not accepted");
    refused(daily("v.js", "j"), ErrorCode.INVALID_ARGUMENT, "jsonb");
    refused(daily("v.nullable", "ts"), ErrorCode.INVALID_ARGUMENT, "controlNotNull(false)");
  }

  @Test
  void intervals() {
    refused(
        PartitionSetDefinition.of("v.t", "ts", "daily"),
        ErrorCode.INVALID_ARGUMENT,
        "pg_partman 4 keyword");
    refused(
        PartitionSetDefinition.of("v.t", "ts", "500 milliseconds"),
        ErrorCode.INVALID_ARGUMENT,
        "1 second or greater");
    refused(
        PartitionSetDefinition.of("v.t", "ts", "one day"),
        ErrorCode.INVALID_ARGUMENT,
        "not a PostgreSQL interval");
    refused(
        PartitionSetDefinition.of("v.ids", "id", "1"),
        ErrorCode.INVALID_ARGUMENT,
        "2 or more",
        "LIST");
    refused(
        PartitionSetDefinition.of("v.ids", "id", "1 day"),
        ErrorCode.INVALID_ARGUMENT,
        "whole number");
    refused(
        PartitionSetDefinition.of("v.days", "d", "1 hour"),
        ErrorCode.INVALID_ARGUMENT,
        "at least 1 day");
    refused(
        PartitionSetDefinition.of("v.listed", "id", "5").type("list"),
        ErrorCode.INVALID_ARGUMENT,
        "must be 1");
  }

  @Test
  void otherArguments() {
    UnaryOperator<PartitionSetDefinition> none = d -> d;
    refused(none.apply(daily("v.t", "ts").type("hash")), ErrorCode.INVALID_ARGUMENT, "'range'");
    refused(daily("v.t", "ts").type("list"), ErrorCode.INVALID_ARGUMENT, "partitioned by RANGE");
    refused(daily("v.t", "ts").epoch("seconds"), ErrorCode.INVALID_ARGUMENT, "epoch");
    refused(
        PartitionSetDefinition.of("v.ids", "id", "10").epoch("hours"),
        ErrorCode.INVALID_ARGUMENT,
        "nanoseconds");
    refused(daily("v.t", "ts").premake(0), ErrorCode.INVALID_ARGUMENT, "premake");
    refused(daily("v.t", "ts").automaticMaintenance("yes"), ErrorCode.INVALID_ARGUMENT, "'on' or");
    refused(
        daily("v.t", "ts").templateTable("v.no_template"),
        ErrorCode.OBJECT_NOT_FOUND,
        "template table v.no_template does not exist");
    refused(
        daily("v.t", "ts").constraintCols(List.of("ts")),
        ErrorCode.INVALID_ARGUMENT,
        "must not include the control column");
    refused(
        daily("v.t", "ts").constraintCols(List.of("ghost")),
        ErrorCode.OBJECT_NOT_FOUND,
        "\"ghost\" does not exist");
    refused(
        daily("v.t", "ts").dateTruncInterval("fortnight"),
        ErrorCode.INVALID_ARGUMENT,
        "date_trunc unit");
    refused(
        daily("v.t", "ts").startPartition("yesterday-ish"),
        ErrorCode.INVALID_ARGUMENT,
        "start partition");
    refused(
        daily("v.t", "ts").timeZone("Mars/Olympus_Mons"),
        ErrorCode.UNSUPPORTED_TIME_ZONE,
        "Mars/Olympus_Mons");
    refused(
        daily("v.t", "ts").timeEncoding("public.enc", "public.dec"),
        ErrorCode.INVALID_ARGUMENT,
        "only for text or uuid");
    refused(daily("v.txt", "k"), ErrorCode.INVALID_ARGUMENT, "time encoder and a time decoder");
  }

  @Test
  void aChildNameTakenByAnotherTableIsRefusedNotSkipped() {
    refused(
        daily("v.t", "ts"),
        ErrorCode.NAME_COLLISION,
        "\"v\".\"t_p20261122\"",
        "already taken by a table");
  }
}
