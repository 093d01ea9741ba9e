package org.partman4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/** Retention (reference §10, §17 scenarios) against PostgreSQL, with a fixed clock. */
@PostgresTest
class RetentionIT {

  static final Instant NOW = CreateParentGoldenIT.NOW; // 2026-11-22 03:22:39 UTC

  static Partman partman(TestDatabase db) {
    return CreateParentGoldenIT.partman(db, "UTC", NOW);
  }

  /** The set's children (default included), by name. */
  static List<String> children(TestDatabase db, String parent) {
    return db.queryColumn(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
            + " WHERE i.inhparent = '"
            + parent
            + "'::regclass ORDER BY c.relname COLLATE \"C\"");
  }

  static List<String> tables(TestDatabase db, String schema) {
    return db.queryColumn(
        "SELECT tablename FROM pg_tables WHERE schemaname = '"
            + schema
            + "' ORDER BY tablename COLLATE \"C\"");
  }

  static List<String> days(String prefix, int from, int to) {
    List<String> out = new ArrayList<>();
    for (int d = from; d <= to; d++) {
      out.add(prefix + String.format("%02d", d));
    }
    return out;
  }

  /** A daily set from 2026-11-01 to 2026-11-26, with a default unless said otherwise. */
  static Partman daily(TestDatabase db, String schema, boolean withDefault, String... more) {
    db.execute(
        "CREATE SCHEMA " + schema,
        "CREATE TABLE "
            + schema
            + ".t (id bigint NOT NULL, ts timestamptz NOT NULL, note text,"
            + " PRIMARY KEY (id, ts)) PARTITION BY RANGE (ts)");
    if (more.length > 0) {
      db.execute(more);
    }
    Partman partman = partman(db);
    partman.createParent(
        PartitionSetDefinition.of(schema + ".t", "ts", "1 day")
            .startPartition("2026-11-01")
            .premake(4)
            .defaultTable(withDefault));
    return partman;
  }

  @Test
  void configuredTimeRetentionDropsChildrenWhoseEndIsPastTheCutoff(TestDatabase db) {
    Partman partman = daily(db, "rd", true);
    db.execute(
        "UPDATE partman.part_config SET retention = '3 days', retention_keep_table = false"
            + " WHERE parent_table = 'rd.t'");

    RetentionOutcome r = partman.dropPartitionTime("rd.t", null, null, null, null, null);

    // cutoff 2026-11-19 03:22:39: p20261118 (ends 11-19 00:00) goes, p20261119 stays
    assertThat(r.dropped()).isEqualTo(days("t_p202611", 1, 18));
    assertThat(r.count()).isEqualTo(18);
    assertThat(r.detached()).isEmpty();
    assertThat(r.moved()).isEmpty();
    assertThat(r.concurrent()).as("a set with a default detaches plainly").isFalse();
    assertThat(children(db, "rd.t")).first().isEqualTo("t_default");
    assertThat(children(db, "rd.t")).hasSize(9).contains("t_p20261119", "t_p20261126");
    assertThat(tables(db, "rd")).doesNotContain("t_p20261118");
    assertThat(partman.dropPartitionTime("rd.t", null, null, null, null, null).count()).isZero();
  }

  @Test
  void withoutADefaultChildrenAreDetachedConcurrentlyAndAnExplicitReferenceIsUsed(TestDatabase db) {
    Partman partman = daily(db, "rc", false);

    RetentionOutcome r =
        partman.dropPartitionTime(
            "rc.t", "2 days", Instant.parse("2026-11-10T12:00:00Z"), false, null, null);

    assertThat(r.concurrent()).isTrue();
    assertThat(r.dropped()).isEqualTo(days("t_p202611", 1, 7));
    assertThat(tables(db, "rc")).doesNotContain("t_p20261107").contains("t_p20261108");
    assertThat(
            db.queryString(
                "SELECT retention IS NULL FROM partman.part_config WHERE parent_table = 'rc.t'"))
        .as("the given retention is for this call only")
        .isEqualTo("t");
  }

  @Test
  void theLastChildIsKept(TestDatabase db) {
    Partman partman = daily(db, "rl", false);

    RetentionOutcome r =
        partman.dropPartitionTime(
            "rl.t", "1 day", Instant.parse("2027-06-01T00:00:00Z"), false, null, null);

    assertThat(r.dropped()).hasSize(25);
    assertThat(r.keptLast()).isEqualTo("t_p20261126");
    assertThat(children(db, "rl.t")).containsExactly("t_p20261126");
  }

  @Test
  void keepTableDetachesAndKeepsIndexes(TestDatabase db) {
    Partman partman = daily(db, "kt", true);
    db.execute(
        "CREATE INDEX ON kt.t (note)",
        "INSERT INTO kt.t VALUES (1, '2026-11-02 12:00:00+00', 'x')");

    RetentionOutcome r = partman.dropPartitionTime("kt.t", "20 days", null, true, null, null);

    assertThat(r.detached()).isEqualTo(days("t_p202611", 1, 1));
    assertThat(r.dropped()).isEmpty();
    assertThat(children(db, "kt.t")).doesNotContain("t_p20261101");
    assertThat(tables(db, "kt")).contains("t_p20261101");
    assertThat(
            db.queryString(
                "SELECT count(*) FROM pg_indexes WHERE schemaname = 'kt' AND tablename = 't_p20261101'"))
        .isEqualTo("2");
    assertThat(
            db.queryString(
                "SELECT count(*) FROM pg_constraint WHERE conrelid = 'kt.t_p20261101'::regclass"
                    + " AND contype = 'p'"))
        .isEqualTo("1");
    // r detached 11-01 only (cutoff 11-02 03:22): p20261102 holds the row and stays attached
    assertThat(db.queryString("SELECT count(*) FROM kt.t")).isEqualTo("1");
  }

  @Test
  void keepIndexFalseDropsTheDetachedChildsIndexesAndConstraints(TestDatabase db) {
    Partman partman = daily(db, "ki", false);
    db.execute(
        "CREATE INDEX ON ki.t (note)",
        "UPDATE partman.part_config SET retention = '19 days', retention_keep_table = true,"
            + " retention_keep_index = false WHERE parent_table = 'ki.t'");

    RetentionOutcome r = partman.dropPartitionTime("ki.t", null, null, null, null, null);

    assertThat(r.detached()).isEqualTo(days("t_p202611", 1, 2));
    for (String t : r.detached()) {
      assertThat(
              db.queryString(
                  "SELECT count(*) FROM pg_indexes WHERE schemaname = 'ki' AND tablename = '"
                      + t
                      + "'"))
          .isEqualTo("0");
      assertThat(
              db.queryString(
                  "SELECT count(*) FROM pg_constraint WHERE conrelid = 'ki."
                      + t
                      + "'::regclass AND contype IN ('p', 'u', 'x')"))
          .isEqualTo("0");
    }
    assertThat(
            db.queryString(
                "SELECT count(*) FROM pg_indexes WHERE schemaname = 'ki'"
                    + " AND tablename = 't_p20261103'"))
        .as("attached children keep theirs")
        .isEqualTo("2");
  }

  @Test
  void aRetentionSchemaReceivesTheChildrenWithTheirIndexes(TestDatabase db) {
    Partman partman = daily(db, "rs", true, "CREATE SCHEMA rs_archive");
    db.execute(
        "UPDATE partman.part_config SET retention = '19 days', retention_schema = 'rs_archive',"
            + " retention_keep_table = false WHERE parent_table = 'rs.t'");

    RetentionOutcome r = partman.dropPartitionTime("rs.t", null, null, null, null, null);

    assertThat(r.moved()).isEqualTo(days("t_p202611", 1, 2));
    assertThat(r.retentionSchema()).isEqualTo("rs_archive");
    assertThat(tables(db, "rs_archive")).isEqualTo(r.moved());
    assertThat(tables(db, "rs")).doesNotContain("t_p20261101");
    assertThat(
            db.queryString(
                "SELECT count(*) FROM pg_indexes WHERE schemaname = 'rs_archive'"
                    + " AND tablename = 't_p20261101'"))
        .isEqualTo("1");
  }

  @Test
  void aNameTakenInTheRetentionSchemaOrAMissingSchemaChangesNothing(TestDatabase db) {
    Partman partman = daily(db, "rx", true, "CREATE SCHEMA rx_archive");
    db.execute("CREATE TABLE rx_archive.t_p20261102 (x int)");
    String before = Catalog.snapshot(db.adminDataSource());

    fails(
        () -> partman.dropPartitionTime("rx.t", "19 days", null, null, null, "rx_archive"),
        ErrorCode.NAME_COLLISION,
        "rx.t_p20261102",
        "rx_archive",
        "nothing was changed");
    fails(
        () -> partman.dropPartitionTime("rx.t", "19 days", null, null, null, "no_such_schema"),
        ErrorCode.OBJECT_NOT_FOUND,
        "\"no_such_schema\"",
        "does not exist");
    fails(
        () -> partman.dropPartitionTime("rx.t", "19 days", null, null, null, "rx"),
        ErrorCode.INVALID_ARGUMENT,
        "is the schema its children are in");

    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void publicationsLoseRetiredChildrenUnlessKeepPublication(TestDatabase db) {
    Partman partman = daily(db, "pb", false);
    db.execute(
        "CREATE PUBLICATION pb_pub FOR TABLE pb.t_p20261101, pb.t_p20261102, pb.t_p20261110",
        "UPDATE partman.part_config SET retention_keep_table = true WHERE parent_table = 'pb.t'");
    String members =
        "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_publication_tables"
            + " WHERE pubname = 'pb_pub'";

    RetentionOutcome dropped =
        partman.dropPartitionTime(
            "pb.t", "1 day", Instant.parse("2026-11-03T00:00:01Z"), null, null, null);
    assertThat(dropped.detached()).containsExactly("t_p20261101");
    assertThat(db.queryString(members)).isEqualTo("t_p20261102,t_p20261110");

    db.execute(
        "UPDATE partman.part_config SET retention_keep_publication = true"
            + " WHERE parent_table = 'pb.t'");
    RetentionOutcome kept =
        partman.dropPartitionTime(
            "pb.t", "1 day", Instant.parse("2026-11-04T00:00:01Z"), null, null, null);
    assertThat(kept.detached()).containsExactly("t_p20261102");
    assertThat(db.queryString(members)).isEqualTo("t_p20261102,t_p20261110");
    assertThat(children(db, "pb.t")).doesNotContain("t_p20261102");
  }

  @Test
  void idRetentionCountsBackFromTheLargestIdInTheChildren(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA ir",
        "CREATE TABLE ir.t (id bigint NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE ir.e (id bigint NOT NULL) PARTITION BY RANGE (id)");
    Partman partman = partman(db);
    partman.createParent(
        PartitionSetDefinition.of("ir.t", "id", "10").startPartition("0").premake(12));
    partman.createParent(PartitionSetDefinition.of("ir.e", "id", "10").defaultTable(false));
    db.execute(
        "INSERT INTO ir.t SELECT generate_series(1, 117)",
        "INSERT INTO ir.t_default VALUES (100000)"); // the default does not count
    List<String> before = children(db, "ir.t");

    RetentionOutcome r = partman.dropPartitionId("ir.t", 100L, false, null, null);

    assertThat(r.dropped()).containsExactly("t_p0");
    assertThat(children(db, "ir.t")).hasSize(before.size() - 1);
    db.execute(
        "UPDATE partman.part_config SET retention = '50', retention_keep_table = false"
            + " WHERE parent_table = 'ir.t'");
    assertThat(partman.dropPartitionId("ir.t", null, null, null, null).dropped())
        .containsExactly("t_p10", "t_p20", "t_p30", "t_p40", "t_p50");
    assertThat(partman.dropPartitionId("ir.e", 0L, null, null, null).count())
        .as("no rows: nothing qualifies")
        .isZero();
  }

  @Test
  void epochAndEncodedSetsCompareTheirBoundsAsTimes(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA ep",
        "CREATE TABLE ep.t (ts bigint NOT NULL) PARTITION BY RANGE (ts)",
        "CREATE TABLE ep.u (id uuid NOT NULL) PARTITION BY RANGE (id)");
    Partman partman = partman(db);
    partman.createParent(
        PartitionSetDefinition.of("ep.t", "ts", "1 day")
            .epoch("seconds")
            .startPartition("2026-11-15"));
    partman.createParent(
        PartitionSetDefinition.of("ep.u", "id", "1 day").startPartition("2026-11-15"));

    RetentionOutcome epoch = partman.dropPartitionTime("ep.t", "5 days", null, false, null, null);
    RetentionOutcome uuid = partman.dropPartitionTime("ep.u", "5 days", null, false, null, null);

    // cutoff 2026-11-17 03:22:39: 11-15 and 11-16 end before it
    assertThat(epoch.dropped()).containsExactly("t_p20261115", "t_p20261116");
    assertThat(uuid.dropped()).containsExactly("u_p20261115", "u_p20261116");
    assertThat(children(db, "ep.t")).contains("t_p20261117").doesNotContain("t_p20261116");
  }

  @Test
  void aRetiredSubPartitionedChildTakesItsConfigurationAlong(TestDatabase db) {
    Partman partman = daily(db, "sp", false);
    db.execute(
        "DROP TABLE sp.t_p20261101",
        "CREATE TABLE sp.t_p20261101 PARTITION OF sp.t FOR VALUES FROM ('2026-11-01 00:00:00+00')"
            + " TO ('2026-11-02 00:00:00+00') PARTITION BY RANGE (id)");
    partman.createParent(
        PartitionSetDefinition.of("sp.t_p20261101", "id", "100").defaultTable(false));
    assertThat(children(db, "sp.t_p20261101")).isNotEmpty();

    RetentionOutcome r = partman.dropPartitionTime("sp.t", "20 days", null, false, null, null);

    assertThat(r.dropped()).containsExactly("t_p20261101");
    assertThat(r.configsRemoved()).containsExactly("sp.t_p20261101");
    assertThat(
            db.queryString(
                "SELECT count(*) FROM partman.part_config WHERE parent_table LIKE 'sp.%'"))
        .isEqualTo("1");
    assertThat(tables(db, "sp")).noneMatch(t -> t.startsWith("t_p20261101"));
  }

  @Test
  void aDependentViewStopsTheDropAndNamesTheChild(TestDatabase db) {
    Partman partman = daily(db, "dv", false);
    db.execute("CREATE VIEW dv.v AS SELECT * FROM dv.t_p20261103");

    fails(
        () -> partman.dropPartitionTime("dv.t", "17 days", null, false, null, null),
        ErrorCode.DATABASE_ERROR,
        "Retention of dv.t stopped at dv.t_p20261103 after retiring t_p20261101, t_p20261102",
        "dv.v");

    assertThat(children(db, "dv.t")).first().isEqualTo("t_p20261104");
    assertThat(tables(db, "dv")).contains("t_p20261103").doesNotContain("t_p20261102");
    db.execute("DROP VIEW dv.v");
  }

  @Test
  void dateAndTimestampSetsReadTheirBoundsInTheSetsZone(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA dt",
        "CREATE TABLE dt.d (day date NOT NULL) PARTITION BY RANGE (day)",
        "CREATE TABLE dt.l (ts timestamp NOT NULL) PARTITION BY RANGE (ts)");
    Partman partman = CreateParentGoldenIT.partman(db, "Pacific/Auckland", NOW);
    for (String t : List.of("dt.d", "dt.l")) {
      partman.createParent(
          PartitionSetDefinition.of(t, t.equals("dt.d") ? "day" : "ts", "1 day")
              .startPartition("2026-11-15")
              .defaultTable(false));
    }

    // NOW is 2026-11-22 16:22:39 in Auckland (+13): cutoff 2026-11-20 10:22:39 local, which is
    // 2026-11-19 21:22:39 UTC; p20261119 ends at local midnight (11-19 11:00 UTC) and goes; read
    // as UTC midnight its end would be after the cutoff
    assertThat(
            partman.dropPartitionTime("dt.d", "2 days 6 hours", null, false, null, null).dropped())
        .last()
        .isEqualTo("d_p20261119");
    assertThat(
            partman.dropPartitionTime("dt.l", "2 days 6 hours", null, false, null, null).dropped())
        .last()
        .isEqualTo("l_p20261119");
  }

  @Test
  void badInputIsRefusedWithAClearErrorAndNothingChanges(TestDatabase db) {
    Partman partman = daily(db, "bad", true);
    db.execute(
        "CREATE TABLE bad.i (id bigint NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE bad.plain (x int)");
    partman.createParent(PartitionSetDefinition.of("bad.i", "id", "10"));
    String before = Catalog.snapshot(db.adminDataSource());

    fails(
        () -> partman.dropPartitionTime("bad.nope", "1 day", null, null, null, null),
        ErrorCode.OBJECT_NOT_FOUND,
        "bad.nope");
    fails(
        () -> partman.dropPartitionTime("bad.plain", "1 day", null, null, null, null),
        ErrorCode.SET_NOT_FOUND,
        "bad.plain");
    fails(
        () -> partman.dropPartitionTime("bad.t", "3 dayz", null, null, null, null),
        ErrorCode.INVALID_ARGUMENT,
        "'3 dayz'");
    fails(
        () -> partman.dropPartitionTime("bad.t", "-3 days", null, null, null, null),
        ErrorCode.INVALID_ARGUMENT,
        "negative");
    fails(
        () -> partman.dropPartitionTime("bad.t", null, null, null, null, null),
        ErrorCode.INVALID_ARGUMENT,
        "no retention configured");
    fails(
        () -> partman.dropPartitionTime("bad.t", "1 day", null, null, null, " "),
        ErrorCode.INVALID_ARGUMENT,
        "retention schema is empty");
    fails(
        () -> partman.dropPartitionTime("bad.i", "1 day", null, null, null, null),
        ErrorCode.INVALID_ARGUMENT,
        "use dropPartitionId");
    fails(
        () -> partman.dropPartitionId("bad.t", 10L, null, null, null),
        ErrorCode.INVALID_ARGUMENT,
        "use dropPartitionTime");
    fails(
        () -> partman.dropPartitionId("bad.i", -1L, null, null, null),
        ErrorCode.INVALID_ARGUMENT,
        "negative");
    fails(
        () -> partman.dropPartitionTime("nodot", "1 day", null, null, null, null),
        ErrorCode.INVALID_ARGUMENT,
        "nodot");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
    db.execute("UPDATE partman.part_config SET retention = 'soon' WHERE parent_table = 'bad.t'");
    String withBadConfig = Catalog.snapshot(db.adminDataSource());
    fails(
        () -> partman.dropPartitionTime("bad.t", null, null, null, null, null),
        ErrorCode.SET_UNUSABLE,
        "retention 'soon'",
        "part_config.retention");

    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(withBadConfig);
    db.execute("UPDATE partman.part_config SET retention = NULL WHERE parent_table = 'bad.t'");
    assertThat(children(db, "bad.t")).hasSize(27);
  }

  @Test
  void quotedNamesAreRetired(TestDatabase db) {
    db.execute(
        "CREATE SCHEMA \"Q s\"",
        "CREATE SCHEMA \"Q \"\"archive\"",
        "CREATE TABLE \"Q s\".\"T x\" (\"At\" timestamptz NOT NULL) PARTITION BY RANGE (\"At\")");
    Partman partman = partman(db);
    partman.createParent(
        PartitionSetDefinition.of("Q s.T x", "At", "1 day").startPartition("2026-11-18"));

    RetentionOutcome r =
        partman.dropPartitionTime("Q s.T x", "3 days", null, null, null, "Q \"archive");

    assertThat(r.moved()).containsExactly("T x_p20261118");
    assertThat(tables(db, "Q \"archive")).containsExactly("T x_p20261118");
  }

  static void fails(ThrowingCallable call, ErrorCode code, String... words) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            PartmanException.class,
            e -> {
              assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
              for (String w : words) {
                assertThat(e.getMessage()).contains(w);
              }
            });
  }
}
