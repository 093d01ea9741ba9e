package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/** The entry point as a user meets it: the Javadoc example, end to end. */
@PostgresTest
class PartmanIT {

  @Test
  void theDocumentedExampleWorks(TestDatabase db) {
    Partman partman =
        Partman.configure()
            .dataSource(db.dataSource())
            .schema("partman")
            .lockTimeout(Duration.ofSeconds(5))
            .load();

    InstallResult result = partman.install();

    assertThat(result)
        .isEqualTo(
            new InstallResult(
                "partman",
                0,
                3,
                List.of(
                    "V001__config_tables.sql",
                    "V002__partition_timezone.sql",
                    "V003__job_history.sql")));
    assertThat(partman.install().changed()).isFalse();
    // The test server's zone (UTC), never the JVM's (Asia/Kolkata).
    assertThat(partman.timeZone()).isEqualTo(ZoneId.of(db.queryString("SHOW log_timezone")));
    assertThat(partman.timeZone()).isNotEqualTo(ZoneId.systemDefault());
  }

  @Test
  void aConfiguredZoneIsTheZone(TestDatabase db) {
    Partman partman =
        Partman.configure()
            .dataSource(db.dataSource())
            .timeZone(ZoneId.of("Pacific/Auckland"))
            .load();
    assertThat(partman.timeZone()).isEqualTo(ZoneId.of("Pacific/Auckland"));
  }
}
