package org.partman4j.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partman4j.cli.daemon.DaemonFixture.children;
import static org.partman4j.cli.daemon.DaemonFixture.config;
import static org.partman4j.cli.daemon.DaemonFixture.database;
import static org.partman4j.cli.daemon.DaemonFixture.env;
import static org.partman4j.cli.daemon.DaemonFixture.setWithWork;
import static org.partman4j.cli.daemon.DaemonFixture.waitFor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partman4j.cli.connect.Environment;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/** Several daemons on the same databases, and stopping in the middle of a run. */
@PostgresTest
class DaemonConcurrencyIT {

  @TempDir Path home;

  /** Real maintenance, slowed so that runs of two daemons would overlap without the lock. */
  private static MaintenanceFactory slow(
      AtomicInteger calls, AtomicInteger inside, AtomicInteger most) {
    return (partman, config) -> {
      DatabaseMaintenance real = new PartmanMaintenance(partman, config);
      return parent -> {
        calls.incrementAndGet();
        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
        try {
          Thread.sleep(400);
          return real.run(parent);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        } finally {
          inside.decrementAndGet();
        }
      };
    };
  }

  @Test
  void twoDaemonsSideBySideNeverWorkOnOneDatabaseAtOnceAndNeverFail(TestDatabase db)
      throws Exception {
    try (TestDatabase other = TestDatabase.create("daemon_side")) {
      setWithWork(db, "events");
      setWithWork(other, "events");
      Environment env = env(db, home);
      DaemonConfig config =
          config(env, "  enabled: false\n", database("one", db), database("two", other));
      AtomicInteger calls = new AtomicInteger();
      AtomicInteger inside = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      // Each database has its own counter: the lock is per database.
      AtomicInteger insideOther = new AtomicInteger();
      AtomicInteger mostOther = new AtomicInteger();
      List<Daemon> daemons = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        MaintenanceFactory one = slow(calls, inside, most);
        MaintenanceFactory two = slow(calls, insideOther, mostOther);
        daemons.add(
            new Daemon(
                config,
                env,
                (partman, c) -> (c.name().equals("one") ? one : two).create(partman, c)));
      }
      daemons.forEach(Daemon::start);
      try {
        // The issue asks for a minute: -Dpartman.daemon.sideBySideSeconds=60 (default 12, for CI).
        Thread.sleep(1000L * Integer.getInteger("partman.daemon.sideBySideSeconds", 12));
      } finally {
        daemons.forEach(Daemon::stop);
      }

      assertThat(calls.get()).as("maintenance calls").isGreaterThanOrEqualTo(8);
      assertThat(most.get()).as("maintainers of database one at once").isEqualTo(1);
      assertThat(mostOther.get()).as("maintainers of database two at once").isEqualTo(1);
      List<String> outcomes = new ArrayList<>();
      for (Daemon d : daemons) {
        for (DatabaseStatus s : d.status()) {
          assertThat(s.lastError()).as(s.name()).isNull();
          assertThat(s.failuresInRow()).isZero();
          outcomes.add(s.lastStatus());
        }
      }
      assertThat(outcomes).doesNotContain("failed");
      for (TestDatabase d : List.of(db, other)) {
        assertThat(children(d, "public.events")).isEqualTo(11);
        assertThat(
                d.queryString("SELECT count(*) FROM partman.job_run WHERE status <> 'completed'"))
            .isEqualTo("0");
        // Which instance wins each run is up to the scheduler; on a busy machine one may win them
        // all. What matters is above: never two at once, never a failure.
        assertThat(d.queryString("SELECT count(DISTINCT instance) FROM partman.job_run"))
            .isIn("1", "2");
        // No two recorded runs of a database overlap in time.
        assertThat(
                d.queryString(
                    "SELECT count(*) FROM partman.job_run a JOIN partman.job_run b"
                        + " ON a.run_id < b.run_id"
                        + " AND tstzrange(a.started_at, a.finished_at)"
                        + " && tstzrange(b.started_at, b.finished_at)"))
            .isEqualTo("0");
        assertThat(d.queryString("SELECT sum(children_created) FROM partman.job_set_result"))
            .isEqualTo("2");
      }
    }
  }

  @Test
  void aStopMidRunFinishesTheSetInFlightAndLeavesNothingHalfDone() throws Exception {
    try (TestDatabase db = TestDatabase.create("daemon_stop")) {
      for (String t : List.of("a_events", "b_events", "c_events")) {
        setWithWork(db, t);
      }
      Environment env = env(db, home);
      CountDownLatch firstSetStarted = new CountDownLatch(1);
      CountDownLatch stopAsked = new CountDownLatch(1);
      MaintenanceFactory gated =
          (partman, c) -> {
            DatabaseMaintenance real = new PartmanMaintenance(partman, c);
            return parent -> {
              firstSetStarted.countDown();
              try {
                // The stop arrives while this set is being maintained.
                stopAsked.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return real.run(parent);
            };
          };
      Daemon daemon =
          new Daemon(
              config(
                  env,
                  "  enabled: false\n",
                  database("one", db, "wait_between_sets: 200ms", "interval: 1h")),
              env,
              gated);
      daemon.start();
      assertThat(firstSetStarted.await(30, TimeUnit.SECONDS)).isTrue();
      Thread stopper = new Thread(daemon::stop);
      stopper.start();
      waitFor("the stop to reach the worker", Duration.ofSeconds(5), () -> stopper.isAlive());
      Thread.sleep(200);
      stopAsked.countDown();
      stopper.join(30_000);
      assertThat(stopper.isAlive()).as("stop returned").isFalse();

      DatabaseStatus s = daemon.status().get(0);
      assertThat(s.running()).isFalse();
      assertThat(s.lastStatus()).isEqualTo("stopped");
      // The set in flight was finished; the others were left for the next start.
      assertThat(children(db, "public.a_events")).isEqualTo(11);
      assertThat(children(db, "public.b_events")).isEqualTo(9);
      assertThat(children(db, "public.c_events")).isEqualTo(9);
      assertThat(db.queryColumn("SELECT status FROM partman.job_run")).containsExactly("stopped");
      assertThat(db.queryColumn("SELECT parent_table FROM partman.job_set_result"))
          .containsExactly("public.a_events");
      // Nothing half-made: every table named like a child is attached to its parent.
      assertThat(
              db.queryString(
                  "SELECT count(*) FROM pg_class WHERE relname ~ '_events_(p|default)'"
                      + " AND relkind = 'r' AND NOT relispartition"))
          .isEqualTo("0");
    }
  }

  @Test
  void setRoleMakesNewChildrenBelongToTheRole() throws Exception {
    String role = "pm_daemon_owner_" + ProcessHandle.current().pid();
    try (TestDatabase db = TestDatabase.create("daemon_role")) {
      setWithWork(db, "events");
      db.executeAsAdmin(
          "CREATE ROLE " + role + " NOLOGIN", "GRANT " + role + " TO " + db.ownerRole());
      db.execute(
          "GRANT CREATE, USAGE ON SCHEMA public TO " + role,
          "ALTER TABLE public.events OWNER TO " + role,
          "DO $$ DECLARE r record; BEGIN FOR r IN SELECT inhrelid::regclass AS c FROM pg_inherits"
              + " WHERE inhparent = 'public.events'::regclass LOOP"
              + " EXECUTE format('ALTER TABLE %s OWNER TO %I', r.c, '"
              + role
              + "'); END LOOP; END $$",
          "GRANT USAGE ON SCHEMA partman TO " + role,
          "GRANT ALL ON ALL TABLES IN SCHEMA partman TO " + role,
          "GRANT ALL ON ALL SEQUENCES IN SCHEMA partman TO " + role);
      Environment env = env(db, home);
      Daemon daemon =
          new Daemon(
              config(env, "  enabled: false\n", database("one", db, "role: " + role)),
              env,
              PartmanMaintenance::new);
      daemon.start();
      try {
        waitFor("children", Duration.ofSeconds(30), () -> children(db, "public.events") == 11);
        waitFor("a recorded run", Duration.ofSeconds(30), () -> daemon.status().get(0).runs() > 0);
      } finally {
        daemon.stop();
      }
      assertThat(daemon.status().get(0).lastError()).isNull();
      // The set was handed to the role; the children maintenance added belong to it too, though
      // the daemon logs in as another role.
      assertThat(
              db.queryColumn(
                  "SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_inherits i"
                      + " JOIN pg_class c ON c.oid = i.inhrelid"
                      + " WHERE i.inhparent = 'public.events'::regclass"))
          .containsExactly(role);
    } finally {
      try (java.sql.Connection c =
              org.partman4j.testkit.PostgresServer.get()
                  .adminDataSource("postgres")
                  .getConnection();
          java.sql.Statement st = c.createStatement()) {
        st.execute("DROP ROLE IF EXISTS " + role);
      }
    }
  }
}
