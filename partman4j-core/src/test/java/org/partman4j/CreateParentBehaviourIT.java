package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;
import org.partman4j.testsupport.RowWriter;

/** createParent and createPartition beyond the golden cases: reruns, locks, names, encodings. */
@PostgresTest
class CreateParentBehaviourIT {

  private static final Instant NOW = CreateParentGoldenIT.NOW;

  private static Partman partman(TestDatabase db) {
    return CreateParentGoldenIT.partman(db, "UTC", NOW);
  }

  private static List<String> partitions(TestDatabase db, String parent) {
    return CreateParentGoldenIT.partitions(db, parent, "UTC");
  }

  @Test
  void createPartitionAddsChildrenAndSkipsExistingOnes(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA cp",
        "CREATE TABLE cp.t (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)",
        "CREATE TABLE cp.i (id bigint NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE cp.l (id smallint NOT NULL) PARTITION BY LIST (id)");
    Partman partman = partman(db);
    partman.createParent(PartitionSetDefinition.of("cp.t", "ts", "1 day").premake(1));
    partman.createParent(PartitionSetDefinition.of("cp.i", "id", "100").premake(1));
    partman.createParent(PartitionSetDefinition.of("cp.l", "id", "1").type("list").premake(1));

    CreatePartitionResult time =
        partman.createPartition("cp.t", List.of("2026-12-25", "2026-11-22 00:00:00+00"));
    CreatePartitionResult ids = partman.createPartition("cp.i", List.of("-100", "1000"));
    CreatePartitionResult list = partman.createPartition("cp.l", List.of("15", "1"));

    assertThat(time.created()).containsExactly("t_p20261225");
    assertThat(time.alreadyThere()).containsExactly("t_p20261122");
    assertThat(partitions(db, "cp.t"))
        .contains(
            "t_p20261225 FOR VALUES FROM ('2026-12-25 00:00:00+00') TO ('2026-12-26 00:00:00+00')");
    assertThat(ids.created()).containsExactly("i_p-100", "i_p1000");
    assertThat(partitions(db, "cp.i"))
        .contains(
            "i_p-100 FOR VALUES FROM ('-100') TO ('0')",
            "i_p1000 FOR VALUES FROM ('1000') TO ('1100')");
    assertThat(list.created()).containsExactly("l_p15");
    assertThat(list.alreadyThere()).containsExactly("l_p1");

    String before = Catalog.snapshot(db.adminDataSource());
    assertThatThrownBy(() -> partman.createPartition("cp.i", List.of("12.5")))
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("'12.5'");
    assertThatThrownBy(() -> partman.createPartition("cp.t", List.of("not a time")))
        .isInstanceOf(PartmanException.class)
        .hasMessageContaining("not a time");
    assertThatThrownBy(() -> partman.createPartition("cp.nope", List.of("1")))
        .isInstanceOf(PartmanException.class)
        .hasMessageContaining("cp.nope");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void aRerunCompletesTheSetAndAnotherDefinitionIsRefused(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA rr", "CREATE TABLE rr.t (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
    Partman partman = partman(db);
    PartitionSetDefinition def = PartitionSetDefinition.of("rr.t", "ts", "1 day");
    partman.createParent(def);
    db.execute("DROP TABLE rr.t_p20261118", "DROP TABLE rr.t_p20261126");

    CreateParentResult again = partman.createParent(def);

    assertThat(again.resumed()).isTrue();
    assertThat(again.created()).containsExactly("t_p20261118", "t_p20261126");
    assertThat(again.alreadyThere()).hasSize(7);
    assertThat(again.defaultPartition()).isNull();
    assertThatThrownBy(() -> partman.createParent(def.premake(7)))
        .isInstanceOfSatisfying(
            PartmanException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.SET_ALREADY_EXISTS))
        .hasMessageContaining("rr.t is already managed");
  }

  @Test
  void aLockTimeoutLeavesARegisteredSetThatARerunCompletes(TestDatabase db) throws Exception {
    db.execute(
        "CREATE SCHEMA lk", "CREATE TABLE lk.t (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
    Partman impatient =
        Partman.configure()
            .dataSource(db.dataSource())
            .timeZone(ZoneId.of("UTC"))
            .clock(NOW)
            .lockTimeout(Duration.ofMillis(100))
            .lockAttempts(2)
            .load();
    PartitionSetDefinition def = PartitionSetDefinition.of("lk.t", "ts", "1 day");
    try (Connection holder = db.dataSource().getConnection();
        Statement st = holder.createStatement()) {
      holder.setAutoCommit(false);
      st.execute("LOCK TABLE lk.t IN SHARE MODE"); // ATTACH needs SHARE UPDATE EXCLUSIVE
      assertThatThrownBy(() -> impatient.createParent(def))
          .isInstanceOfSatisfying(
              PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT))
          .hasMessageContaining("lk.t");
      holder.rollback();
    }
    assertThat(
            db.queryString("SELECT count(*) FROM partman.part_config WHERE parent_table = 'lk.t'"))
        .isEqualTo("1");
    assertThat(partitions(db, "lk.t")).isEmpty();
    assertThat(db.queryString("SELECT count(*) FROM pg_tables WHERE schemaname = 'lk'"))
        .as("no unattached child left behind")
        .isEqualTo("1");

    CreateParentResult rerun = impatient.createParent(def);

    assertThat(rerun.resumed()).isTrue();
    assertThat(rerun.created()).hasSize(9);
    assertThat(partitions(db, "lk.t")).hasSize(10);
  }

  @Test
  void twoProcessesCreatingTheSameSetBothSucceed(TestDatabase db) throws Exception {
    db.execute(
        "CREATE SCHEMA tw", "CREATE TABLE tw.t (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
    PartitionSetDefinition def =
        PartitionSetDefinition.of("tw.t", "ts", "1 day").startPartition("2026-09-01");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<CreateParentResult>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Partman p = partman(db);
        results.add(pool.submit(() -> p.createParent(def)));
      }
      int created = 0;
      int resumed = 0;
      for (Future<CreateParentResult> f : results) {
        CreateParentResult r = f.get();
        created += r.created().size();
        resumed += r.resumed() ? 1 : 0;
      }
      assertThat(created).isEqualTo(87); // 2026-09-01 .. 2026-11-26
      assertThat(resumed).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(partitions(db, "tw.t")).hasSize(88);
  }

  @Test
  void writersKeepWritingWhileHundredsOfChildrenAreCreated(TestDatabase db) throws Exception {
    db.execute(
        "CREATE SCHEMA wr",
        "CREATE TABLE wr.t (id bigint GENERATED ALWAYS AS IDENTITY, ts timestamptz NOT NULL)"
            + " PARTITION BY RANGE (ts)",
        // A default made by the user before registering: kept, and it takes the writer's rows.
        "CREATE TABLE wr.t_default PARTITION OF wr.t DEFAULT");
    RowWriter writer =
        RowWriter.start(
            db.dataSource(), "INSERT INTO wr.t (ts) VALUES ('2100-01-01'::timestamptz)");
    CreateParentResult result;
    try {
      result =
          partman(db)
              .createParent(
                  PartitionSetDefinition.of("wr.t", "ts", "1 day").startPartition("2026-01-01"));
    } finally {
      writer.close();
    }

    assertThat(result.created()).hasSize(330);
    assertThat(result.defaultPartition()).isNull();
    assertThat(writer.failed()).isZero();
    assertThat(writer.inserted()).isPositive();
    System.out.printf(
        "createParent of 330 children beside a writer: %d inserts, worst stall %d ms%n",
        writer.inserted(), writer.worstStallMillis());
  }

  @Test
  void quotedSpacedAndUnicodeNamesWork(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA \"My Schema\"",
        "CREATE TABLE \"My Schema\".\"Ev\"\"ents ü\" (\"Created At\" timestamptz NOT NULL)"
            + " PARTITION BY RANGE (\"Created At\")");

    CreateParentResult r =
        partman(db)
            .createParent(
                PartitionSetDefinition.of("My Schema.Ev\"ents ü", "Created At", "1 month")
                    .premake(1));

    assertThat(r.created())
        .containsExactly("Ev\"ents ü_p20261001", "Ev\"ents ü_p20261101", "Ev\"ents ü_p20261201");
    assertThat(r.defaultPartition()).isEqualTo("Ev\"ents ü_default");
    assertThat(r.templateTable()).isEqualTo("partman.template_My Schema_Ev\"ents ü");
    assertThat(partitions(db, "\"My Schema\".\"Ev\"\"ents ü\"")).hasSize(4);
  }

  @Test
  void uuidSetsUseTheUuid7EncodingOfPgPartman(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA u",
        "CREATE TABLE u.t (id uuid NOT NULL, v int) PARTITION BY RANGE (id)",
        // pg_partman's uuid7_time_encoder, as SQL, to compare with.
        "CREATE FUNCTION u.enc(ts timestamptz) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$"
            + " SELECT (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-0000-0000-000000000000')::uuid"
            + " FROM (SELECT lpad(to_hex((extract(epoch FROM ts) * 1000)::bigint), 12, '0') AS h) x"
            + " $$");

    partman(db).createParent(PartitionSetDefinition.of("u.t", "id", "1 day").premake(1));

    assertThat(
            db.queryString(
                "SELECT time_encoder || ' ' || time_decoder FROM partman.part_config"
                    + " WHERE parent_table = 'u.t'"))
        .isEqualTo("partman.uuid7_time_encoder partman.uuid7_time_decoder");
    assertThat(partitions(db, "u.t"))
        .contains(
            "t_p20261122 FOR VALUES FROM ('"
                + db.queryString("SELECT u.enc('2026-11-22 00:00:00+00')")
                + "') TO ('"
                + db.queryString("SELECT u.enc('2026-11-23 00:00:00+00')")
                + "')");
  }

  @Test
  void aDryRunShowsTheStatementsAndChangesNothing(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA dr", "CREATE TABLE dr.t (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");
    Partman partman = partman(db);
    partman.install();
    String before = Catalog.snapshot(db.adminDataSource());

    List<String> sql =
        partman.createParentDryRun(PartitionSetDefinition.of("dr.t", "ts", "1 day").premake(1));

    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    assertThat(
            db.queryString("SELECT count(*) FROM partman.part_config WHERE parent_table = 'dr.t'"))
        .isEqualTo("0");
    assertThat(sql.get(0)).startsWith("CREATE TABLE IF NOT EXISTS \"partman\".\"template_dr_t\"");
    assertThat(sql)
        .anySatisfy(s -> assertThat(s).startsWith("INSERT INTO \"partman\".\"part_config\""))
        .anySatisfy(s -> assertThat(s).contains("ATTACH PARTITION \"dr\".\"t_p20261122\""))
        .anySatisfy(s -> assertThat(s).contains("\"dr\".\"t_default\" DEFAULT"));
  }

  @Test
  void noTemplateWithADefaultPartitionWorks(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA nt", "CREATE TABLE nt.t (ts timestamptz NOT NULL) PARTITION BY RANGE (ts)");

    CreateParentResult r =
        partman(db)
            .createParent(
                PartitionSetDefinition.of("nt.t", "ts", "1 day")
                    .templateTable(PartitionSetDefinition.NO_TEMPLATE));

    assertThat(r.templateTable()).isNull();
    assertThat(r.defaultPartition()).isEqualTo("t_default");
    assertThat(db.queryString("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'template_nt%'"))
        .isEqualTo("0");
  }

  @Test
  void dstFallBackOnATimestampColumnMakesContiguousLocalChildren(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA ts", "CREATE TABLE ts.h (ts timestamp NOT NULL) PARTITION BY RANGE (ts)");

    CreateParentGoldenIT.partman(db, "America/New_York", Instant.parse("2026-11-01T06:30:00Z"))
        .createParent(PartitionSetDefinition.of("ts.h", "ts", "1 hour").premake(2));

    assertThat(CreateParentGoldenIT.partitions(db, "ts.h", "America/New_York"))
        .contains(
            "h_p20261101_000000 FOR VALUES FROM ('2026-11-01 00:00:00') TO ('2026-11-01 01:00:00')",
            "h_p20261101_010000 FOR VALUES FROM ('2026-11-01 01:00:00') TO ('2026-11-01 02:00:00')",
            "h_p20261101_020000 FOR VALUES FROM ('2026-11-01 02:00:00') TO ('2026-11-01 03:00:00')");
  }
}
