package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/** create-sub-parent's part_config_sub options against the test server. */
@PostgresTest
class CliSubPartitionOptionsIT {

  @TempDir Path home;

  private static final String SUB_ROW =
      "SELECT concat_ws(' ', sub_premake, sub_automatic_maintenance, sub_template_table,"
          + " sub_retention, sub_retention_schema, sub_retention_keep_table,"
          + " sub_retention_keep_index, sub_retention_keep_publication, sub_optimize_constraint,"
          + " sub_infinite_time_partitions, sub_jobmon, sub_inherit_privileges,"
          + " sub_constraint_valid, sub_ignore_default_data, sub_default_table,"
          + " sub_maintenance_order, sub_control_not_null) FROM partman.part_config_sub"
          + " WHERE sub_parent = 'public.so'";

  @Test
  void everyOptionReachesTheSubConfigAndTheSubSets(TestDatabase db) {
    db.executeAsAdmin("ALTER DATABASE " + db.name() + " SET timezone = 'UTC'");
    db.execute(
        "CREATE TABLE public.so (id bigint NOT NULL, ts timestamptz NOT NULL, n int)"
            + " PARTITION BY RANGE (id)",
        "CREATE SCHEMA so_arch",
        "CREATE TABLE public.so_tpl (id bigint, ts timestamptz, n int)");
    CliRun made =
        CliRun.on(
            db,
            home,
            "create-parent",
            "--parent=public.so",
            "--control=id",
            "--interval=100",
            "--premake=1");
    assertThat(made.exit()).as(made.err()).isZero();
    String before = Catalog.snapshot(db.adminDataSource());

    String[] options = {
      "create-sub-parent",
      "--parent=public.so",
      "--control=ts",
      "--interval=1 day",
      "--declarative-check=yes",
      "--premake=2",
      "--no-default-table",
      "--automatic-maintenance=off",
      "--template-table=public.so_tpl",
      "--no-jobmon",
      "--no-control-not-null",
      "--sub-retention=2 days",
      "--sub-retention-schema=so_arch",
      "--no-sub-retention-keep-table",
      "--no-sub-retention-keep-index",
      "--sub-retention-keep-publication",
      "--optimize-constraint=5",
      "--infinite-time-partitions",
      "--inherit-privileges",
      "--no-constraint-valid",
      "--no-ignore-default-data",
      "--maintenance-order=7"
    };
    // a bad value among them: refused with the option's problem named, nothing changed
    String[] bad = options.clone();
    bad[16] = "--optimize-constraint=-1";
    CliRun refused = CliRun.on(db, home, bad);
    assertThat(refused.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(refused.err()).startsWith("partman: ").contains("optimize_constraint");
    String[] noSchema = options.clone();
    noSchema[12] = "--sub-retention-schema=so_nowhere";
    CliRun missing = CliRun.on(db, home, noSchema);
    assertThat(missing.exit()).as(missing.err()).isNotZero();
    assertThat(missing.err()).contains("so_nowhere");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);

    CliRun real = CliRun.on(db, home, append(options, "-o", "json"));
    assertThat(real.exit()).as(real.err()).isZero();
    assertThat(real.out()).contains("\"public.so_p0\"");
    assertThat(db.queryString(SUB_ROW))
        .isEqualTo("2 off public.so_tpl 2 days so_arch f f t 5 t f t f f f 7 f");
    assertThat(
            db.queryString(
                "SELECT concat_ws(' ', premake, automatic_maintenance, template_table, retention,"
                    + " retention_schema, retention_keep_table, retention_keep_index,"
                    + " retention_keep_publication, optimize_constraint, infinite_time_partitions,"
                    + " jobmon, inherit_privileges, constraint_valid, ignore_default_data,"
                    + " maintenance_order) FROM partman.part_config"
                    + " WHERE parent_table = 'public.so_p0'"))
        .isEqualTo("2 off public.so_tpl 2 days so_arch f f t 5 t f t f f 7");
    assertThat(
            db.queryColumn(
                "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                    + " WHERE i.inhparent = 'public.so_p0'::regclass"))
        .isNotEmpty()
        .noneMatch(name -> name.endsWith("_default"));
  }

  private static String[] append(String[] args, String... more) {
    String[] out = new String[args.length + more.length];
    System.arraycopy(args, 0, out, 0, args.length);
    System.arraycopy(more, 0, out, args.length, more.length);
    return out;
  }
}
