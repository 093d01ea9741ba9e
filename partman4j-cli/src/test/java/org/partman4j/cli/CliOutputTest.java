package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.partman4j.ErrorCode;
import org.partman4j.cli.output.Json;
import org.partman4j.cli.output.TextTable;

class CliOutputTest {

  @Test
  void jsonEscapesAndNests() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("text", "quote \" backslash \\ newline \n tab \t bell \u0007 ünï");
    doc.put("n", 42);
    doc.put("big", 12345678901L);
    doc.put("nothing", null);
    doc.put("yes", true);
    doc.put("list", List.of(1, "two"));
    doc.put("empty", List.of());
    doc.put("inner", Map.of());
    assertThat(Json.write(doc))
        .isEqualTo(
            "{\n"
                + "  \"text\": \"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 ünï\",\n"
                + "  \"n\": 42,\n"
                + "  \"big\": 12345678901,\n"
                + "  \"nothing\": null,\n"
                + "  \"yes\": true,\n"
                + "  \"list\": [\n"
                + "    1,\n"
                + "    \"two\"\n"
                + "  ],\n"
                + "  \"empty\": [],\n"
                + "  \"inner\": {}\n"
                + "}");
  }

  @Test
  void tablesPadColumnsButNotTheLast() {
    String t = new TextTable("name", "n").row("a", 1).row("longer name", null).render();
    assertThat(t).isEqualTo("name         n\n-----------  -\na            1\nlonger name\n");
  }

  @Test
  void everyErrorCodeHasAnExitStatusAndTheStatusesAreDistinct() {
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(ExitCode.of(code)).isNotNull().isNotEqualTo(ExitCode.OK);
    }
    assertThat(ExitCode.of(ErrorCode.CONNECTION_FAILED).code()).isEqualTo(3);
    assertThat(ExitCode.of(ErrorCode.LOCK_TIMEOUT).code()).isEqualTo(5);
    assertThat(ExitCode.of(ErrorCode.INVALID_CONFIGURATION).code()).isEqualTo(2);
    assertThat(ExitCode.of(ErrorCode.DATABASE_ERROR).code()).isEqualTo(1);
    Set<Integer> numbers =
        Arrays.stream(ExitCode.values()).map(ExitCode::code).collect(Collectors.toSet());
    assertThat(numbers).hasSize(ExitCode.values().length);
    // picocli's own usage-error status is ours too.
    assertThat(ExitCode.USAGE.code()).isEqualTo(picocli.CommandLine.ExitCode.USAGE);
  }
}
