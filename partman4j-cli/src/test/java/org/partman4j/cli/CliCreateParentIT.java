package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/** {@code partman create-parent} end to end against the test server, output captured. */
@PostgresTest
class CliCreateParentIT {

  @TempDir Path home;

  @BeforeAll
  static void tables(TestDatabase db) {
    db.execute(
        "CREATE TABLE public.orders (id bigint NOT NULL, note text) PARTITION BY RANGE (id)",
        "CREATE TABLE public.dry (id bigint NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE public.locked (id bigint NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE public.events (at timestamptz NOT NULL) PARTITION BY RANGE (at)");
    CliRun install = CliRun.on(db, Path.of("/nonexistent"), "install");
    assertThat(install.exit()).as(install.err()).isZero();
  }

  private static List<String> children(TestDatabase db, String parent) {
    return db.queryColumn(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
            + " WHERE i.inhparent = '"
            + parent
            + "'::regclass ORDER BY 1");
  }

  @Test
  void createsTheSetAndListsItsChildrenThenResumes(TestDatabase db) {
    CliRun r =
        CliRun.on(
            db,
            home,
            "create-parent",
            "--parent=public.orders",
            "--control=id",
            "--interval=10",
            "--premake=2");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith(
            "Created partition set public.orders: 3 children created, template table"
                + " partman.template_public_orders.\n\nchild")
        .contains("orders_p0       created\n")
        .contains("orders_p20      created\n")
        .contains("orders_default  created (default)\n");
    assertThat(children(db, "public.orders"))
        .containsExactly("orders_default", "orders_p0", "orders_p10", "orders_p20");
    assertThat(db.queryString("SELECT premake FROM partman.part_config")).isEqualTo("2");

    CliRun again =
        CliRun.on(
            db,
            home,
            "create-parent",
            "--parent=public.orders",
            "--control=id",
            "--interval=10",
            "--premake=2",
            "-o",
            "json");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out())
        .startsWith("{\n  \"parent_table\": \"public.orders\",\n  \"resumed\": true,\n")
        .contains("\"created\": []");
    assertThat(children(db, "public.orders")).hasSize(4);
  }

  @Test
  void aDryRunPrintsTheSqlInOrderAndChangesNothing(TestDatabase db) {
    String before = Catalog.snapshot(db.adminDataSource());
    String[] args = {
      "create-parent", "--parent=public.dry", "--control=id", "--interval=100", "--dry-run"
    };
    CliRun r = CliRun.on(db, home, args);
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "-- Dry run of create-parent for public.dry: nothing was changed. These statements"
                + " would run, in order:");
    assertThat(lines.subList(1, lines.size())).allMatch(l -> !l.isBlank());
    assertThat(r.out())
        .contains("INSERT INTO \"partman\".\"part_config\"")
        .contains("CREATE TABLE \"public\".\"dry_p0\"")
        .contains("ATTACH PARTITION \"public\".\"dry_default\" DEFAULT;\n");
    // the parent's row comes before its children, the default last
    assertThat(r.out().indexOf("part_config")).isLessThan(r.out().indexOf("dry_p0"));
    assertThat(r.out().indexOf("dry_p400")).isLessThan(r.out().indexOf("dry_default"));

    CliRun json = CliRun.on(db, home, append(args, "-o", "json"));
    assertThat(json.exit()).isZero();
    assertThat(json.out())
        .startsWith(
            "{\n  \"parent_table\": \"public.dry\",\n  \"dry_run\": true,\n  \"statements\": [\n");

    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    assertThat(
            db.queryString(
                "SELECT count(*) FROM partman.part_config WHERE parent_table = 'public.dry'"))
        .isEqualTo("0");
  }

  @Test
  void badInputIsOneLineWithTheRightStatusAndChangesNothing(TestDatabase db) {
    String before = Catalog.snapshot(db.adminDataSource());

    CliRun missing =
        CliRun.on(
            db, home, "create-parent", "--parent=public.nope", "--control=id", "--interval=10");
    assertThat(missing.exit()).isEqualTo(ExitCode.FAILED.code());
    assertThat(missing.err().lines()).hasSize(1);
    assertThat(missing.err()).startsWith("partman: ").contains("public.nope");

    CliRun badInterval =
        CliRun.on(
            db,
            home,
            "create-parent",
            "--parent=public.events",
            "--control=at",
            "--interval=1 fortnight");
    assertThat(badInterval.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(badInterval.err()).contains("'1 fortnight'").contains("'1 day'");

    CliRun badColumn =
        CliRun.on(
            db, home, "create-parent", "--parent=public.events", "--control=nope", "--interval=1");
    assertThat(badColumn.exit()).isNotZero();
    assertThat(badColumn.err()).contains("nope");

    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void lockAttemptsOfOneGivesUpAfterTheFirstLockTimeout(TestDatabase db) throws Exception {
    try (Connection holder = db.dataSource().getConnection();
        Statement st = holder.createStatement()) {
      holder.setAutoCommit(false);
      st.execute("LOCK TABLE public.locked IN ACCESS EXCLUSIVE MODE");
      long start = System.nanoTime();
      CliRun r =
          CliRun.on(
              db,
              home,
              "create-parent",
              "--parent=public.locked",
              "--control=id",
              "--interval=10",
              "--lock-timeout=100ms",
              "--lock-attempts=1");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.LOCK_TIMEOUT.code());
      assertThat(r.err()).startsWith("partman: ").contains("lock");
      assertThat(millis).as("no retries with growing pauses").isLessThan(5_000);
      holder.rollback();
    }
  }

  @Test
  void lockAttemptsMustBeOneOrMore(TestDatabase db) {
    CliRun r =
        CliRun.on(
            db,
            home,
            "create-parent",
            "--parent=public.locked",
            "--control=id",
            "--interval=10",
            "--lock-attempts=0");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err())
        .isEqualTo(
            "partman: Invalid value for option '--lock-attempts': '0' is not a number of attempts;"
                + " give a whole number of 1 or more. See 'partman create-parent --help'.\n");
  }

  static String[] append(String[] args, String... more) {
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }
}
