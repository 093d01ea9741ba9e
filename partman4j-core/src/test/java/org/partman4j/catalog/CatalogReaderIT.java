package org.partman4j.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partman4j.model.TableName;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

@PostgresTest
class CatalogReaderIT {

  @BeforeAll
  static void scene(TestDatabase db) {
    db.execute(
        "SET TimeZone = 'UTC'",
        "CREATE SCHEMA \"Mixed Case\"",
        "CREATE TABLE \"Mixed Case\".\"Events\" (id bigint, \"Created At\" timestamptz NOT NULL)"
            + " PARTITION BY RANGE (\"Created At\")",
        "CREATE TABLE \"Mixed Case\".\"Events_p20261118\" PARTITION OF \"Mixed Case\".\"Events\""
            + " FOR VALUES FROM ('2026-11-18 00:00:00+00') TO ('2026-11-19 00:00:00+00')",
        "CREATE TABLE \"Mixed Case\".\"Events_default\" PARTITION OF \"Mixed Case\".\"Events\" DEFAULT",
        "CREATE TABLE public.lists (v bigint NOT NULL) PARTITION BY LIST (v)",
        "CREATE TABLE public.lists_p12 PARTITION OF public.lists FOR VALUES IN (12)",
        "CREATE TABLE public.lists_p-5 PARTITION OF public.lists FOR VALUES IN (-5)"
            .replace("public.lists_p-5", "public.\"lists_p-5\""),
        "CREATE TABLE public.days (d date NOT NULL) PARTITION BY RANGE (d)",
        "CREATE TABLE public.days_p1 PARTITION OF public.days FOR VALUES FROM ('2026-11-20') TO ('2026-11-21')",
        "CREATE TABLE public.days_open PARTITION OF public.days FOR VALUES FROM (MINVALUE) TO ('2026-11-20')",
        "CREATE TABLE public.ids (id numeric NOT NULL, t text) PARTITION BY RANGE (id)",
        "CREATE TABLE public.ids_p0 PARTITION OF public.ids FOR VALUES FROM (0) TO (100)"
            + " PARTITION BY LIST (t)",
        "CREATE TABLE public.txt (t text NOT NULL) PARTITION BY LIST (t)",
        "CREATE TABLE public.txt_q PARTITION OF public.txt FOR VALUES IN ('it''s', 'a,b')",
        "CREATE TABLE public.expr (t timestamp) PARTITION BY RANGE ((t::date))",
        "CREATE TABLE public.plain (id int)");
  }

  private static Map<TableName, ParentTable> read(TestDatabase db, String... names)
      throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      return new CatalogReader()
          .read(c, java.util.Arrays.stream(names).map(TableName::parse).toList());
    }
  }

  @Test
  void readsMixedCaseParentWithRangeChildAndDefault(TestDatabase db) throws Exception {
    ParentTable p = read(db, "Mixed Case.Events").get(TableName.parse("Mixed Case.Events"));
    assertThat(p.strategy()).isEqualTo(PartitionStrategy.RANGE);
    assertThat(p.key())
        .containsExactly(
            new KeyColumn("Created At", "timestamptz", "timestamp with time zone", true));
    assertThat(p.owner()).isEqualTo(db.ownerRole());
    assertThat(p.defaultPartition()).map(c -> c.name().table()).contains("Events_default");
    assertThat(p.nonDefaultChildren()).hasSize(1);
    ChildTable child = p.nonDefaultChildren().get(0);
    assertThat(child.name()).isEqualTo(new TableName("Mixed Case", "Events_p20261118"));
    // the partman4j session zone is not set here: the bound text is whatever the session prints,
    // so only its shape is checked
    assertThat(child.bound()).isInstanceOf(PartitionBound.Range.class);
  }

  @Test
  void listBoundsOfAnyWidthAndSign(TestDatabase db) throws Exception {
    ParentTable p = read(db, "public.lists").get(TableName.parse("public.lists"));
    assertThat(p.strategy()).isEqualTo(PartitionStrategy.LIST);
    assertThat(p.children())
        .extracting(ChildTable::bound)
        .containsExactlyInAnyOrder(
            new PartitionBound.ListValues(List.of("12")),
            new PartitionBound.ListValues(List.of("-5")));
  }

  @Test
  void quotedListValuesAreUnescaped(TestDatabase db) throws Exception {
    ParentTable p = read(db, "public.txt").get(TableName.parse("public.txt"));
    assertThat(p.children().get(0).bound())
        .isEqualTo(new PartitionBound.ListValues(List.of("it's", "a,b")));
  }

  @Test
  void dateRangeAndMinvalue(TestDatabase db) throws Exception {
    ParentTable p = read(db, "public.days").get(TableName.parse("public.days"));
    assertThat(p.children())
        .extracting(ChildTable::bound)
        .containsExactlyInAnyOrder(
            new PartitionBound.Range("2026-11-20", "2026-11-21"),
            new PartitionBound.Range(null, "2026-11-20"));
  }

  @Test
  void subParentIsFlaggedAndNumericBoundsRead(TestDatabase db) throws Exception {
    ParentTable p = read(db, "public.ids").get(TableName.parse("public.ids"));
    ChildTable child = p.children().get(0);
    assertThat(child.partitioned()).isTrue();
    assertThat(child.bound()).isEqualTo(new PartitionBound.Range("0", "100"));
    assertThat(p.key().get(0).typeName()).isEqualTo("numeric");
  }

  @Test
  void expressionKeyPlainTableAndMissingTable(TestDatabase db) throws Exception {
    Map<TableName, ParentTable> m = read(db, "public.expr", "public.plain", "public.nope");
    assertThat(m).doesNotContainKey(TableName.parse("public.nope"));
    assertThat(m.get(TableName.parse("public.plain")).isPartitioned()).isFalse();
    assertThat(m.get(TableName.parse("public.plain")).relkind()).isEqualTo("r");
    ParentTable expr = m.get(TableName.parse("public.expr"));
    assertThat(expr.key()).hasSize(1);
    assertThat(expr.key().get(0).name()).isNull();
  }

  @Test
  void manyParentsInOneCall(TestDatabase db) throws Exception {
    Map<TableName, ParentTable> m =
        read(db, "public.lists", "public.days", "public.ids", "Mixed Case.Events", "public.txt");
    assertThat(m).hasSize(5);
    assertThat(m.values().stream().mapToInt(p -> p.children().size()).sum()).isEqualTo(8);
  }
}
