package org.partman4j.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.partman4j.PartmanException;
import org.partman4j.model.TableName;

class RetentionSqlTest {

  private static final TableName PARENT = new TableName("My \"S\"", "ev ents");
  private static final TableName CHILD = new TableName("My \"S\"", "ev ents_p20261101");

  @Test
  void everyNameIsQuoted() {
    assertThat(RetentionSql.detachConcurrently(PARENT, CHILD))
        .isEqualTo(
            "ALTER TABLE \"My \"\"S\"\"\".\"ev ents\" DETACH PARTITION"
                + " \"My \"\"S\"\"\".\"ev ents_p20261101\" CONCURRENTLY");
    assertThat(RetentionSql.detachFinalize(PARENT, CHILD)).endsWith("\" FINALIZE");
    assertThat(RetentionSql.detach(PARENT, CHILD)).doesNotContain("CONCURRENTLY");
    assertThat(RetentionSql.dropTable(CHILD))
        .isEqualTo("DROP TABLE \"My \"\"S\"\"\".\"ev ents_p20261101\"");
    assertThat(RetentionSql.setSchema(CHILD, "arch'ive")).endsWith(" SET SCHEMA \"arch'ive\"");
    assertThat(RetentionSql.dropIndex("s", "i\"x")).isEqualTo("DROP INDEX \"s\".\"i\"\"x\"");
    assertThat(RetentionSql.dropConstraint(CHILD, "pk")).endsWith(" DROP CONSTRAINT \"pk\"");
    assertThat(RetentionSql.publicationDropTable("p\"ub", CHILD))
        .startsWith("ALTER PUBLICATION \"p\"\"ub\" DROP TABLE ");
    assertThat(RetentionSql.maxOf(CHILD, "Id"))
        .isEqualTo("SELECT max(\"Id\")::text FROM \"My \"\"S\"\"\".\"ev ents_p20261101\"");
    assertThat(RetentionSql.deleteConfigs("part man"))
        .startsWith("DELETE FROM \"part man\".\"part_config\" WHERE parent_table = ANY (?");
  }

  @Test
  void aNameWithNulIsRefused() {
    assertThatThrownBy(() -> RetentionSql.setSchema(CHILD, "a\0b"))
        .isInstanceOf(PartmanException.class)
        .hasMessageContaining("NUL");
  }
}
