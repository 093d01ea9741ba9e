package org.partman4j.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partman4j.ddl.Children.create;
import static org.partman4j.ddl.Children.range;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.exec.Session;
import org.partman4j.plan.NewChild;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;
import org.partman4j.testsupport.Catalog;

/** A child that cannot be made is refused with a message saying why, and nothing is left. */
@PostgresTest
class ChildConflictIT {

  @BeforeAll
  static void scene(TestDatabase db) {
    db.execute(
        "CREATE TABLE ids (id bigint NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE ids_p100 PARTITION OF ids FOR VALUES FROM (100) TO (110)",
        "CREATE TABLE other (id bigint NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE ids_p200 PARTITION OF other FOR VALUES FROM (200) TO (210)",
        "CREATE TABLE ids_p300 (id bigint NOT NULL)",
        "CREATE TABLE plain (id bigint)",
        "CREATE INDEX ids_p400 ON plain (id)",
        "CREATE TABLE withdef (id bigint NOT NULL) PARTITION BY RANGE (id)",
        "CREATE TABLE withdef_default PARTITION OF withdef DEFAULT",
        "INSERT INTO withdef VALUES (15)");
  }

  private static void refused(
      TestDatabase db, String parent, NewChild child, ErrorCode code, String... message) {
    String before = Catalog.snapshot(db.adminDataSource());
    assertThatThrownBy(() -> create(db, parent, null, false, child))
        .isInstanceOfSatisfying(PartmanException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageContaining(child.table().toString())
        .hasMessageContaining(parent)
        .satisfies(e -> assertThat(e.getMessage()).contains(message));
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void aTableLeftUnattachedHoldsTheName(TestDatabase db) {
    refused(
        db,
        "public.ids",
        range("public.ids_p300", "300", "310"),
        ErrorCode.NAME_COLLISION,
        "a table of that name already exists and is not attached to any parent",
        "retention_keep_table",
        "rerun");
  }

  @Test
  void aChildOfAnotherSetHoldsTheName(TestDatabase db) {
    refused(
        db,
        "public.ids",
        range("public.ids_p200", "200", "210"),
        ErrorCode.NAME_COLLISION,
        "a table of that name is a partition of another table, public.other (FOR VALUES FROM ('200') TO ('210'))",
        "63 bytes");
  }

  @Test
  void aChildOfThisSetWithAnotherBoundHoldsTheName(TestDatabase db) {
    refused(
        db,
        "public.ids",
        range("public.ids_p100", "100", "120"),
        ErrorCode.NAME_COLLISION,
        "already attached to public.ids with FOR VALUES FROM ('100') TO ('110'),"
            + " not FOR VALUES FROM ('100') TO ('120')");
  }

  @Test
  void anIndexHoldsTheName(TestDatabase db) {
    refused(
        db,
        "public.ids",
        range("public.ids_p400", "400", "410"),
        ErrorCode.NAME_COLLISION,
        "the name is taken by an index");
  }

  @Test
  void anOverlappingBoundIsRefusedNamingTheOverlap(TestDatabase db) {
    String before = Catalog.snapshot(db.adminDataSource());
    NewChild child = range("public.ids_p105", "105", "115");
    assertThatThrownBy(() -> create(db, "public.ids", null, false, child))
        .isInstanceOfSatisfying(
            PartmanException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.PARTITION_CONFLICT);
              assertThat(e.sqlState()).isEqualTo("42P17");
              assertThat(e.statement()).contains("ATTACH PARTITION \"public\".\"ids_p105\"");
            })
        .hasMessageContaining(
            "Cannot attach child public.ids_p105 to public.ids FOR VALUES FROM ('105') TO"
                + " ('115')")
        .hasMessageContaining("would overlap partition \"ids_p100\"")
        .hasMessageContaining("Nothing was created");
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void rowsOfTheNewChildInTheDefaultAreReported(TestDatabase db) {
    refused(
        db,
        "public.withdef",
        range("public.withdef_p10", "10", "20"),
        ErrorCode.PARTITION_CONFLICT,
        "default partition",
        "Move them out of the default first");
  }

  @Test
  void aDryRunChecksNamesAndChangesNothing(TestDatabase db) {
    String before = Catalog.snapshot(db.adminDataSource());
    try (Session s = Children.sessions(db).open()) {
      ChildProperties p = Children.read(s, "public.ids", null, false);
      List<ChildResult> r =
          new ChildCreator()
              .dryRun(
                  s,
                  p,
                  List.of(
                      range("public.ids_p100", "100", "110"),
                      range("public.ids_p110", "110", "120")));
      assertThat(r)
          .extracting(ChildResult::outcome)
          .containsExactly(ChildOutcome.EXISTED, ChildOutcome.WOULD_CREATE);
      assertThat(r.get(1).statements())
          .containsExactly(
              "CREATE TABLE \"public\".\"ids_p110\" (LIKE \"public\".\"ids\" "
                  + "INCLUDING COMMENTS INCLUDING COMPRESSION INCLUDING CONSTRAINTS INCLUDING"
                  + " DEFAULTS INCLUDING GENERATED INCLUDING STATISTICS INCLUDING STORAGE)",
              "ALTER TABLE \"public\".\"ids\" ATTACH PARTITION \"public\".\"ids_p110\" FOR"
                  + " VALUES FROM ('110') TO ('120')");
      assertThatThrownBy(
              () -> new ChildCreator().dryRun(s, p, List.of(range("public.ids_p300", "3", "4"))))
          .isInstanceOfSatisfying(
              PartmanException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.NAME_COLLISION));
    }
    assertThat(Catalog.snapshot(db.adminDataSource())).isEqualTo(before);
  }

  @Test
  void aMissingOrUnpartitionedParentOrMissingTemplateIsNamed(TestDatabase db) {
    try (Session s = Children.sessions(db).open()) {
      assertThatThrownBy(() -> Children.read(s, "public.nope", null, false))
          .hasMessageContaining("The parent table public.nope does not exist");
      assertThatThrownBy(() -> Children.read(s, "public.plain", null, false))
          .hasMessageContaining("public.plain is not partitioned");
      assertThatThrownBy(() -> Children.read(s, "public.ids", "public.gone", false))
          .hasMessageContaining("The template table public.gone of public.ids does not exist");
    }
  }
}
