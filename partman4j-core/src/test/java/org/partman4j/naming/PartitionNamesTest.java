package org.partman4j.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartitionNamesTest {

  @Test
  void shortNamesAreParentPrefixSuffix() {
    assertThat(PartitionNames.child("daily", "20261118")).isEqualTo("daily_p20261118");
    assertThat(PartitionNames.child("id4", "-1000")).isEqualTo("id4_p-1000");
    assertThat(PartitionNames.child("sec30", "20261122_032000"))
        .isEqualTo("sec30_p20261122_032000");
    assertThat(PartitionNames.defaultPartition("daily")).isEqualTo("daily_default");
    assertThat(PartitionNames.template("g", "daily")).isEqualTo("template_g_daily");
    assertThat(PartitionNames.extraConstraint("cc_p20261118", "other"))
        .isEqualTo("partmanconstr_cc_p20261118_other");
    assertThat(PartitionNames.epochCheckConstraint("ep_p20261121"))
        .isEqualTo("ep_p20261121_partition_check");
  }

  @Test
  void longParentKeepsSuffixAndCutsBase() {
    // pg_partman's long-name golden case (reference §3.2, §17.4)
    String parent = "time_taptest_table_1234567890123456789012345678901234567890";
    assertThat(PartitionNames.child(parent, "20261122_020000"))
        .isEqualTo("time_taptest_table_123456789012345678901234567_p20261122_020000")
        .hasSize(63);
    assertThat(PartitionNames.defaultPartition(parent))
        .isEqualTo("time_taptest_table_123456789012345678901234567890123456_default");
    assertThat(PartitionNames.template("g4", parent))
        .isEqualTo("template_g4_time_taptest_table_12345678901234567890123456789012");
  }

  @Test
  void neverSplitsAMultibyteCharacter() {
    String parent = "é".repeat(40); // 80 bytes
    String child = PartitionNames.child(parent, "20261118");
    assertThat(child).endsWith("_p20261118");
    assertThat(Identifiers.byteLength(child)).isLessThanOrEqualTo(63);
    // 63 - 10 bytes of suffix leaves 53: 26 two-byte characters (52 bytes), never half of one.
    assertThat(child).isEqualTo("é".repeat(26) + "_p20261118");
    assertThat(Identifiers.truncate("日本語", 7)).isEqualTo("日本");
    assertThat(Identifiers.truncate("a😀b", 4)).isEqualTo("a");
  }

  @Test
  void customChildPrefix() {
    assertThat(PartitionNames.child("events", "_part", "20261118"))
        .isEqualTo("events_part20261118");
  }

  @Test
  void emptySuffixOrPrefixIsRefused() {
    assertThatThrownBy(() -> PartitionNames.child("events", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("suffix");
    assertThatThrownBy(() -> PartitionNames.child("events", "", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("child_table_prefix");
    assertThatThrownBy(() -> PartitionNames.child("bad\0name", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NUL");
  }
}
