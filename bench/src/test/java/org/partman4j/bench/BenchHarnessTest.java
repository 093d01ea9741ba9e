package org.partman4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.Partman;
import org.partman4j.testkit.TestDatabase;

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
    List<Row> rows = quickRun(dir, "B1,B3,B4");

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
  void footprintScenarioTimesTheCommandAndReadsTheDaemonsMemory(@TempDir Path dir)
      throws Exception {
    assumeTrue(
        Files.isRegularFile(FootprintScenario.cliJar()),
        "the command's jar is built (./mvnw verify builds it before this module)");
    List<Row> rows = quickRun(dir, "B6");

    assertThat(rows)
        .extracting(Row::what)
        .containsExactly(
            "partman --version, whole process",
            "partman show-partitions (5 sets), whole process",
            "showPartitions in-process (warm)",
            "partman daemon RSS after its first run, 5 sets, -Xmx128m",
            "partman daemon start to first run done, 5 sets");
    assertThat(rows).allSatisfy(r -> assertThat(r.samples().values()).hasSize(1));
    assertThat(rows).allSatisfy(r -> assertThat(r.samples().min()).isPositive());
    assertThat(rows.get(0).reference()).isNotNull();
    assertThat(rows.get(1).reference()).isNotNull();
    assertThat(rows.get(3).unit()).isEqualTo("MiB");
  }

  /** The given scenarios at the quick size, once each. */
  private static List<Row> quickRun(Path dir, String only) throws Exception {
    return BenchMain.run(
        BenchMain.parse(
            new String[] {
              "--quick", "--repeat", "1", "--only", only, "--json", dir.resolve("r.json").toString()
            }),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @Test
  void bulkFixtureIsWhatCreateParentMakes() throws Exception {
    String start = LocalDate.now(ZoneOffset.UTC).minusDays(5).toString();
    Function<String, PartitionSetDefinition> definition =
        p -> PartitionSetDefinition.of(p, "ts", "1 day").premake(2).startPartition(start);
    try (TestDatabase byCall = TestDatabase.create("bench_by_call");
        TestDatabase bulk = TestDatabase.create("bench_bulk")) {
      Partman partman = BenchContext.partman(byCall);
      SetFixture.parents(byCall, 5);
      partman.install();
      for (int i = 1; i <= 5; i++) {
        partman.createParent(definition.apply(SetFixture.parent(i)));
      }
      // In two steps, as B1 grows its database.
      SetFixture.registered(bulk, BenchContext.partman(bulk), 1, 2, definition);
      SetFixture.registered(bulk, BenchContext.partman(bulk), 3, 5, definition);

      List<String> expected = catalog(byCall);
      assertThat(expected)
          .as("what the comparison covers")
          .anyMatch(l -> l.startsWith("cfg bench.events_0005 {"))
          .anyMatch(l -> l.startsWith("rel partman.template_bench_events_0005 r"))
          .anyMatch(l -> l.startsWith("rel bench.events_0005_default r") && l.endsWith("DEFAULT"))
          .anyMatch(l -> l.startsWith("rel bench.events_0005_p") && l.contains("FOR VALUES FROM"))
          .anyMatch(l -> l.startsWith("con bench.events_0003_p"))
          .anyMatch(l -> l.startsWith("idx bench.events_0003_p"));
      assertThat(catalog(bulk)).containsExactlyElementsOf(expected);
    }
  }

  /**
   * Everything createParent makes, as sorted lines: the bench and store schemas' relations (kind,
   * owner, privileges, options, parent and bound), their columns, constraints and indexes, and the
   * store's config rows.
   */
  private static List<String> catalog(TestDatabase db) {
    return db.queryColumn(
        "SELECT line FROM ("
            + " SELECT 'rel ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text"
            + "   || ' ' || c.relpersistence::text || ' ' || pg_get_userbyid(c.relowner)"
            + "   || ' ' || coalesce(c.relacl::text, '') || ' ' || coalesce(c.reloptions::text, '')"
            + "   || ' ' || coalesce((SELECT i.inhparent::regclass::text FROM pg_inherits i"
            + "        WHERE i.inhrelid = c.oid), '')"
            + "   || ' ' || coalesce(pg_get_expr(c.relpartbound, c.oid), '') AS line"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname IN ('bench', 'partman')"
            + " UNION ALL SELECT 'col ' || a.attrelid::regclass::text || ' ' || a.attname"
            + "   || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull::text"
            + "   || ' ' || a.attidentity::text || ' ' || a.attgenerated::text || ' ' || a.attstorage::text"
            + "   || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE n.nspname IN ('bench', 'partman') AND a.attnum > 0 AND NOT a.attisdropped"
            + " UNION ALL SELECT 'con ' || k.conrelid::regclass::text || ' ' || k.conname"
            + "   || ' ' || pg_get_constraintdef(k.oid)"
            + " FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace"
            + " WHERE n.nspname IN ('bench', 'partman')"
            + " UNION ALL SELECT 'idx ' || x.indrelid::regclass::text || ' '"
            + "   || pg_get_indexdef(x.indexrelid)"
            + " FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname IN ('bench', 'partman')"
            + " UNION ALL SELECT 'cfg ' || p.parent_table || ' ' || row_to_json(p)::text"
            + " FROM \"partman\".part_config p"
            + " UNION ALL SELECT 'sub ' || row_to_json(s)::text FROM \"partman\".part_config_sub s"
            + ") lines ORDER BY line COLLATE \"C\"");
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
