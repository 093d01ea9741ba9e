package org.partman4j.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;

class SqlTest {

  @Test
  void identifiersAreAlwaysQuotedAndInnerQuotesDoubled() {
    assertThat(Sql.ident("partman")).isEqualTo("\"partman\"");
    assertThat(Sql.ident("Part\"Man")).isEqualTo("\"Part\"\"Man\"");
    assertThat(Sql.ident("select")).isEqualTo("\"select\"");
    assertThat(Sql.ident("a b.c")).isEqualTo("\"a b.c\"");
    assertThat(Sql.qualified("My Schema", "t\"x")).isEqualTo("\"My Schema\".\"t\"\"x\"");
  }

  @Test
  void identifiersThatPostgresWouldRejectOrTruncateAreRefused() {
    assertInvalid(() -> Sql.ident("a\0b"), "NUL");
    assertInvalid(() -> Sql.ident(""), "empty");
    assertInvalid(() -> Sql.ident(null), "empty");
    assertInvalid(() -> Sql.ident("x".repeat(64)), "longer than 63 bytes");
    // 63 bytes is the limit in bytes, not characters: 32 two-byte letters are 64 bytes.
    assertThat(Sql.ident("x".repeat(63))).hasSize(65);
    assertInvalid(() -> Sql.ident("é".repeat(32)), "longer than 63 bytes");
  }

  @Test
  void literalsDoubleSingleQuotesAndKeepBackslashes() {
    assertThat(Sql.literal("it's")).isEqualTo("'it''s'");
    assertThat(Sql.literal("C:\\temp\\")).isEqualTo("'C:\\temp\\'");
    assertThat(Sql.literal("")).isEqualTo("''");
    assertThat(Sql.literal(null)).isEqualTo("NULL");
    assertInvalid(() -> Sql.literal("a\0"), "NUL");
  }

  private static void assertInvalid(Runnable r, String words) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining(words);
  }

  @Test
  void quoteLiteralIsPostgresQuoteLiteral() {
    assertThat(Sql.quoteLiteral(null)).isEqualTo("NULL");
    assertThat(Sql.quoteLiteral("it's")).isEqualTo("'it''s'");
    assertThat(Sql.quoteLiteral("")).isEqualTo("''");
    // quote_literal('a\b''c') is E'a\\b''c'
    assertThat(Sql.quoteLiteral("a\\b'c")).isEqualTo("E'a\\\\b''c'");
    assertInvalid(() -> Sql.quoteLiteral("a\\\0"), "NUL");
  }
}
