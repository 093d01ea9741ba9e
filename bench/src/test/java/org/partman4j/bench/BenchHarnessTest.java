package org.partman4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness itself: it runs a scenario end to end at the quick size and reports what it measured.
 * No timing is asserted — only that measurements and their reference were taken.
 */
class BenchHarnessTest {

  @Test
  void creationScenarioMeasuresBothSidesAndTheWriter(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("r.json");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    List<Row> rows =
        BenchMain.run(
            BenchMain.parse(
                new String[] {
                  "--quick", "--repeat", "1", "--only", "b2", "--json", json.toString()
                }),
            new PrintStream(progress, true, StandardCharsets.UTF_8));

    assertThat(rows).extracting(Row::scenario).containsExactly("B2", "B5", "B5", "B5");
    Row creation = rows.get(0);
    assertThat(creation.what()).isEqualTo("12 children in 4 sets");
    assertThat(creation.samples().values()).hasSize(1).allMatch(v -> v > 0);
    assertThat(creation.reference().values()).hasSize(1).allMatch(v -> v > 0);
    assertThat(creation.ratio()).isPositive();
    assertThat(rows.get(3).samples().max()).as("failed inserts").isZero();
    assertThat(Files.readString(json))
        .contains(
            "\"scenario\": \"B2\"", "\"reference\": {\"median\": ", "\"server\": \"PostgreSQL");
    assertThat(Report.table(rows)).contains("12 children in 4 sets", "≤ 1.3× reference");
    assertThat(progress.toString(StandardCharsets.UTF_8)).startsWith("B2: ");
  }

  @Test
  void maintenanceRetentionAndDataMovementScenariosRunAtTheQuickSize(@TempDir Path dir)
      throws Exception {
    List<Row> rows =
        BenchMain.run(
            BenchMain.parse(
                new String[] {
                  "--quick",
                  "--repeat",
                  "1",
                  "--only",
                  "B1,B3,B4",
                  "--json",
                  dir.resolve("r.json").toString()
                }),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    assertThat(rows)
        .filteredOn(r -> r.scenario().equals("B1"))
        .extracting(Row::what)
        .contains(
            "5 sets, 50 tables: runMaintenance in-process",
            "20 sets, 80 tables: runMaintenance in-process");
    assertThat(rows)
        .filteredOn(r -> r.scenario().equals("B3"))
        .extracting(Row::what)
        .singleElement()
        .asString()
        .endsWith("children dropped in 4 sets")
        .doesNotStartWith("0 ");
    assertThat(rows)
        .filteredOn(r -> r.scenario().equals("B4"))
        .extracting(Row::what)
        .containsExactly(
            "20,000 rows into a daily set, 1 worker",
            "20,000 rows into a daily set, 2 workers",
            "20,000 rows into a id set, 1 worker",
            "20,000 rows into a id set, 2 workers");
    assertThat(rows)
        .filteredOn(r -> r.reference() != null)
        .allSatisfy(r -> assertThat(r.ratio()).isPositive());
  }

  @Test
  void samplesGiveMedianMinAndMax() {
    Samples s = new Samples(List.of(5.0, 1.0, 3.0, 9.0));
    assertThat(s.median()).isEqualTo(4.0);
    assertThat(s.min()).isEqualTo(1.0);
    assertThat(s.max()).isEqualTo(9.0);
    assertThat(new Samples(List.of(2.0, 7.0, 4.0)).median()).isEqualTo(4.0);
  }

  @Test
  void goalsAreJudgedOnTheMedianRatio() {
    Samples ref = new Samples(List.of(100.0));
    assertThat(Row.timeAgainst("B2", "x", new Samples(List.of(125.0)), ref, 1.3).met()).isTrue();
    assertThat(Row.timeAgainst("B2", "x", new Samples(List.of(140.0)), ref, 1.3).met()).isFalse();
    assertThat(Row.rateAgainst("B4", "x", new Samples(List.of(70.0)), ref, 0.8).met()).isFalse();
    assertThat(Row.under("B5", "x", "ms", new Samples(List.of(99.0)), 100).met()).isTrue();
  }

  @Test
  void badArgumentsSayWhatIsAccepted() {
    assertThatThrownBy(() -> BenchMain.parse(new String[] {"--only", "B9"}))
        .hasMessage("no scenario B9; the scenarios are B1, B2, B3, B4, B6");
    assertThatThrownBy(() -> BenchMain.parse(new String[] {"--repeat", "0"}))
        .hasMessage("--repeat must be a whole number ≥ 1; got '0'");
    assertThatThrownBy(() -> BenchMain.parse(new String[] {"--fast"}))
        .hasMessageStartingWith("unknown argument '--fast'");
  }
}
