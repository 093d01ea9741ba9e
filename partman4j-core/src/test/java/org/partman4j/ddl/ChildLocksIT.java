package org.partman4j.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partman4j.ddl.Children.one;
import static org.partman4j.ddl.Children.range;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Session;
import org.partman4j.plan.NewChild;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/** Children are made next to sessions that lock the parent or write to it. */
@PostgresTest
class ChildLocksIT {

  private static final Duration LOCK_TIMEOUT = Duration.ofMillis(200);

  @BeforeAll
  static void scene(TestDatabase db) {
    db.execute(
        "CREATE TABLE locked (id bigint NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE busy (id bigint NOT NULL, v text) PARTITION BY RANGE (id)",
        "CREATE TABLE busy_p0 PARTITION OF busy FOR VALUES FROM (0) TO (10)");
  }

  /**
   * A session holding SHARE on the parent, which conflicts with ATTACH's SHARE UPDATE EXCLUSIVE.
   */
  private static Connection lockParent(TestDatabase db, String table) throws Exception {
    Connection holder = db.dataSource().getConnection();
    holder.setAutoCommit(false);
    try (Statement st = holder.createStatement()) {
      st.execute("LOCK TABLE " + table + " IN SHARE MODE");
    }
    return holder;
  }

  private static ChildResult createWith(TestDatabase db, LockRetry retry, NewChild child) {
    try (Session s = Children.sessions(db, LOCK_TIMEOUT).open()) {
      ChildProperties p = Children.read(s, "public.locked", null, false);
      return new ChildCreator(retry).create(s, p, child);
    }
  }

  @Test
  void aLockHeldForAWhileIsWaitedOutByRetrying(TestDatabase db) throws Exception {
    Connection holder = lockParent(db, "locked");
    CompletableFuture<Void> release =
        CompletableFuture.runAsync(
            () -> {
              try (holder) {
                holder.commit();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));
    long start = System.nanoTime();

    ChildResult r =
        createWith(
            db,
            new LockRetry(10, Duration.ofMillis(100), Duration.ofMillis(400)),
            range("public.locked_p0", "0", "10"));

    release.get(10, TimeUnit.SECONDS);
    assertThat(r.outcome()).isEqualTo(ChildOutcome.CREATED);
    assertThat(r.attempts()).isGreaterThan(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1400));
    assertThat(one(db, "SELECT count(*) FROM pg_inherits WHERE inhrelid = 'locked_p0'::regclass"))
        .isEqualTo("1");
  }

  @Test
  void aLockHeldLongerThanAllRetriesFailsAndLeavesNothing(TestDatabase db) throws Exception {
    try (Connection holder = lockParent(db, "locked")) {
      assertThatThrownBy(
              () ->
                  createWith(
                      db,
                      LockRetry.of(3, Duration.ofMillis(50)),
                      range("public.locked_p100", "100", "110")))
          .isInstanceOfSatisfying(
              PartmanException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
                assertThat(e.sqlState()).isEqualTo("55P03");
                assertThat(e.statement()).contains("ATTACH PARTITION");
              })
          .hasMessageContaining("Cannot create child public.locked_p100 of public.locked")
          .hasMessageContaining("all 3 attempts timed out")
          .hasMessageContaining("Nothing was left behind")
          .hasMessageContaining("Rerun later (it resumes");
      // CREATE and ATTACH share one transaction: no table was left unattached.
      assertThat(one(db, "SELECT count(*) FROM pg_class WHERE relname = 'locked_p100'"))
          .isEqualTo("0");
      holder.rollback();
    }
  }

  @Test
  void twoHundredChildrenAreMadeWhileAWriterKeepsInserting(TestDatabase db) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong inserted = new AtomicLong();
    AtomicReference<Exception> writerFailure = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              try (Connection c = db.dataSource().getConnection();
                  PreparedStatement ps = c.prepareStatement("INSERT INTO busy VALUES (?, 'w')")) {
                while (!stop.get()) {
                  ps.setLong(1, inserted.get() % 10);
                  ps.executeUpdate();
                  inserted.incrementAndGet();
                }
              } catch (Exception e) {
                writerFailure.set(e);
              }
            },
            "busy-writer");
    writer.start();
    List<NewChild> children = new ArrayList<>();
    for (int k = 1; k <= 200; k++) {
      children.add(
          range("public.busy_p" + k * 10, Long.toString(k * 10L), Long.toString(k * 10L + 10)));
    }
    List<ChildResult> made;
    try (Session s = Children.sessions(db, LOCK_TIMEOUT).open()) {
      ChildProperties p = Children.read(s, "public.busy", null, false);
      made = new ChildCreator().create(s, p, children);
    } finally {
      stop.set(true);
      writer.join(10_000);
    }
    assertThat(writerFailure.get()).isNull();
    assertThat(inserted.get()).isPositive();
    assertThat(made).hasSize(200).allMatch(r -> r.outcome() == ChildOutcome.CREATED);
    assertThat(one(db, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'busy'::regclass"))
        .isEqualTo("201");
    assertThat(one(db, "SELECT count(*) FROM busy_p0")).isEqualTo(Long.toString(inserted.get()));
  }
}
