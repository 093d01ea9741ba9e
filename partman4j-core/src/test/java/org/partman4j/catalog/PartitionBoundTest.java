package org.partman4j.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionBoundTest {

  @Test
  void parsesEveryShapePostgresPrints() {
    assertThat(PartitionBound.parse("DEFAULT")).isEqualTo(new PartitionBound.Default());
    assertThat(
            PartitionBound.parse(
                "FOR VALUES FROM ('2026-11-18 00:00:00+00') TO ('2026-11-19 00:00:00+00')"))
        .isEqualTo(new PartitionBound.Range("2026-11-18 00:00:00+00", "2026-11-19 00:00:00+00"));
    assertThat(PartitionBound.parse("FOR VALUES FROM ('-1000') TO ('0')"))
        .isEqualTo(new PartitionBound.Range("-1000", "0"));
    assertThat(PartitionBound.parse("FOR VALUES FROM (1795219200) TO (1795305600)"))
        .isEqualTo(new PartitionBound.Range("1795219200", "1795305600"));
    assertThat(PartitionBound.parse("FOR VALUES FROM (MINVALUE) TO (10)"))
        .isEqualTo(new PartitionBound.Range(null, "10"));
    assertThat(PartitionBound.parse("FOR VALUES IN ('10')"))
        .isEqualTo(new PartitionBound.ListValues(List.of("10")));
    assertThat(PartitionBound.parse("FOR VALUES IN (NULL, 3)"))
        .isEqualTo(new PartitionBound.ListValues(Arrays.asList(null, "3")));
  }

  @Test
  void multiColumnAndHashAreUnsupported() {
    assertThat(PartitionBound.parse("FOR VALUES FROM (1, 2) TO (3, 4)"))
        .isInstanceOf(PartitionBound.Unsupported.class);
    assertThat(PartitionBound.parse("FOR VALUES WITH (modulus 4, remainder 0)"))
        .isInstanceOf(PartitionBound.Unsupported.class);
  }
}
