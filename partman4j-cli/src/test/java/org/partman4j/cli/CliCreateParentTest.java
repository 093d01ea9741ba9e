package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partman4j.PartitionSetDefinition;
import picocli.CommandLine;

/** {@code create-parent}'s options and usage errors, without a database (see CliCreateParentIT). */
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
}
