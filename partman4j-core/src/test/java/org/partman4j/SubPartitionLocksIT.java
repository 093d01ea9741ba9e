package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/**
 * A three-level set with more than 2,000 leaves, created and maintained with the server's default
 * {@code max_locks_per_transaction} (64), while a watcher samples how many relation locks any
 * transaction of this database holds.
 */
@PostgresTest
class SubPartitionLocksIT {

  /** Samples the most relation locks one transaction holds, until stopped. */
  static final class LockWatcher implements AutoCloseable {
    final AtomicInteger max = new AtomicInteger();
    final AtomicBoolean stop = new AtomicBoolean();
    final Thread thread;

    LockWatcher(TestDatabase db) {
      thread =
          new Thread(
              () -> {
                try (Connection c = db.adminDataSource().getConnection();
                    Statement st = c.createStatement()) {
                  String sql =
                      "SELECT coalesce(max(n), 0) FROM (SELECT count(*) n FROM pg_locks l"
                          + " WHERE l.locktype = 'relation' AND l.pid <> pg_backend_pid()"
                          + " AND l.database = (SELECT oid FROM pg_database WHERE datname ="
                          + " current_database()) GROUP BY l.virtualtransaction) s";
                  while (!stop.get()) {
                    try (ResultSet rs = st.executeQuery(sql)) {
                      rs.next();
                      max.accumulateAndGet(rs.getInt(1), Math::max);
                    }
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      stop.set(true);
      thread.join();
    }
  }

  @Test
  void twoThousandLeavesUnderDefaultLockSettings(TestDatabase db) throws Exception {
    assertThat(db.queryString("SHOW max_locks_per_transaction")).isEqualTo("64");
    db.execute(
        "CREATE SCHEMA lk",
        "CREATE TABLE lk.t (id bigint NOT NULL, ts timestamptz NOT NULL, region int NOT NULL,"
            + " PRIMARY KEY (id, ts, region)) PARTITION BY RANGE (id)");
    Partman partman = SubPartitionIT.partman(db);
    long started = System.nanoTime();
    int creating;
    int maintaining;
    try (LockWatcher w = new LockWatcher(db)) {
      partman.createParent(PartitionSetDefinition.of("lk.t", "id", "1000").startPartition("0"));
      // level 2: monthly, the premake window around now in each of the 5 top children
      partman.createSubParent(
          SubPartitionDefinition.of("lk.t", "ts", "1 month").declarativeCheck("yes"));
      List<String> mids =
          db.queryColumn(
              "SELECT parent_table FROM partman.part_config WHERE parent_table LIKE 'lk.t_p%'"
                  + " ORDER BY 1");
      assertThat(mids).hasSize(5);
      // level 3: 45 regions of 10 in each of the 9 monthly children of each level-2 set
      for (String mid : mids) {
        partman.createSubParent(
            SubPartitionDefinition.of(mid, "region", "10")
                .startPartition("0")
                .premake(44)
                .declarativeCheck("yes"));
      }
      w.close();
      creating = w.max.get();
    }
    long createdMs = (System.nanoTime() - started) / 1_000_000;
    int leaves =
        Integer.parseInt(
            db.queryString(
                "SELECT count(*) FROM pg_partition_tree('lk.t') WHERE isleaf AND level = 3"));
    assertThat(leaves).isGreaterThanOrEqualTo(2_000);

    db.execute("INSERT INTO lk.t VALUES (5, '2026-11-22 01:00+00', 437)");
    started = System.nanoTime();
    MaintenanceResult m;
    try (LockWatcher w = new LockWatcher(db)) {
      m = partman.runMaintenance();
      w.close();
      maintaining = w.max.get();
    }
    long maintainedMs = (System.nanoTime() - started) / 1_000_000;
    System.out.println(
        "SUBPART-LOCKS leaves="
            + leaves
            + " created in "
            + createdMs
            + " ms (most relation locks in one transaction: "
            + creating
            + "); maintenance of "
            + m.sets().size()
            + " sets in "
            + maintainedMs
            + " ms (most locks: "
            + maintaining
            + ")");
    assertThat(m.failures()).isEmpty();
    // the region set of November 2026 under p0 grew from the row at region 437
    assertThat(RetentionIT.children(db, "lk.t_p0_p20261101")).contains("t_p0_p20261101_p480");
    // bounded by what one child's rebuild or creation touches, far below the tree's 4,000+
    // relations; maintenance even below one backend's default share (64)
    assertThat(creating).isLessThan(100);
    assertThat(maintaining).isLessThan(64);
  }
}
