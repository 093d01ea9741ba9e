package org.partman4j.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partman4j.command.Scenes.fails;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partman4j.ErrorCode;
import org.partman4j.PartitionInfo;
import org.partman4j.Partman;
import org.partman4j.model.SetConfig;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/** showPartitionInfo for time, epoch, id, list and uuid sets, in a UTC database. */
@PostgresTest
class ShowPartitionInfoIT {

  private static Partman partman;

  @BeforeAll
  static void scene(TestDatabase db) {
    db.executeAsAdmin("ALTER DATABASE " + db.name() + " SET timezone = 'UTC'");
    partman = Scenes.partman(db);
    db.execute(Scenes.UUID7_FUNCTIONS);
    db.execute(
        "CREATE TABLE public.daily (at timestamptz NOT NULL) PARTITION BY RANGE (at)",
        "CREATE TABLE public.daily_p20261118 PARTITION OF public.daily"
            + " FOR VALUES FROM ('2026-11-18 00:00+00') TO ('2026-11-19 00:00+00')",
        "CREATE TABLE public.daily_default PARTITION OF public.daily DEFAULT",
        // 9 weeks truncated to Mondays (reference §15.3): named _p20260713, suffix 20260701
        "CREATE TABLE public.w9 (at timestamptz NOT NULL) PARTITION BY RANGE (at)",
        "CREATE TABLE public.w9_p20260713 PARTITION OF public.w9"
            + " FOR VALUES FROM ('2026-07-13 00:00+00') TO ('2026-09-14 00:00+00')",
        "CREATE TABLE public.ep (ts int8 NOT NULL) PARTITION BY RANGE (ts)",
        "CREATE TABLE public.ep_p20261121 PARTITION OF public.ep"
            + " FOR VALUES FROM (1795219200000) TO (1795305600000)",
        "CREATE TABLE public.ids (id int4 NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE public.\"ids_p-1000\" PARTITION OF public.ids"
            + " FOR VALUES FROM (-1000) TO (0)",
        "CREATE TABLE public.nums (n numeric NOT NULL) PARTITION BY RANGE (n)",
        "CREATE TABLE public.nums_p20 PARTITION OF public.nums FOR VALUES FROM (20.7) TO (100)",
        "CREATE TABLE public.l (v int4 NOT NULL) PARTITION BY LIST (v)",
        "CREATE TABLE public.l_p12 PARTITION OF public.l FOR VALUES IN (12)",
        "CREATE TABLE public.lb (v int8 NOT NULL) PARTITION BY LIST (v)",
        "CREATE TABLE public.lb_p3000000000 PARTITION OF public.lb FOR VALUES IN (3000000000)",
        "CREATE TABLE public.u (id uuid NOT NULL) PARTITION BY RANGE (id)",
        "DO $$ BEGIN"
            + " EXECUTE format('CREATE TABLE public.u_p20261118 PARTITION OF public.u FOR VALUES"
            + " FROM (%L) TO (%L)', public.uuid7_of('2026-11-18 00:00+00'),"
            + " public.uuid7_of('2026-11-19 00:00+00'));"
            + " END $$",
        "CREATE TABLE public.other (at timestamptz NOT NULL) PARTITION BY RANGE (at)",
        "CREATE TABLE public.other_p1 PARTITION OF public.other"
            + " FOR VALUES FROM ('2026-01-01 00:00+00') TO ('2026-01-02 00:00+00')",
        "CREATE TABLE public.plain (id int)");
    Scenes.register(db, Scenes.time("public.daily", "at", "1 day").build());
    Scenes.register(
        db, Scenes.time("public.w9", "at", "9 weeks").dateTruncInterval("week").build());
    Scenes.register(db, Scenes.time("public.ep", "ts", "1 day").epoch("milliseconds").build());
    Scenes.register(db, SetConfig.builder("public.ids", "id", "1000", "range").build());
    Scenes.register(db, SetConfig.builder("public.nums", "n", "80", "range").build());
    Scenes.register(db, SetConfig.builder("public.l", "v", "1", "list").build());
    Scenes.register(db, SetConfig.builder("public.lb", "v", "1", "list").build());
    Scenes.register(
        db,
        Scenes.time("public.u", "id", "1 day")
            .timeEncoder("public.uuid7_of")
            .timeDecoder("public.uuid7_ms")
            .build());
  }

  @Test
  void timeChildrenEndAnIntervalLater() {
    assertThat(partman.showPartitionInfo("public.daily_p20261118"))
        .isEqualTo(
            new PartitionInfo(
                Instant.parse("2026-11-18T00:00:00Z"),
                Instant.parse("2026-11-19T00:00:00Z"),
                null,
                null,
                "20261118"));
    PartitionInfo hour =
        partman.showPartitionInfo("public.daily_p20261118", "1 hour", "public.daily");
    assertThat(hour.childEndTime()).isEqualTo(Instant.parse("2026-11-18T01:00:00Z"));
    assertThat(hour.suffix()).isEqualTo("20261118_000000");
  }

  @Test
  void theSuffixIsPgPartmansNotTheName() {
    PartitionInfo i = partman.showPartitionInfo("public.w9_p20260713");
    assertThat(i.childStartTime()).isEqualTo(Instant.parse("2026-07-13T00:00:00Z"));
    assertThat(i.childEndTime()).isEqualTo(Instant.parse("2026-09-14T00:00:00Z"));
    assertThat(i.suffix()).isEqualTo("20260701");
  }

  @Test
  void epochAndUuidChildrenStartAtTheirDecodedBound() {
    PartitionInfo ep = partman.showPartitionInfo("public.ep_p20261121");
    assertThat(ep.childStartTime()).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
    assertThat(ep.childEndTime()).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
    assertThat(ep.childStartId()).isNull();
    PartitionInfo u = partman.showPartitionInfo("public.u_p20261118");
    assertThat(u.childStartTime()).isEqualTo(Instant.parse("2026-11-18T00:00:00Z"));
    assertThat(u.suffix()).isEqualTo("20261118");
  }

  @Test
  void idChildrenHavePgPartmansInclusiveEnd() {
    assertThat(partman.showPartitionInfo("public.ids_p-1000"))
        .isEqualTo(new PartitionInfo(null, null, -1000L, -1L, null));
    assertThat(partman.showPartitionInfo("public.nums_p20"))
        .isEqualTo(new PartitionInfo(null, null, 20L, 99L, null));
    assertThat(partman.showPartitionInfo("public.l_p12"))
        .isEqualTo(new PartitionInfo(null, null, 12L, 12L, null));
    assertThat(partman.showPartitionInfo("public.lb_p3000000000"))
        .isEqualTo(new PartitionInfo(null, null, 3_000_000_000L, 3_000_000_000L, null));
    assertThat(partman.showPartitionInfo("public.ids_p-1000", "10", null).childEndId())
        .isEqualTo(-991L);
  }

  @Test
  void badInputIsRefusedAndNothingChanges(TestDatabase db) {
    List<String> before = Scenes.fingerprint(db);
    fails(
        () -> partman.showPartitionInfo("public.daily_p20261119"),
        ErrorCode.OBJECT_NOT_FOUND,
        "public.daily_p20261119 does not exist");
    fails(
        () -> partman.showPartitionInfo("public.daily_p20261119", null, "public.daily"),
        ErrorCode.OBJECT_NOT_FOUND,
        "given parent public.daily");
    fails(
        () -> partman.showPartitionInfo("public.daily_default"),
        ErrorCode.INVALID_ARGUMENT,
        "default partition of public.daily");
    fails(
        () -> partman.showPartitionInfo("public.daily_p20261118", null, "public.w9"),
        ErrorCode.INVALID_ARGUMENT,
        "partition of public.daily, not of public.w9");
    fails(
        () -> partman.showPartitionInfo("public.plain"),
        ErrorCode.INVALID_ARGUMENT,
        "not a partition");
    fails(
        () -> partman.showPartitionInfo("public.other_p1"),
        ErrorCode.SET_NOT_FOUND,
        "public.other, is not managed");
    fails(
        () -> partman.showPartitionInfo("public.daily_p20261118", "fortnight", null),
        ErrorCode.INVALID_ARGUMENT,
        "'fortnight'");
    fails(
        () -> partman.showPartitionInfo("public.ids_p-1000", "1 day", null),
        ErrorCode.INVALID_ARGUMENT,
        "interval");
    assertThat(Scenes.fingerprint(db)).isEqualTo(before);
  }
}
