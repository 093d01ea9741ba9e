package org.partman4j.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partman4j.command.Scenes.fails;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partman4j.ErrorCode;
import org.partman4j.PartitionEntry;
import org.partman4j.Partman;
import org.partman4j.model.SetConfig;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/** showPartitions on every kind of set, in a UTC database. */
@PostgresTest
class ShowPartitionsIT {

  private static Partman partman;

  @BeforeAll
  static void scene(TestDatabase db) {
    db.executeAsAdmin("ALTER DATABASE " + db.name() + " SET timezone = 'UTC'");
    partman = Scenes.partman(db);
    db.execute(Scenes.UUID7_FUNCTIONS);
    db.execute(
        "SET TimeZone = 'UTC'",
        // time: names that sort unlike the bounds, to show the order is by bound
        "CREATE TABLE public.ev (id bigint, at timestamptz NOT NULL) PARTITION BY RANGE (at)",
        "CREATE TABLE public.ev_c PARTITION OF public.ev"
            + " FOR VALUES FROM ('2026-11-18 00:00+00') TO ('2026-11-19 00:00+00')",
        "CREATE TABLE public.ev_a PARTITION OF public.ev"
            + " FOR VALUES FROM ('2026-11-20 00:00+00') TO ('2026-11-21 00:00+00')",
        "CREATE TABLE public.ev_b PARTITION OF public.ev"
            + " FOR VALUES FROM ('2026-11-19 00:00+00') TO ('2026-11-20 00:00+00')",
        "CREATE TABLE public.ev_default PARTITION OF public.ev DEFAULT",
        "CREATE TABLE public.loc (at timestamp NOT NULL) PARTITION BY RANGE (at)",
        "CREATE TABLE public.loc_2 PARTITION OF public.loc"
            + " FOR VALUES FROM ('2027-01-01 00:00') TO ('2027-02-01 00:00')",
        "CREATE TABLE public.loc_1 PARTITION OF public.loc"
            + " FOR VALUES FROM ('2026-12-01 00:00') TO ('2027-01-01 00:00')",
        "CREATE TABLE public.days (d date NOT NULL) PARTITION BY RANGE (d)",
        "CREATE TABLE public.days_y PARTITION OF public.days"
            + " FOR VALUES FROM ('2026-11-21') TO ('2026-11-22')",
        "CREATE TABLE public.days_x PARTITION OF public.days"
            + " FOR VALUES FROM ('2026-11-22') TO ('2026-11-23')",
        // epoch milliseconds, bigint: bounds are quoted in pg_get_expr
        "CREATE TABLE public.ep (ts bigint NOT NULL) PARTITION BY RANGE (ts)",
        "CREATE TABLE public.ep_p20261122 PARTITION OF public.ep"
            + " FOR VALUES FROM (1795305600000) TO (1795392000000)",
        "CREATE TABLE public.ep_p20261121 PARTITION OF public.ep"
            + " FOR VALUES FROM (1795219200000) TO (1795305600000)",
        // id ranges: negatives, and int8 beyond int4
        "CREATE TABLE public.ids (id int8 NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE public.\"ids_p3000000000\" PARTITION OF public.ids"
            + " FOR VALUES FROM (3000000000) TO (3000000010)",
        "CREATE TABLE public.\"ids_p-20\" PARTITION OF public.ids FOR VALUES FROM (-20) TO (-10)",
        "CREATE TABLE public.\"ids_p-10\" PARTITION OF public.ids FOR VALUES FROM (-10) TO (0)",
        "CREATE TABLE public.ids_p0 PARTITION OF public.ids FOR VALUES FROM (0) TO (10)",
        "CREATE TABLE public.nums (n numeric NOT NULL) PARTITION BY RANGE (n)",
        "CREATE TABLE public.nums_p100 PARTITION OF public.nums FOR VALUES FROM (100) TO (200)",
        "CREATE TABLE public.nums_p20 PARTITION OF public.nums FOR VALUES FROM (20) TO (100)",
        // LIST int4 p0..p12 (where pg_partman 5.1 loses the order) and a bigint list set
        "CREATE TABLE public.l (v int4 NOT NULL) PARTITION BY LIST (v)",
        "CREATE TABLE public.lb (v int8 NOT NULL) PARTITION BY LIST (v)",
        "CREATE TABLE public.\"lb_p-3000000000\" PARTITION OF public.lb FOR VALUES IN (-3000000000)",
        "CREATE TABLE public.lb_p3000000000 PARTITION OF public.lb FOR VALUES IN (3000000000)",
        "CREATE TABLE public.\"lb_p-1\" PARTITION OF public.lb FOR VALUES IN (-1)",
        "CREATE TABLE public.lb_p7 PARTITION OF public.lb FOR VALUES IN (7)",
        // uuid v7 with a user decoder
        "CREATE TABLE public.u (id uuid NOT NULL) PARTITION BY RANGE (id)",
        "DO $$ BEGIN"
            + " EXECUTE format('CREATE TABLE public.u_p20261119 PARTITION OF public.u FOR VALUES"
            + " FROM (%L) TO (%L)', public.uuid7_of('2026-11-19 00:00+00'),"
            + " public.uuid7_of('2026-11-20 00:00+00'));"
            + " EXECUTE format('CREATE TABLE public.u_p20261118 PARTITION OF public.u FOR VALUES"
            + " FROM (%L) TO (%L)', public.uuid7_of('2026-11-18 00:00+00'),"
            + " public.uuid7_of('2026-11-19 00:00+00'));"
            + " END $$",
        // text whose text order is not its time order: DD-MM-YYYY
        "CREATE FUNCTION public.dmy(v text) RETURNS timestamptz LANGUAGE sql IMMUTABLE STRICT AS"
            + " $$ SELECT to_timestamp(v, 'DD-MM-YYYY') $$",
        "CREATE TABLE public.tx (k text NOT NULL) PARTITION BY RANGE (k)",
        "CREATE TABLE public.tx_nov1 PARTITION OF public.tx"
            + " FOR VALUES FROM ('01-11-2026') TO ('02-11-2026')",
        "CREATE TABLE public.tx_oct30 PARTITION OF public.tx"
            + " FOR VALUES FROM ('30-10-2026') TO ('31-10-2026')",
        "CREATE TABLE public.plain (id int)",
        "CREATE TABLE public.nodec (id uuid NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE public.nodec_1 PARTITION OF public.nodec"
            + " FOR VALUES FROM ('00000000-0000-0000-0000-000000000000')"
            + " TO ('10000000-0000-0000-0000-000000000000')");
    db.execute(
        IntStream.rangeClosed(0, 12)
            .map(i -> 12 - i)
            .mapToObj(
                i ->
                    "CREATE TABLE public.l_p"
                        + i
                        + " PARTITION OF public.l FOR VALUES IN ("
                        + i
                        + ")")
            .toArray(String[]::new));
    Scenes.register(db, Scenes.time("public.ev", "at", "1 day").build());
    Scenes.register(db, Scenes.time("public.loc", "at", "1 mon").build());
    Scenes.register(db, Scenes.time("public.days", "d", "1 day").build());
    Scenes.register(db, Scenes.time("public.ep", "ts", "1 day").epoch("milliseconds").build());
    Scenes.register(db, SetConfig.builder("public.ids", "id", "10", "range").build());
    Scenes.register(db, SetConfig.builder("public.nums", "n", "80", "range").build());
    Scenes.register(db, SetConfig.builder("public.l", "v", "1", "list").build());
    Scenes.register(db, SetConfig.builder("public.lb", "v", "1", "list").build());
    Scenes.register(
        db,
        Scenes.time("public.u", "id", "1 day")
            .timeEncoder("public.uuid7_of")
            .timeDecoder("public.uuid7_ms")
            .build());
    Scenes.register(
        db,
        Scenes.time("public.tx", "k", "1 day")
            .timeEncoder("public.nope")
            .timeDecoder("public.dmy")
            .build());
    Scenes.register(
        db,
        Scenes.time("public.nodec", "id", "1 day")
            .timeEncoder("public.uuid7_of")
            .timeDecoder("public.no_such_decoder")
            .build());
  }

  private static List<String> names(List<PartitionEntry> entries) {
    return entries.stream().map(PartitionEntry::table).toList();
  }

  @Test
  void timeChildrenOrderByTheirBoundsNotTheirNames() {
    assertThat(names(partman.showPartitions("public.ev"))).containsExactly("ev_c", "ev_b", "ev_a");
    assertThat(names(partman.showPartitions("public.ev", "desc", false)))
        .containsExactly("ev_a", "ev_b", "ev_c");
  }

  @Test
  void theDefaultComesFirstInEitherOrder() {
    assertThat(names(partman.showPartitions("public.ev", "ASC", true)))
        .containsExactly("ev_default", "ev_c", "ev_b", "ev_a");
    assertThat(names(partman.showPartitions("public.ev", "Desc", true)))
        .containsExactly("ev_default", "ev_a", "ev_b", "ev_c");
  }

  @Test
  void entriesCarryTheirBoundsReadFromTheCatalog() {
    List<PartitionEntry> entries = partman.showPartitions("public.ev", "ASC", true);
    PartitionEntry d = entries.get(0);
    assertThat(d.isDefault()).isTrue();
    assertThat(d.bound()).isEqualTo("DEFAULT");
    assertThat(d.startTime()).isNull();
    PartitionEntry c = entries.get(1);
    assertThat(c.schema()).isEqualTo("public");
    assertThat(c.qualifiedName()).isEqualTo("public.ev_c");
    assertThat(c.isDefault()).isFalse();
    assertThat(c.bound())
        .isEqualTo("FOR VALUES FROM ('2026-11-18 00:00:00+00') TO ('2026-11-19 00:00:00+00')");
    assertThat(c.startTime()).isEqualTo(Instant.parse("2026-11-18T00:00:00Z"));
    assertThat(c.endTime()).isEqualTo(Instant.parse("2026-11-19T00:00:00Z"));
    assertThat(c.startId()).isNull();
  }

  @Test
  void timestampAndDateSets() {
    List<PartitionEntry> loc = partman.showPartitions("public.loc");
    assertThat(names(loc)).containsExactly("loc_1", "loc_2");
    assertThat(loc.get(1).startTime()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    List<PartitionEntry> days = partman.showPartitions("public.days");
    assertThat(names(days)).containsExactly("days_y", "days_x");
    assertThat(days.get(0).endTime()).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
  }

  @Test
  void epochSetsGiveTimesAndTheirIntegers() {
    List<PartitionEntry> ep = partman.showPartitions("public.ep");
    assertThat(names(ep)).containsExactly("ep_p20261121", "ep_p20261122");
    assertThat(ep.get(0).startTime()).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
    assertThat(ep.get(0).endTime()).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
    assertThat(ep.get(0).startId()).isEqualByComparingTo("1795219200000");
  }

  @Test
  void idRangesOfAnySignAndWidth() {
    assertThat(names(partman.showPartitions("public.ids")))
        .containsExactly("ids_p-20", "ids_p-10", "ids_p0", "ids_p3000000000");
    List<PartitionEntry> nums = partman.showPartitions("public.nums", "DESC", false);
    assertThat(names(nums)).containsExactly("nums_p100", "nums_p20");
    assertThat(nums.get(0).endId()).isEqualByComparingTo("200");
  }

  @Test
  void listSetsWithValuesOfTenAndMoreNegativeOrBigint() {
    assertThat(names(partman.showPartitions("public.l")))
        .containsExactlyElementsOf(IntStream.rangeClosed(0, 12).mapToObj(i -> "l_p" + i).toList());
    List<PartitionEntry> lb = partman.showPartitions("public.lb");
    assertThat(names(lb)).containsExactly("lb_p-3000000000", "lb_p-1", "lb_p7", "lb_p3000000000");
    assertThat(lb.get(3).startId()).isEqualByComparingTo("3000000000");
    assertThat(lb.get(3).endId()).isEqualByComparingTo("3000000001");
    assertThat(lb.get(3).bound()).isEqualTo("FOR VALUES IN ('3000000000')");
  }

  @Test
  void encodedSetsOrderByTheirDecoder() {
    List<PartitionEntry> u = partman.showPartitions("public.u");
    assertThat(names(u)).containsExactly("u_p20261118", "u_p20261119");
    assertThat(u.get(0).startTime()).isEqualTo(Instant.parse("2026-11-18T00:00:00Z"));
    assertThat(u.get(0).endTime()).isEqualTo(Instant.parse("2026-11-19T00:00:00Z"));
    // text order puts 01-11 first; time order puts 30-10 first
    assertThat(names(partman.showPartitions("public.tx"))).containsExactly("tx_oct30", "tx_nov1");
  }

  @Test
  void badInputIsRefusedAndNothingChanges(TestDatabase db) {
    List<String> before = Scenes.fingerprint(db);
    fails(
        () -> partman.showPartitions("public.ev", "UP", false),
        ErrorCode.INVALID_ARGUMENT,
        "'UP'",
        "ASC or DESC");
    fails(() -> partman.showPartitions("ev"), ErrorCode.INVALID_ARGUMENT, "schema-qualified");
    fails(
        () -> partman.showPartitions("public.nope"),
        ErrorCode.OBJECT_NOT_FOUND,
        "public.nope does not exist");
    fails(
        () -> partman.showPartitions("public.plain"),
        ErrorCode.SET_NOT_FOUND,
        "public.plain is not managed",
        "createParent");
    fails(() -> partman.showPartitions("Public.ev"), ErrorCode.OBJECT_NOT_FOUND, "case-sensitive");
    fails(
        () -> partman.showPartitions("public.nodec"),
        ErrorCode.OBJECT_NOT_FOUND,
        "public.no_such_decoder",
        "time_decoder");
    assertThat(Scenes.fingerprint(db)).isEqualTo(before);
  }
}
