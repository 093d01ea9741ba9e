package org.partman4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgArrayTextTest {

  @Test
  void plainElementsAreBare() {
    assertThat(PgArrayText.format(List.of("a", "b"))).isEqualTo("{a,b}");
    assertThat(PgArrayText.format(List.of())).isEqualTo("{}");
    assertThat(PgArrayText.format(null)).isNull();
    assertThat(PgArrayText.format(List.of("Ünïcode", "x$1"))).isEqualTo("{Ünïcode,x$1}");
  }

  @Test
  void elementsThatWouldBeMisreadAreQuotedAndEscaped() {
    assertThat(PgArrayText.format(Arrays.asList("b c", null, "", "null", "NuLl", "nullx")))
        .isEqualTo("{\"b c\",NULL,\"\",\"null\",\"NuLl\",nullx}");
    assertThat(PgArrayText.format(List.of("a,b", "{x}", "say \"hi\"", "back\\slash", "tab\there")))
        .isEqualTo("{\"a,b\",\"{x}\",\"say \\\"hi\\\"\",\"back\\\\slash\",\"tab\there\"}");
  }
}
