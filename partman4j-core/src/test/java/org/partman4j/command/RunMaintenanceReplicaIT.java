package org.partman4j.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.partman4j.MaintenancePlan;
import org.partman4j.MaintenanceResult;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.Partman;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Sessions;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/**
 * On a replica maintenance does nothing and says why. The test server is a primary, so the replica
 * answer of {@code pg_is_in_recovery()} is simulated through the command's test seam; everything
 * else runs against PostgreSQL.
 */
@PostgresTest
class RunMaintenanceReplicaIT {

  @Test
  void aReplicaIsLeftAloneAndTheLocksAreReleased(TestDatabase db) {
    db.execute("CREATE SCHEMA rp", "CREATE TABLE rp.t (id int NOT NULL) PARTITION BY RANGE (id)");
    Partman partman = Scenes.partman(db);
    partman.createParent(PartitionSetDefinition.of("rp.t", "id", "10").premake(1));
    db.execute("INSERT INTO rp.t VALUES (5)", "UPDATE partman.part_config SET premake = 5");
    String before = Catalog.snapshot(db.adminDataSource());
    Sessions sessions = new Sessions(db.dataSource(), ZoneId.of("UTC"), Duration.ofSeconds(5));

    MaintenanceResult r =
        new RunMaintenance(sessions, "partman", Instant.now(), LockRetry.DEFAULT, true).run(null);

    assertThat(r.status()).isEqualTo(MaintenanceResult.Status.REPLICA);
    assertThat(r.message()).contains("replica");
    assertThat(r.sets()).isEmpty();
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    assertThat(db.queryString("SELECT maintenance_last_run IS NULL FROM partman.part_config"))
        .isEqualTo("t");
    assertThat(partman.runMaintenance().status()).isEqualTo(MaintenanceResult.Status.COMPLETED);
  }

  @Test
  void onAReplicaTheDryRunSaysARunWouldDoNothing(TestDatabase db) {
    db.execute("CREATE SCHEMA rd", "CREATE TABLE rd.t (id int NOT NULL) PARTITION BY RANGE (id)");
    Partman partman = Scenes.partman(db);
    partman.createParent(PartitionSetDefinition.of("rd.t", "id", "10").premake(1));
    db.execute("INSERT INTO rd.t VALUES (5)", "UPDATE partman.part_config SET premake = 5");
    Sessions sessions = new Sessions(db.dataSource(), ZoneId.of("UTC"), Duration.ofSeconds(5));

    MaintenancePlan replica =
        new RunMaintenance(sessions, "partman", Instant.now(), LockRetry.DEFAULT, true)
            .dryRun(null);
    MaintenancePlan primary = partman.runMaintenanceDryRun("rd.t");

    assertThat(replica.message()).contains("replica").contains("would do nothing");
    assertThat(replica.sets()).isEmpty();
    assertThat(replica.statements()).isEmpty();
    assertThat(primary.sets().get(0).childrenToCreate()).isNotEmpty();
  }
}
