package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/**
 * runMaintenance applies each set's retention and constraint exclusion after making its children,
 * reports what they did per set, and keeps a set's policy failure to that set.
 */
@PostgresTest
class MaintenancePoliciesIT {

  private static final String SET_UP =
      "INSERT INTO %1$s SELECT g, timestamptz '2026-11-18 06:00+00' + g * interval '1 hour'"
          + " FROM generate_series(0, 100) g";

  private static void dailySet(TestDatabase db, String parent) {
    db.execute(
        "CREATE TABLE " + parent + " (id int, ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
    MaintenanceIT.at(db, MaintenanceIT.NOW)
        .createParent(PartitionSetDefinition.of(parent, "ts", "1 day"));
    db.execute(String.format(SET_UP, parent)); // rows from 2026-11-18 06:00 to 11-22 10:00
  }

  @Test
  void retentionAndConstraintsRunAfterCreationAndAreReported() {
    try (TestDatabase db = TestDatabase.create("maint_policies")) {
      db.execute("CREATE SCHEMA p");
      dailySet(db, "p.daily");
      db.execute(
          "UPDATE partman.part_config SET retention = '2 days', retention_keep_table = false,"
              + " constraint_cols = '{id}', optimize_constraint = 1");

      MaintenanceResult r = MaintenanceIT.at(db, MaintenanceIT.NOW).runMaintenance();

      SetMaintenanceResult set = MaintenanceIT.only(r, "p.daily");
      assertThat(set.error()).isNull();
      // Children ending before 2026-11-20 03:22:39 (now − 2 days) go: the 18th and the 19th.
      assertThat(set.childrenDropped()).containsExactly("daily_p20261118", "daily_p20261119");
      assertThat(MaintenanceIT.children(db, "p.daily"))
          .doesNotContain("daily_p20261118", "daily_p20261119")
          .contains("daily_p20261120");
      assertThat(db.queryString("SELECT count(*) FROM p.daily")).isEqualTo("59");
      // The newest child with data starts on the 22nd; optimize_constraint 1 puts the constraint
      // on the child two intervals before it.
      assertThat(set.constraintsAdded()).hasSize(1);
      assertThat(
              db.queryString(
                  "SELECT conrelid::regclass::text || ' ' || pg_get_constraintdef(oid)"
                      + " FROM pg_constraint WHERE conname = '"
                      + set.constraintsAdded().get(0)
                      + "'"))
          .isEqualTo("p.daily_p20261120 CHECK (((id >= 42) AND (id <= 65)))");

      MaintenanceResult again = MaintenanceIT.at(db, MaintenanceIT.NOW).runMaintenance();
      SetMaintenanceResult second = MaintenanceIT.only(again, "p.daily");
      assertThat(second.childrenDropped()).isEmpty();
      assertThat(second.constraintsAdded()).isEmpty();
      assertThat(second.error()).isNull();
    }
  }

  @Test
  void aSetWhosePolicyFailsIsReportedAndTheOthersAreDone() {
    try (TestDatabase db = TestDatabase.create("maint_policy_fail")) {
      db.execute("CREATE SCHEMA p");
      dailySet(db, "p.a_broken");
      dailySet(db, "p.b_fine");
      // A retention schema that does not exist: pg_partman fails half-way; we fail before any
      // change, for this set only.
      db.execute(
          "UPDATE partman.part_config SET retention = '2 days', retention_schema = 'nowhere'",
          "UPDATE partman.part_config SET retention_schema = NULL"
              + " WHERE parent_table = 'p.b_fine'");

      MaintenanceResult r = MaintenanceIT.at(db, MaintenanceIT.NOW).runMaintenance();

      assertThat(r.status()).isEqualTo(MaintenanceResult.Status.COMPLETED);
      SetMaintenanceResult broken = MaintenanceIT.only(r, "p.a_broken");
      assertThat(broken.error()).contains("nowhere");
      assertThat(MaintenanceIT.children(db, "p.a_broken")).contains("a_broken_p20261118");
      SetMaintenanceResult fine = MaintenanceIT.only(r, "p.b_fine");
      assertThat(fine.error()).isNull();
      // retention_keep_table defaults to true: the old children are detached and kept.
      assertThat(fine.childrenDetached()).containsExactly("b_fine_p20261118", "b_fine_p20261119");
      assertThat(db.queryString("SELECT count(*) FROM p.b_fine_p20261118")).isEqualTo("18");
      assertThat(r.failures())
          .extracting(SetMaintenanceResult::parentTable)
          .containsExactly("p.a_broken");
    }
  }
}
