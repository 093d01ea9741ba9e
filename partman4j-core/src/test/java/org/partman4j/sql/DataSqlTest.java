package org.partman4j.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.model.TableName;

class DataSqlTest {

  @Test
  void inlineWritesValuesAsLiteralsOutsideQuotesOnly() {
    String sql =
        "SELECT \"what?\" FROM t WHERE a >= (SELECT CAST(? AS \"pg_catalog\".\"int8\")) AND b = '?'"
            + " AND c < ?";
    assertThat(DataSql.inline(sql, "10", "it's"))
        .isEqualTo(
            "SELECT \"what?\" FROM t WHERE a >= (SELECT CAST('10' AS \"pg_catalog\".\"int8\")) AND"
                + " b = '?' AND c < 'it''s'");
    assertThat(DataSql.inline("SELECT 'a''?' , \"x\"\"?\""))
        .isEqualTo("SELECT 'a''?' , \"x\"\"?\"");
  }

  @Test
  void inlineRefusesAMismatchOfParametersAndValues() {
    assertThatThrownBy(() -> DataSql.inline("SELECT ?", "1", "2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more values than parameters");
    assertThatThrownBy(() -> DataSql.inline("SELECT ?, ?", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more parameters than values");
  }

  @Test
  void batchesByPagesReadTheirPagesAndGoThroughTheParent() {
    assertThat(DataSql.pages("ts", 0, 50))
        .isEqualTo("ctid >= '(0,0)'::tid AND ctid < '(50,0)'::tid AND \"ts\" IS NOT NULL");
    assertThat(
            DataSql.move(
                TableName.parse("a.src"),
                TableName.parse("a.t"),
                List.of("ts", "n"),
                DataSql.pages("ts", 50, 100)))
        .isEqualTo(
            "WITH moved AS (DELETE FROM ONLY \"a\".\"src\" WHERE ctid >= '(50,0)'::tid AND ctid <"
                + " '(100,0)'::tid AND \"ts\" IS NOT NULL RETURNING \"ts\", \"n\") INSERT INTO"
                + " \"a\".\"t\" (\"ts\", \"n\") OVERRIDING SYSTEM VALUE SELECT \"ts\", \"n\" FROM"
                + " moved");
    assertThat(
            DataSql.rowsAndEdges(
                TableName.parse("a.src"), "ts", DataSql.pages("ts", 0, 50), agg -> agg))
        .isEqualTo(
            "SELECT count(*), (min(\"ts\"))::text, (max(\"ts\"))::text FROM ONLY \"a\".\"src\""
                + " WHERE ctid >= '(0,0)'::tid AND ctid < '(50,0)'::tid AND \"ts\" IS NOT NULL");
  }
}
