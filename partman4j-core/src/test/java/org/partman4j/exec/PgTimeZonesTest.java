package org.partman4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PgTimeZonesTest {

  @Test
  void regionsKeepTheirNames() {
    assertThat(PgTimeZones.toPostgres(ZoneId.of("America/New_York"))).isEqualTo("America/New_York");
    assertThat(PgTimeZones.toPostgres(ZoneId.of("UTC"))).isEqualTo("UTC");
  }

  @Test
  void offsetsBecomePosixStringsWithTheSignTurned() {
    // PostgreSQL reads a bare '+05:30' as 5:30 WEST of Greenwich; the POSIX form with an explicit
    // abbreviation says what Java means.
    assertThat(PgTimeZones.toPostgres(ZoneOffset.ofHoursMinutes(5, 30)))
        .isEqualTo("<+0530>-05:30:00");
    assertThat(PgTimeZones.toPostgres(ZoneOffset.ofHours(-3))).isEqualTo("<-0300>+03:00:00");
    assertThat(PgTimeZones.toPostgres(ZoneOffset.ofHoursMinutesSeconds(1, 2, 3)))
        .isEqualTo("<+010203>-01:02:03");
    assertThat(PgTimeZones.toPostgres(ZoneOffset.UTC)).isEqualTo("UTC");
    assertThat(PgTimeZones.toPostgres(ZoneId.of("UTC+02:00"))).isEqualTo("<+0200>-02:00:00");
  }

  @Test
  void postgresNamesMapToJavaOnlyWhenTheyAreSharedRegions() {
    assertThat(PgTimeZones.toJava("america/new_york")).contains(ZoneId.of("America/New_York"));
    assertThat(PgTimeZones.toJava("Etc/GMT+5")).contains(ZoneId.of("Etc/GMT+5"));
    assertThat(PgTimeZones.toJava("UTC")).contains(ZoneId.of("UTC"));
    // These mean opposite things in Java and PostgreSQL, so they are not mapped.
    assertThat(PgTimeZones.toJava("UTC+3")).isEmpty();
    assertThat(PgTimeZones.toJava("+05:30")).isEmpty();
    assertThat(PgTimeZones.toJava("<+0530>-05:30")).isEmpty();
    assertThat(PgTimeZones.toJava(null)).isEmpty();
  }
}
