package org.partman4j.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partman4j.command.Scenes.fails;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partman4j.ErrorCode;
import org.partman4j.PartitionLocation;
import org.partman4j.Partman;
import org.partman4j.model.SetConfig;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/** showPartitionName in a database whose zone has DST (America/New_York). */
@PostgresTest
class ShowPartitionNameIT {

  private static final String LONG = "time_taptest_table_1234567890123456789012345678901234567890";

  private static Partman partman;

  @BeforeAll
  static void scene(TestDatabase db) {
    db.executeAsAdmin("ALTER DATABASE " + db.name() + " SET timezone = 'America/New_York'");
    partman = Scenes.partman(db);
    assertThat(partman.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
    db.execute(Scenes.UUID7_FUNCTIONS);
    db.execute(
        // daily around the spring-forward day 2026-03-08 (23 hours long)
        "CREATE TABLE public.daily (at timestamptz NOT NULL) PARTITION BY RANGE (at)",
        "CREATE TABLE public.daily_p20260307 PARTITION OF public.daily"
            + " FOR VALUES FROM ('2026-03-07 00:00-05') TO ('2026-03-08 00:00-05')",
        "CREATE TABLE public.daily_p20260308 PARTITION OF public.daily"
            + " FOR VALUES FROM ('2026-03-08 00:00-05') TO ('2026-03-09 00:00-04')",
        "CREATE TABLE public.daily_p20260309 PARTITION OF public.daily"
            + " FOR VALUES FROM ('2026-03-09 00:00-04') TO ('2026-03-10 00:00-04')",
        "CREATE TABLE public.daily_default PARTITION OF public.daily DEFAULT",
        // hourly across the fall-back hour: 01:00 EDT and 01:00 EST print the same name
        "CREATE TABLE public.hourly (at timestamptz NOT NULL) PARTITION BY RANGE (at)",
        "CREATE TABLE public.hourly_p20261101_000000 PARTITION OF public.hourly"
            + " FOR VALUES FROM ('2026-11-01 00:00-04') TO ('2026-11-01 01:00-04')",
        "CREATE TABLE public.hourly_p20261101_010000 PARTITION OF public.hourly"
            + " FOR VALUES FROM ('2026-11-01 01:00-04') TO ('2026-11-01 01:00-05')",
        "CREATE TABLE public.ep (ts int8 NOT NULL) PARTITION BY RANGE (ts)",
        "CREATE TABLE public.ep_p20260308 PARTITION OF public.ep FOR VALUES"
            + " FROM (extract(epoch FROM timestamptz '2026-03-08 00:00-05')::bigint)"
            + " TO (extract(epoch FROM timestamptz '2026-03-09 00:00-04')::bigint)",
        "CREATE TABLE public.ids (id int4 NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE public.\"ids_p-10\" PARTITION OF public.ids FOR VALUES FROM (-10) TO (0)",
        "CREATE TABLE public.ids_p0 PARTITION OF public.ids FOR VALUES FROM (0) TO (10)",
        "CREATE TABLE public.ids_p10 PARTITION OF public.ids FOR VALUES FROM (10) TO (20)",
        "CREATE TABLE public.pre (at timestamptz NOT NULL) PARTITION BY RANGE (at)",
        "CREATE TABLE public.pre_part20260308 PARTITION OF public.pre"
            + " FOR VALUES FROM ('2026-03-08 00:00-05') TO ('2026-03-09 00:00-04')",
        "CREATE TABLE public.utc (at timestamptz NOT NULL) PARTITION BY RANGE (at)",
        "CREATE TABLE public.utc_p20260308 PARTITION OF public.utc"
            + " FOR VALUES FROM ('2026-03-08 00:00+00') TO ('2026-03-09 00:00+00')",
        "CREATE TABLE public." + LONG + " (at timestamptz NOT NULL) PARTITION BY RANGE (at)",
        "CREATE TABLE public.time_taptest_table_123456789012345678901234567_p20261122_020000"
            + " PARTITION OF public."
            + LONG
            + " FOR VALUES FROM ('2026-11-22 02:00-05') TO ('2026-11-22 03:00-05')",
        "CREATE TABLE public.u (id uuid NOT NULL) PARTITION BY RANGE (id)",
        "DO $$ BEGIN"
            + " EXECUTE format('CREATE TABLE public.u_p20261118 PARTITION OF public.u FOR VALUES"
            + " FROM (%L) TO (%L)', public.uuid7_of('2026-11-18 00:00-05'),"
            + " public.uuid7_of('2026-11-19 00:00-05'));"
            + " END $$",
        "CREATE TABLE public.empty (at timestamptz NOT NULL) PARTITION BY RANGE (at)",
        "CREATE TABLE public.plain (id int)");
    Scenes.register(db, Scenes.time("public.daily", "at", "1 day").build());
    Scenes.register(db, Scenes.time("public.hourly", "at", "1 hour").build());
    Scenes.register(db, Scenes.time("public.ep", "ts", "1 day").epoch("seconds").build());
    Scenes.register(db, SetConfig.builder("public.ids", "id", "10", "range").build());
    Scenes.register(db, Scenes.time("public.pre", "at", "1 day").childTablePrefix("_part").build());
    Scenes.register(db, Scenes.time("public.utc", "at", "1 day").partitionTimezone("UTC").build());
    Scenes.register(db, Scenes.time("public." + LONG, "at", "1 hour").build());
    Scenes.register(
        db,
        Scenes.time("public.u", "id", "1 day")
            .timeEncoder("public.uuid7_of")
            .timeDecoder("public.uuid7_ms")
            .build());
    Scenes.register(db, Scenes.time("public.empty", "at", "1 day").build());
  }

  private static PartitionLocation name(String parent, String value) {
    return partman.showPartitionName(parent, value);
  }

  @Test
  void aValueInsideAChildOnTheDstDay() {
    PartitionLocation l = name("public.daily", "2026-03-08 12:00");
    assertThat(l)
        .isEqualTo(
            new PartitionLocation(
                "public", "daily_p20260308", Instant.parse("2026-03-08T05:00:00Z"), null, true));
    // the day has 23 hours: 23:30 local is still in it
    assertThat(name("public.daily", "2026-03-08 23:30").table()).isEqualTo("daily_p20260308");
    assertThat(name("public.daily", "2026-03-09 00:00").table()).isEqualTo("daily_p20260309");
  }

  @Test
  void valuesBeforeAndAfterTheChildrenStepOnTheirGrid() {
    PartitionLocation before = name("public.daily", "2026-01-15 12:00");
    assertThat(before.table()).isEqualTo("daily_p20260115");
    assertThat(before.suffixTimestamp()).isEqualTo(Instant.parse("2026-01-15T05:00:00Z"));
    assertThat(before.tableExists()).isFalse();
    // an offset in the value is honoured: 2026-12-01 00:00 UTC is 11-30 19:00 in New York
    PartitionLocation after = name("public.daily", "2026-12-01 00:00:00+00");
    assertThat(after.table()).isEqualTo("daily_p20261130");
    assertThat(after.suffixTimestamp()).isEqualTo(Instant.parse("2026-11-30T05:00:00Z"));
    assertThat(after.tableExists()).isFalse();
  }

  @Test
  void theRepeatedFallBackHourGetsTheSameNameAsInPgPartman() {
    // 01:30 EST lies after the last child (01:00 EDT .. 01:00 EST); its hour starts 01:00 EST,
    // whose name is that of the 01:00 EDT child: the name exists, the value is not in it.
    PartitionLocation l = name("public.hourly", "2026-11-01 01:30-05");
    assertThat(l.suffixTimestamp()).isEqualTo(Instant.parse("2026-11-01T06:00:00Z"));
    assertThat(l.table()).isEqualTo("hourly_p20261101_010000");
    assertThat(l.tableExists()).isTrue();
  }

  @Test
  void epochSetsTakeATime() {
    PartitionLocation l = name("public.ep", "2026-03-08 06:00");
    assertThat(l.table()).isEqualTo("ep_p20260308");
    assertThat(l.tableExists()).isTrue();
    assertThat(l.suffixId()).isNull();
  }

  @Test
  void idSetsTruncateTowardZero() {
    assertThat(name("public.ids", "-15"))
        .isEqualTo(new PartitionLocation("public", "ids_p-10", null, -10L, true));
    assertThat(name("public.ids", "15"))
        .isEqualTo(new PartitionLocation("public", "ids_p10", null, 10L, true));
    assertThat(name("public.ids", " 7 ").table()).isEqualTo("ids_p0");
    assertThat(name("public.ids", "25"))
        .isEqualTo(new PartitionLocation("public", "ids_p20", null, 20L, false));
    assertThat(name("public.ids", "9223372036854775807").suffixId())
        .isEqualTo(9223372036854775800L);
  }

  @Test
  void theSetsPrefixZoneAndNameLengthAreUsed() {
    assertThat(name("public.pre", "2026-03-08 12:00").table()).isEqualTo("pre_part20260308");
    // partition_timezone UTC: a value without offset is read in UTC, not in New York
    PartitionLocation utc = name("public.utc", "2026-03-08 23:30");
    assertThat(utc.table()).isEqualTo("utc_p20260308");
    assertThat(utc.tableExists()).isTrue();
    PartitionLocation longName = name("public." + LONG, "2026-11-22 02:59:59");
    assertThat(longName.table())
        .isEqualTo("time_taptest_table_123456789012345678901234567_p20261122_020000")
        .hasSize(63);
    assertThat(longName.tableExists()).isTrue();
  }

  @Test
  void encodedSetsPlaceTimesThroughTheirDecodedChildren() {
    PartitionLocation l = name("public.u", "2026-11-18 12:00");
    assertThat(l.table()).isEqualTo("u_p20261118");
    assertThat(l.tableExists()).isTrue();
    assertThat(name("public.u", "2026-11-20 01:00").table()).isEqualTo("u_p20261120");
  }

  @Test
  void badInputIsRefusedAndNothingChanges(TestDatabase db) {
    List<String> before = Scenes.fingerprint(db);
    fails(
        () -> name("public.empty", "2026-03-08"),
        ErrorCode.SET_UNUSABLE,
        "public.empty has no children");
    fails(
        () -> name("public.daily", "the day after tomorrow"),
        ErrorCode.INVALID_ARGUMENT,
        "'the day after tomorrow'",
        "a timestamp");
    fails(() -> name("public.daily", "infinity"), ErrorCode.INVALID_ARGUMENT, "finite");
    fails(() -> name("public.ids", "1.5"), ErrorCode.INVALID_ARGUMENT, "'1.5'", "whole number");
    fails(() -> name("public.ids", null), ErrorCode.INVALID_ARGUMENT, "No value");
    fails(() -> name("public.nope", "1"), ErrorCode.OBJECT_NOT_FOUND, "does not exist");
    fails(() -> name("public.plain", "1"), ErrorCode.SET_NOT_FOUND, "not managed");
    fails(() -> name("a.b.c", "1"), ErrorCode.INVALID_ARGUMENT, "more than one period");
    assertThat(Scenes.fingerprint(db)).isEqualTo(before);
  }
}
