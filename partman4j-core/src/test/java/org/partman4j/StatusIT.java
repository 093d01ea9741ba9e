package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/** {@link Partman#status}: every set at a glance, read without changing anything. */
@PostgresTest
class StatusIT {

  private static Map<String, SetStatus> byName(StatusReport r) {
    return r.sets().stream().collect(Collectors.toMap(SetStatus::parentTable, Function.identity()));
  }

  @Test
  void timeAndIdSetsWithRunwayDefaultRowsAndABrokenRow(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA st",
        "CREATE TABLE st.ev (at timestamptz NOT NULL) PARTITION BY RANGE (at)",
        "CREATE TABLE st.ids (id bigint NOT NULL) PARTITION BY RANGE (id)");
    Partman partman =
        Partman.configure().dataSource(db.dataSource()).timeZone(ZoneId.of("UTC")).load();
    partman.install();
    partman.createParent(PartitionSetDefinition.of("st.ev", "at", "1 day"));
    partman.createParent(PartitionSetDefinition.of("st.ids", "id", "10").premake(2));
    db.execute(
        "INSERT INTO st.ids SELECT generate_series(0, 15)",
        "INSERT INTO partman.part_config (parent_table, control, partition_interval,"
            + " partition_type) VALUES ('st.gone', 'id', '10', 'range')",
        "UPDATE partman.part_config SET retention = '30 days' WHERE parent_table = 'st.ev'");
    String before = Catalog.snapshot(db.adminDataSource());
    String rows = String.join(",", db.queryColumn("SELECT p::text FROM partman.part_config p"));

    StatusReport r = partman.status(false);

    assertThat(r.jobHistory()).isTrue(); // store version 3 has the daemon's tables
    assertThat(r.sets())
        .extracting(SetStatus::parentTable)
        .containsExactly("st.ev", "st.gone", "st.ids");
    Map<String, SetStatus> s = byName(r);
    SetStatus ev = s.get("st.ev");
    List<PartitionEntry> evChildren = partman.showPartitions("st.ev", "DESC", false);
    assertThat(ev.timeBased()).isTrue();
    assertThat(ev.children()).isEqualTo(evChildren.size());
    assertThat(ev.newestChild()).isEqualTo(evChildren.get(0).qualifiedName());
    assertThat(ev.newestChildEnd()).isEqualTo(evChildren.get(0).endTime());
    assertThat(ev.runway()).isEqualTo(Duration.between(r.takenAt(), ev.newestChildEnd()));
    assertThat(ev.runway()).isBetween(Duration.ofDays(3), Duration.ofDays(5));
    assertThat(ev.runwayIds()).isNull();
    assertThat(ev.hasDefault()).isTrue();
    assertThat(ev.defaultHasRows()).isFalse();
    assertThat(ev.retention()).isEqualTo("30 days");
    assertThat(ev.automaticMaintenance()).isEqualTo("on");
    assertThat(ev.problem()).isNull();
    assertThat(r.takenAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());

    SetStatus ids = s.get("st.ids");
    assertThat(ids.timeBased()).isFalse();
    assertThat(ids.newestChild()).isEqualTo("st.ids_p20");
    assertThat(ids.newestChildEndId()).isEqualByComparingTo("30");
    assertThat(ids.newestValue()).isEqualTo("15");
    assertThat(ids.runwayIds()).isEqualByComparingTo("15");
    assertThat(ids.runway()).isNull();
    assertThat(ids.defaultRows()).isNull();

    assertThat(s.get("st.gone").problem()).contains("st.gone").contains("does not exist");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    assertThat(String.join(",", db.queryColumn("SELECT p::text FROM partman.part_config p")))
        .isEqualTo(rows);

    // Rows past the newest child land in the default. With ignore_default_data (pg_partman's
    // default) the runway counts from the children's data, as maintenance does; without, the
    // default's rows count and the runway turns negative.
    db.execute("INSERT INTO st.ids VALUES (1000), (1001)");
    StatusReport exact = partman.status(true);
    SetStatus full = byName(exact).get("st.ids");
    assertThat(full.defaultHasRows()).isTrue();
    assertThat(full.defaultRows()).isEqualTo(2L);
    assertThat(full.newestValue()).isEqualTo("15");
    assertThat(full.runwayIds()).isEqualByComparingTo("15");
    partman.configSet("st.ids", "ignore_default_data", "false");
    SetStatus counted = byName(partman.status(false)).get("st.ids");
    assertThat(counted.newestValue()).isEqualTo("1001");
    assertThat(counted.runwayIds()).isEqualByComparingTo(new BigDecimal("-971"));
    assertThat(counted.defaultRows()).isNull();
    assertThat(byName(exact).get("st.ev").defaultRows()).isZero();
    assertThat(byName(exact).get("st.gone").defaultRows()).isNull();

    partman.runMaintenance("st.ids");
    assertThat(byName(partman.status(false)).get("st.ids").maintenanceLastRun()).isNotNull();
  }

  @Test
  void lastErrorsComeFromTheDaemonsJobHistoryWhenItExists(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA jh", "CREATE TABLE jh.t (id bigint NOT NULL) PARTITION BY RANGE (id)");
    Partman partman = Partman.configure().dataSource(db.dataSource()).schema("jh_store").load();
    partman.install();
    partman.createParent(PartitionSetDefinition.of("jh.t", "id", "10"));
    assertThat(partman.status(false).sets().get(0).lastError()).isNull();
    // A failure as partman daemon records it in the store's job history (store version 3).
    db.execute(
        "INSERT INTO jh_store.job_set_state (parent_table, consecutive_failures, last_failure,"
            + " last_error) VALUES ('jh.t', 2, '2026-01-02 03:04:05.123456+00',"
            + " 'lock timeout on jh.t_p10')");

    StatusReport r = partman.status(false);

    assertThat(r.jobHistory()).isTrue();
    SetStatus t = r.sets().get(0);
    assertThat(t.lastError()).isEqualTo("lock timeout on jh.t_p10");
    assertThat(t.lastErrorAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
  }

  @Test
  void anEmptyStoreHasNoSets(TestDatabase db) {
    Partman partman = Partman.configure().dataSource(db.dataSource()).schema("empty_store").load();
    partman.install();
    StatusReport r = partman.status(true);
    assertThat(r.sets()).isEmpty();
    assertThat(r.jobHistory()).isTrue();
  }

  @Test
  void withoutTheJobHistoryTablesThereAreNoLastErrors(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA nh", "CREATE TABLE nh.t (id bigint NOT NULL) PARTITION BY RANGE (id)");
    Partman partman = Partman.configure().dataSource(db.dataSource()).schema("nh_store").load();
    partman.install();
    partman.createParent(PartitionSetDefinition.of("nh.t", "id", "10"));
    // a store pg_partman made, or one from before version 3, has no job history
    db.execute("DROP TABLE nh_store.job_set_state");
    StatusReport r = partman.status(false);
    assertThat(r.jobHistory()).isFalse();
    assertThat(r.sets()).extracting(SetStatus::parentTable).containsExactly("nh.t");
    assertThat(r.sets().get(0).lastError()).isNull();
  }
}
