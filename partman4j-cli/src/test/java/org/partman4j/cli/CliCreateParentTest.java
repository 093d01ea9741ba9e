package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partman4j.CreateParentResult;
import org.partman4j.ErrorCode;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.Partman;
import org.partman4j.PartmanException;
import picocli.CommandLine;

/** {@code create-parent}'s options, output and failures, with the library call replaced. */
class CliCreateParentTest {

  @TempDir Path home;

  private static PartitionSetDefinition parse(String... args) {
    CreateParentCommand cmd = new CreateParentCommand();
    new CommandLine(cmd).parseArgs(args);
    return cmd.definition();
  }

  @Test
  void onlyTheRequiredOptionsKeepPgPartmansDefaults() {
    PartitionSetDefinition d =
        parse("--parent", "public.events", "--control", "created_at", "--interval", "1 day");
    PartitionSetDefinition defaults =
        PartitionSetDefinition.of("public.events", "created_at", "1 day");
    assertThat(d.parentTable()).isEqualTo("public.events");
    assertThat(d.control()).isEqualTo("created_at");
    assertThat(d.interval()).isEqualTo("1 day");
    assertThat(d.type()).isEqualTo(defaults.type());
    assertThat(d.epoch()).isEqualTo(defaults.epoch());
    assertThat(d.premake()).isEqualTo(defaults.premake());
    assertThat(d.startPartition()).isNull();
    assertThat(d.defaultTable()).isTrue();
    assertThat(d.automaticMaintenance()).isEqualTo("on");
    assertThat(d.constraintCols()).isNull();
    assertThat(d.templateTable()).isNull();
    assertThat(d.jobmon()).isTrue();
    assertThat(d.dateTruncInterval()).isNull();
    assertThat(d.controlNotNull()).isTrue();
    assertThat(d.timeEncoder()).isNull();
    assertThat(d.timeDecoder()).isNull();
    assertThat(d.offsetId()).isZero();
    assertThat(d.timeZone()).isNull();
    assertThat(d.childTablePrefix()).isEqualTo("_p");
    assertThat(d.inheritPrivileges()).isNull();
  }

  @Test
  void everyOptionReachesTheDefinition() {
    PartitionSetDefinition d =
        parse(
            "--parent=sales.orders",
            "--control=id",
            "--interval=100000",
            "--type=list",
            "--epoch=milliseconds",
            "--premake=9",
            "--start-partition=2026-01-01",
            "--no-default-table",
            "--automatic-maintenance=off",
            "--constraint-cols=a,b",
            "--constraint-cols=c",
            "--template-table=sales.orders_tpl",
            "--no-jobmon",
            "--date-trunc-interval=week",
            "--no-control-not-null",
            "--time-encoder=public.enc",
            "--time-decoder=public.dec",
            "--offset-id=5",
            "--partition-timezone=Europe/Berlin",
            "--child-table-prefix=_x",
            "--inherit-privileges");
    assertThat(d.parentTable()).isEqualTo("sales.orders");
    assertThat(d.control()).isEqualTo("id");
    assertThat(d.interval()).isEqualTo("100000");
    assertThat(d.type()).isEqualTo("list");
    assertThat(d.epoch()).isEqualTo("milliseconds");
    assertThat(d.premake()).isEqualTo(9);
    assertThat(d.startPartition()).isEqualTo("2026-01-01");
    assertThat(d.defaultTable()).isFalse();
    assertThat(d.automaticMaintenance()).isEqualTo("off");
    assertThat(d.constraintCols()).containsExactly("a", "b", "c");
    assertThat(d.templateTable()).isEqualTo("sales.orders_tpl");
    assertThat(d.jobmon()).isFalse();
    assertThat(d.dateTruncInterval()).isEqualTo("week");
    assertThat(d.controlNotNull()).isFalse();
    assertThat(d.timeEncoder()).isEqualTo("public.enc");
    assertThat(d.timeDecoder()).isEqualTo("public.dec");
    assertThat(d.offsetId()).isEqualTo(5);
    assertThat(d.timeZone()).isEqualTo("Europe/Berlin");
    assertThat(d.childTablePrefix()).isEqualTo("_x");
    assertThat(d.inheritPrivileges()).isTrue();
  }

  @Test
  void templateFalseIsPassedThroughAsPgPartmansNoTemplate() {
    assertThat(
            parse("--parent=a.b", "--control=c", "--interval=1", "--template-table=false")
                .templateTable())
        .isEqualTo(PartitionSetDefinition.NO_TEMPLATE);
  }

  @Test
  void missingRequiredOptionsAreBadUsage() {
    CliRun r = CliRun.run(home, Map.of(), "create-parent", "--parent", "public.events");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith("partman: Missing required options: '--control=COLUMN', '--interval=INTERVAL'")
        .endsWith("See 'partman create-parent --help'.\n");
  }

  @Test
  void aNonNumericPremakeIsBadUsage() {
    CliRun r =
        CliRun.run(
            home,
            Map.of(),
            "create-parent",
            "--parent=a.b",
            "--control=c",
            "--interval=1",
            "--premake=many");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--premake").contains("many");
  }

  /** Records what the command asked for and answers with fixed values. */
  private static final class FakeCreator implements ParentCreator {
    final List<PartitionSetDefinition> asked = new ArrayList<>();
    RuntimeException failure;

    @Override
    public CreateParentResult create(Partman partman, PartitionSetDefinition definition) {
      asked.add(definition);
      if (failure != null) {
        throw failure;
      }
      assertThat(partman.schema()).isEqualTo("ops");
      return new CreateParentResult(
          "public.events",
          List.of("events_p20260101", "events_p20260102"),
          List.of("events_p20251231"),
          "events_default",
          "ops.template_public_events",
          true);
    }

    @Override
    public List<String> plan(Partman partman, PartitionSetDefinition definition) {
      asked.add(definition);
      return List.of(
          "CREATE TABLE public.events_p20260101 (LIKE public.events)",
          "ALTER TABLE public.events ATTACH PARTITION public.events_p20260101 FOR VALUES FROM"
              + " ('2026-01-01 00:00:00+00') TO ('2026-01-02 00:00:00+00');");
    }
  }

  private static final String[] SET = {
    "create-parent",
    "--schema=ops",
    "--parent=public.events",
    "--control=created_at",
    "--interval=1 day"
  };

  private CliRun run(FakeCreator creator, String... more) {
    String[] args = new String[SET.length + more.length];
    System.arraycopy(SET, 0, args, 0, SET.length);
    System.arraycopy(more, 0, args, SET.length, more.length);
    return CliRun.run(home, Map.of(), creator, args);
  }

  @Test
  void theResultIsATableForPeople() {
    FakeCreator creator = new FakeCreator();
    CliRun r = run(creator);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(creator.asked)
        .singleElement()
        .extracting(PartitionSetDefinition::parentTable)
        .isEqualTo("public.events");
    assertThat(r.out())
        .isEqualTo(
            "Resumed partition set public.events: 2 children created, 1 already there, template"
                + " table ops.template_public_events.\n"
                + "\n"
                + "child             status\n"
                + "----------------  -----------------\n"
                + "events_p20260101  created\n"
                + "events_p20260102  created\n"
                + "events_p20251231  already there\n"
                + "events_default    created (default)\n");
  }

  @Test
  void theResultAsJson() {
    CliRun r = run(new FakeCreator(), "--output=json");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "{\n"
                + "  \"parent_table\": \"public.events\",\n"
                + "  \"resumed\": true,\n"
                + "  \"created\": [\n"
                + "    \"events_p20260101\",\n"
                + "    \"events_p20260102\"\n"
                + "  ],\n"
                + "  \"already_there\": [\n"
                + "    \"events_p20251231\"\n"
                + "  ],\n"
                + "  \"default_partition\": \"events_default\",\n"
                + "  \"template_table\": \"ops.template_public_events\"\n"
                + "}\n");
  }

  @Test
  void aDryRunPrintsTheStatementsInOrderAsSql() {
    FakeCreator creator = new FakeCreator();
    CliRun r = run(creator, "--dry-run");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "-- Dry run of create-parent for public.events: nothing was changed. These statements"
                + " would run, in order:\n"
                + "CREATE TABLE public.events_p20260101 (LIKE public.events);\n"
                + "ALTER TABLE public.events ATTACH PARTITION public.events_p20260101 FOR VALUES"
                + " FROM ('2026-01-01 00:00:00+00') TO ('2026-01-02 00:00:00+00');\n");
    CliRun json = run(new FakeCreator(), "--dry-run", "-o", "json");
    assertThat(json.out())
        .startsWith("{\n  \"parent_table\": \"public.events\",\n  \"dry_run\": true,\n")
        .contains("\"statements\": [\n    \"CREATE TABLE public.events_p20260101 (LIKE");
  }

  @Test
  void libraryFailuresMapToExitStatuses() {
    FakeCreator creator = new FakeCreator();
    creator.failure =
        new PartmanException(
            ErrorCode.OBJECT_NOT_FOUND,
            "Table public.events does not exist; create it first.",
            "42P01",
            "SELECT 1",
            null);
    CliRun r = run(creator);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("partman: Table public.events does not exist; create it first.\n");

    creator.failure = new PartmanException(ErrorCode.LOCK_TIMEOUT, "A lock was not granted.");
    assertThat(run(creator).exit()).isEqualTo(5);

    creator.failure = new PartmanException(ErrorCode.INVALID_ARGUMENT, "Bad interval.");
    assertThat(run(creator).exit()).isEqualTo(2);

    creator.failure = new IllegalStateException("boom");
    CliRun bug = run(creator);
    assertThat(bug.exit()).isEqualTo(1);
    assertThat(bug.err())
        .startsWith("partman: Internal error: java.lang.IllegalStateException: boom.");
  }

  @Test
  void withoutTheLibraryCallTheCommandSaysSo() {
    CliRun r =
        CliRun.run(home, Map.of(), "create-parent", "--parent=a.b", "--control=c", "--interval=1");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("partman: create-parent is not available in this build");
  }
}
