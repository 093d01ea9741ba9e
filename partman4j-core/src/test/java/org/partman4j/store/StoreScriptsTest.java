package org.partman4j.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StoreScriptsTest {

  @Test
  void theListedScriptsAreExactlyTheShippedResources() throws IOException {
    Path dir = Path.of("src/main/resources/org/partman4j/store");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")))
          .containsExactlyInAnyOrderElementsOf(StoreScripts.FILE_NAMES);
    }
  }

  @Test
  void scriptsAreNumberedFromOneWithoutGaps() {
    for (int i = 0; i < StoreScripts.all().size(); i++) {
      assertThat(StoreScripts.all().get(i).version()).isEqualTo(i + 1);
    }
    assertThat(StoreScripts.latestVersion()).isEqualTo(StoreScripts.all().size());
    StoreScript first = StoreScripts.all().get(0);
    assertThat(first.fileName()).isEqualTo("V001__config_tables.sql");
    assertThat(first.description()).isEqualTo("config tables");
  }

  @Test
  void checksumsIgnoreLineEndingsButNothingElse() {
    String lf = "CREATE TABLE ${schema}.t (x int);\n";
    assertThat(StoreScripts.checksum(lf))
        .isEqualTo(StoreScripts.checksum(lf.replace("\n", "\r\n")))
        .hasSize(64);
    assertThat(StoreScripts.checksum(lf)).isNotEqualTo(StoreScripts.checksum(lf.replace("x", "y")));
  }

  @Test
  void theSchemaIsSubstitutedQuotedEverywhere() {
    String sql = StoreScripts.all().get(0).sqlFor("\"My \"\"Schema\"");
    assertThat(sql).doesNotContain(StoreScript.SCHEMA_PLACEHOLDER);
    assertThat(sql).contains("CREATE TABLE \"My \"\"Schema\".part_config (");
    assertThat(sql).contains("REFERENCES \"My \"\"Schema\".part_config (parent_table)");
  }
}
