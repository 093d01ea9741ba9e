package org.partman4j.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.AppliedConstraint;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.Partman;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.TableName;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/** The maintenance seam {@link Constraints#applyStep}. */
@PostgresTest
class ConstraintsStepIT {

  private static SetSnapshot read(Session s, String parent) {
    return s.inTransaction(
        "reading", c -> new SetReader("partman").read(c, TableName.parse(parent), s.zone()));
  }

  @Test
  void theStepConstrainsTheTargetOnceAndReadsChildrenMadeAfterTheSnapshot(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA st",
        "CREATE TABLE st.ids (id bigint NOT NULL, val int) PARTITION BY RANGE (id)",
        "CREATE TABLE st.plain (id bigint NOT NULL) PARTITION BY RANGE (id)");
    Partman partman =
        Partman.configure()
            .dataSource(db.dataSource())
            .timeZone(ZoneId.of("UTC"))
            .load(); // id sets: no clock needed
    partman.createParent(
        PartitionSetDefinition.of("st.ids", "id", "10")
            .constraintCols(List.of("val"))
            .startPartition("0")
            .premake(2));
    partman.createParent(PartitionSetDefinition.of("st.plain", "id", "10"));
    db.execute(
        "UPDATE partman.part_config SET optimize_constraint = 1 WHERE parent_table = 'st.ids'",
        "INSERT INTO st.ids SELECT g, g FROM generate_series(0, 29) g");
    Sessions sessions = new Sessions(db.dataSource(), ZoneId.of("UTC"), Duration.ofSeconds(5));
    try (Session s = sessions.open()) {
      SetSnapshot set = read(s, "st.ids");
      SetSnapshot plain = read(s, "st.plain");
      // made after the snapshot, as maintenance makes children before this step
      partman.createPartition("st.ids", List.of("30", "40"));
      db.execute("INSERT INTO st.ids SELECT g, g FROM generate_series(30, 39) g");

      List<AppliedConstraint> added = Constraints.applyStep(s, "partman", set, LockRetry.DEFAULT);
      List<AppliedConstraint> again = Constraints.applyStep(s, "partman", set, LockRetry.DEFAULT);
      List<AppliedConstraint> none = Constraints.applyStep(s, "partman", plain, LockRetry.DEFAULT);

      // newest data in p30 (made after the snapshot); optimize 1 → p10
      assertThat(added)
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.table()).isEqualTo("st.ids_p10");
                assertThat(a.constraint()).isEqualTo("partmanconstr_ids_p10_val");
                assertThat(a.min()).isEqualTo("10");
                assertThat(a.max()).isEqualTo("19");
              });
      assertThat(again).isEmpty();
      assertThat(none).isEmpty();
    }
    assertThat(
            db.queryColumn("SELECT conname FROM pg_constraint WHERE conname LIKE 'partmanconstr%'"))
        .containsExactly("partmanconstr_ids_p10_val");
  }
}
