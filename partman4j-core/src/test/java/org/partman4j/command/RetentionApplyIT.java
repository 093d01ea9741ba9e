package org.partman4j.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.Partman;
import org.partman4j.PartmanConfiguration;
import org.partman4j.RetentionOutcome;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.TableName;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/** The seam maintenance calls: {@link Retention#apply} under the set's lock, with a read set. */
@PostgresTest
class RetentionApplyIT {

  private static final Instant NOW = Instant.parse("2026-11-22T03:22:39Z");

  private static RetentionOutcome apply(TestDatabase db, String parent, Instant now) {
    Sessions sessions =
        new Sessions(db.dataSource(), ZoneId.of("UTC"), PartmanConfiguration.DEFAULT_LOCK_TIMEOUT);
    try (Session session = sessions.open()) {
      TableName name = TableName.parse(parent);
      return SetLocks.withSetLock(
          session,
          parent,
          () -> {
            SetSnapshot set =
                session.inTransaction(
                    "reading", c -> new SetReader("partman").read(c, name, session.zone()));
            return Retention.apply(session, "partman", set, now, LockRetry.DEFAULT);
          });
    }
  }

  @Test
  void appliesTheConfiguredPolicyAndLeavesSetsWithoutRetentionAlone(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA ap",
        "CREATE SCHEMA ap_old",
        "CREATE TABLE ap.t (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)",
        "CREATE TABLE ap.n (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
    Partman partman =
        Partman.configure().dataSource(db.dataSource()).timeZone(ZoneId.of("UTC")).load();
    for (String t : new String[] {"ap.t", "ap.n"}) {
      partman.createParent(
          PartitionSetDefinition.of(t, "ts", "1 day").startPartition("2026-11-10").premake(2));
      // whatever today is, the children of 11-10 .. 11-16 exist
      partman.createPartition(
          t,
          List.of(
              "2026-11-10",
              "2026-11-11",
              "2026-11-12",
              "2026-11-13",
              "2026-11-14",
              "2026-11-15",
              "2026-11-16"));
    }
    db.execute(
        "UPDATE partman.part_config SET retention = '1 week', retention_schema = 'ap_old'"
            + " WHERE parent_table = 'ap.t'");

    RetentionOutcome r = apply(db, "ap.t", NOW.plusNanos(123)); // sub-microsecond is dropped
    RetentionOutcome none = apply(db, "ap.n", NOW);

    // cutoff 2026-11-15 03:22:39: children of 11-10 .. 11-14 end before it
    assertThat(r.moved())
        .containsExactly("t_p20261110", "t_p20261111", "t_p20261112", "t_p20261113", "t_p20261114");
    assertThat(r.retentionSchema()).isEqualTo("ap_old");
    assertThat(r.count()).isEqualTo(5);
    assertThat(none).isEqualTo(RetentionOutcome.none("ap.n"));
    assertThat(db.queryString("SELECT count(*) FROM pg_tables WHERE schemaname = 'ap_old'"))
        .isEqualTo("5");
    assertThat(apply(db, "ap.t", NOW).count()).as("a second pass finds nothing").isZero();
  }
}
