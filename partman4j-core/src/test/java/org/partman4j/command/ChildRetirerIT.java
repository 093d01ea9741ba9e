package org.partman4j.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.Partman;
import org.partman4j.PartmanConfiguration;
import org.partman4j.catalog.CatalogReader;
import org.partman4j.catalog.ChildTable;
import org.partman4j.catalog.ParentTable;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.TableName;
import org.partman4j.plan.RetentionPlanner.Action;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/**
 * The one-batch drop of {@link ChildRetirer} beside a default partition: it drops an attached child
 * and leaves alone one that someone else detached after the pass read the set.
 */
@PostgresTest
class ChildRetirerIT {

  private static final TableName PARENT = new TableName("cr", "t");
  private static final TableName GROUP = new TableName("cg", "t");

  @Test
  void dropsAnAttachedChildAndLeavesOneDetachedMeanwhileAlone(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA cr",
        "CREATE TABLE cr.t (id bigint NOT NULL, ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
    Partman partman =
        Partman.configure().dataSource(db.dataSource()).timeZone(ZoneId.of("UTC")).load();
    partman.createParent(
        PartitionSetDefinition.of("cr.t", "ts", "1 day").startPartition("2026-11-01").premake(1));
    Sessions sessions =
        new Sessions(db.dataSource(), ZoneId.of("UTC"), PartmanConfiguration.DEFAULT_LOCK_TIMEOUT);
    try (Session session = sessions.open()) {
      // What the pass read, before someone detaches t_p20261102 by hand.
      ParentTable read =
          session.inTransaction(
              "reading", c -> new CatalogReader().read(c, List.of(PARENT)).get(PARENT));
      db.execute("ALTER TABLE cr.t DETACH PARTITION cr.t_p20261102");
      ChildRetirer retirer =
          new ChildRetirer(
              session, "partman", PARENT, read.oid(), false, LockRetry.DEFAULT, List.of());

      ChildRetirer.Result first =
          retirer.retire(child(read, "t_p20261101"), Action.DROP, true, true, null);
      ChildRetirer.Result second =
          retirer.retire(child(read, "t_p20261102"), Action.DROP, true, true, null);

      assertThat(first.retired()).isTrue();
      assertThat(second.retired()).isFalse();
    }
    assertThat(
            db.queryColumn(
                "SELECT relname FROM pg_class WHERE relnamespace = 'cr'::regnamespace"
                    + " AND relname LIKE 't_p2026110_'"))
        .doesNotContain("t_p20261101")
        .contains("t_p20261102");
    assertThat(
            db.queryString(
                "SELECT count(*) FROM pg_inherits WHERE inhrelid = 'cr.t_p20261102'::regclass"))
        .isEqualTo("0");
  }

  @Test
  void aGroupDropIsAllOrNothingWhenOneChildWasDetachedMeanwhile(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA cg",
        "CREATE TABLE cg.t (id bigint NOT NULL, ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
    Partman partman =
        Partman.configure().dataSource(db.dataSource()).timeZone(ZoneId.of("UTC")).load();
    partman.createParent(
        PartitionSetDefinition.of("cg.t", "ts", "1 day").startPartition("2026-11-01").premake(1));
    Sessions sessions =
        new Sessions(db.dataSource(), ZoneId.of("UTC"), PartmanConfiguration.DEFAULT_LOCK_TIMEOUT);
    try (Session session = sessions.open()) {
      ParentTable read =
          session.inTransaction(
              "reading", c -> new CatalogReader().read(c, List.of(GROUP)).get(GROUP));
      db.execute("ALTER TABLE cg.t DETACH PARTITION cg.t_p20261102");
      ChildRetirer retirer =
          new ChildRetirer(
              session, "partman", GROUP, read.oid(), false, LockRetry.DEFAULT, List.of());
      assertThat(retirer.dropsAtOnce(child(read, "t_p20261101"), Action.DROP)).isTrue();
      assertThat(retirer.dropsAtOnce(child(read, "t_p20261101"), Action.DETACH)).isFalse();

      boolean withDetached =
          retirer.dropAllAtOnce(
              List.of(
                  child(read, "t_p20261101"),
                  child(read, "t_p20261102"),
                  child(read, "t_p20261103")));
      assertThat(withDetached).isFalse();
      assertThat(
              db.queryColumn(
                  "SELECT relname FROM pg_class WHERE relnamespace = 'cg'::regnamespace AND relname LIKE 't_p2026110_'"))
          .contains("t_p20261101", "t_p20261102", "t_p20261103");

      boolean attached =
          retirer.dropAllAtOnce(List.of(child(read, "t_p20261103"), child(read, "t_p20261104")));
      assertThat(attached).isTrue();
    }
    assertThat(
            db.queryColumn(
                "SELECT relname FROM pg_class WHERE relnamespace = 'cg'::regnamespace AND relname LIKE 't_p2026110_'"))
        .contains("t_p20261101", "t_p20261102")
        .doesNotContain("t_p20261103", "t_p20261104");
  }

  private static ChildTable child(ParentTable parent, String name) {
    return parent.children().stream()
        .filter(c -> c.name().table().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
