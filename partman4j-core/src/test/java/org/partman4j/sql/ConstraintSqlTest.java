package org.partman4j.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.model.TableName;

class ConstraintSqlTest {

  private static final TableName CHILD = new TableName("My\"Schema", "t_p20260101");

  @Test
  void theCheckQuotesNamesAndValuesAndMarksNotValid() {
    assertThat(
            ConstraintSql.addMinMaxCheck(
                CHILD, "partmanconstr_t_p20260101_Col", "Col", "1", "it's", true))
        .isEqualTo(
            "ALTER TABLE \"My\"\"Schema\".\"t_p20260101\" ADD CONSTRAINT"
                + " \"partmanconstr_t_p20260101_Col\" CHECK (\"Col\" >= '1' AND \"Col\" <= 'it''s')");
    assertThat(ConstraintSql.addMinMaxCheck(CHILD, "c", "x", "1", "2", false))
        .endsWith(" NOT VALID");
  }

  @Test
  void probesAndDropsQuoteEveryName() {
    assertThat(ConstraintSql.minMax(CHILD, "a\"b"))
        .isEqualTo(
            "SELECT min(\"a\"\"b\")::text, max(\"a\"\"b\")::text FROM \"My\"\"Schema\".\"t_p20260101\"");
    assertThat(ConstraintSql.dropConstraint(CHILD, "c\"x"))
        .isEqualTo("ALTER TABLE \"My\"\"Schema\".\"t_p20260101\" DROP CONSTRAINT \"c\"\"x\"");
    assertThat(ConstraintSql.anyRows(List.of(CHILD, new TableName("s", "t"))))
        .isEqualTo(
            "SELECT EXISTS (SELECT 1 FROM \"My\"\"Schema\".\"t_p20260101\"), EXISTS (SELECT 1 FROM"
                + " \"s\".\"t\")");
    assertThat(ConstraintSql.lockAgainstWriters(CHILD)).endsWith(" IN SHARE MODE");
  }
}
