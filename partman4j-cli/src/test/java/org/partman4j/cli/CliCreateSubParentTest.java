package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.SubPartitionDefinition;
import picocli.CommandLine;

/**
 * {@code create-sub-parent}'s options, without a database: each one reaches the definition (see
 * CliSubPartitionIT and SubPartitionOptionsIT for what the database then gets).
 */
class CliCreateSubParentTest {

  private static final String[] REQUIRED = {
    "--parent=public.events", "--control=created_at", "--interval=1 day", "--declarative-check=yes"
  };

  private static SubPartitionDefinition parse(String... extra) {
    CreateSubParentCommand cmd = new CreateSubParentCommand();
    String[] args = new String[REQUIRED.length + extra.length];
    System.arraycopy(REQUIRED, 0, args, 0, REQUIRED.length);
    System.arraycopy(extra, 0, args, REQUIRED.length, extra.length);
    new CommandLine(cmd).parseArgs(args);
    return cmd.definition();
  }

  @Test
  void onlyTheRequiredOptionsKeepPgPartmansDefaults() {
    SubPartitionDefinition d = parse();
    SubPartitionDefinition defaults =
        SubPartitionDefinition.of("public.events", "created_at", "1 day");
    assertThat(d.topParent()).isEqualTo("public.events");
    assertThat(d.control()).isEqualTo("created_at");
    assertThat(d.interval()).isEqualTo("1 day");
    assertThat(d.declarativeCheck()).isEqualTo("yes");
    assertThat(d.type()).isEqualTo(defaults.type());
    assertThat(d.premake()).isEqualTo(defaults.premake());
    assertThat(d.epoch()).isEqualTo(defaults.epoch());
    assertThat(d.defaultTable()).isEqualTo(defaults.defaultTable());
    assertThat(d.startPartition()).isNull();
    assertThat(d.constraintCols()).isNull();
    assertThat(d.dateTruncInterval()).isNull();
    assertThat(d.automaticMaintenance()).isEqualTo(defaults.automaticMaintenance());
    assertThat(d.templateTable()).isNull();
    assertThat(d.jobmon()).isEqualTo(defaults.jobmon());
    assertThat(d.controlNotNull()).isEqualTo(defaults.controlNotNull());
    assertThat(d.timeEncoder()).isNull();
    assertThat(d.timeDecoder()).isNull();
    assertThat(d.subRetention()).isNull();
    assertThat(d.subRetentionSchema()).isNull();
    assertThat(d.subRetentionKeepTable()).isEqualTo(defaults.subRetentionKeepTable());
    assertThat(d.subRetentionKeepIndex()).isEqualTo(defaults.subRetentionKeepIndex());
    assertThat(d.subRetentionKeepPublication()).isEqualTo(defaults.subRetentionKeepPublication());
    assertThat(d.optimizeConstraint()).isEqualTo(defaults.optimizeConstraint());
    assertThat(d.infiniteTimePartitions()).isEqualTo(defaults.infiniteTimePartitions());
    assertThat(d.inheritPrivileges()).isEqualTo(defaults.inheritPrivileges());
    assertThat(d.constraintValid()).isEqualTo(defaults.constraintValid());
    assertThat(d.ignoreDefaultData()).isEqualTo(defaults.ignoreDefaultData());
    assertThat(d.maintenanceOrder()).isNull();
  }

  @Test
  void everyOptionReachesTheDefinition() {
    SubPartitionDefinition d =
        parse(
            "--type=list",
            "--premake=7",
            "--start-partition=2026-11-16",
            "--epoch=seconds",
            "--no-default-table",
            "--constraint-cols=a,b",
            "--sub-retention=2 days",
            "--date-trunc-interval=day",
            "--automatic-maintenance=off",
            "--template-table=tpl.events",
            "--no-jobmon",
            "--no-control-not-null",
            "--time-encoder=app.enc",
            "--time-decoder=app.dec",
            "--sub-retention-schema=archive",
            "--no-sub-retention-keep-table",
            "--no-sub-retention-keep-index",
            "--sub-retention-keep-publication",
            "--optimize-constraint=5",
            "--infinite-time-partitions",
            "--inherit-privileges",
            "--no-constraint-valid",
            "--no-ignore-default-data",
            "--maintenance-order=3");
    assertThat(d.type()).isEqualTo("list");
    assertThat(d.premake()).isEqualTo(7);
    assertThat(d.startPartition()).isEqualTo("2026-11-16");
    assertThat(d.epoch()).isEqualTo("seconds");
    assertThat(d.defaultTable()).isFalse();
    assertThat(d.constraintCols()).isEqualTo(List.of("a", "b"));
    assertThat(d.subRetention()).isEqualTo("2 days");
    assertThat(d.dateTruncInterval()).isEqualTo("day");
    assertThat(d.automaticMaintenance()).isEqualTo("off");
    assertThat(d.templateTable()).isEqualTo("tpl.events");
    assertThat(d.jobmon()).isFalse();
    assertThat(d.controlNotNull()).isFalse();
    assertThat(d.timeEncoder()).isEqualTo("app.enc");
    assertThat(d.timeDecoder()).isEqualTo("app.dec");
    assertThat(d.subRetentionSchema()).isEqualTo("archive");
    assertThat(d.subRetentionKeepTable()).isFalse();
    assertThat(d.subRetentionKeepIndex()).isFalse();
    assertThat(d.subRetentionKeepPublication()).isTrue();
    assertThat(d.optimizeConstraint()).isEqualTo(5);
    assertThat(d.infiniteTimePartitions()).isTrue();
    assertThat(d.inheritPrivileges()).isTrue();
    assertThat(d.constraintValid()).isFalse();
    assertThat(d.ignoreDefaultData()).isFalse();
    assertThat(d.maintenanceOrder()).isEqualTo(3);
  }

  @Test
  void aNumberOptionGivenTextIsAUsageError() {
    CreateSubParentCommand cmd = new CreateSubParentCommand();
    assertThatThrownBy(
            () ->
                new CommandLine(cmd)
                    .parseArgs(
                        "--parent=public.events",
                        "--control=created_at",
                        "--interval=1 day",
                        "--declarative-check=yes",
                        "--optimize-constraint=many"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--optimize-constraint");
  }
}
