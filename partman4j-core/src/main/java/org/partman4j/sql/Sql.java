package org.partman4j.sql;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;

/**
 * The one place where names and values become SQL text. Values are bound as {@code ?} wherever
 * PostgreSQL allows; this class is for what cannot be bound: identifiers in DDL, and the rare
 * literal in a statement that takes no parameters (DDL again).
 *
 * <p>Literals are rendered for {@code standard_conforming_strings = on}, where a backslash is an
 * ordinary character; every session partman4j opens checks that setting and refuses to work when it
 * is off, so no {@code E''} form is ever needed.
 */
public final class Sql {

  /** PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated by the server. */
  public static final int MAX_IDENTIFIER_BYTES = 63;

  private Sql() {}

  /**
   * A quoted identifier: {@code my"table} becomes {@code "my""table"}. Always quoted, so the name
   * is taken exactly (case, spaces, keywords).
   *
   * @throws PartmanException {@link ErrorCode#INVALID_ARGUMENT} when the name is null, empty, holds
   *     a NUL character, or is longer than {@value #MAX_IDENTIFIER_BYTES} bytes (PostgreSQL would
   *     truncate it and so address another object)
   */
  public static String ident(String name) {
    if (name == null || name.isEmpty()) {
      throw invalid("An identifier is empty; give a schema or table name.");
    }
    if (name.indexOf('\0') >= 0) {
      throw invalid("The identifier \"" + printable(name) + "\" holds a NUL character; remove it.");
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
      throw invalid(
          "The identifier \""
              + name
              + "\" is longer than "
              + MAX_IDENTIFIER_BYTES
              + " bytes; PostgreSQL would truncate it. Use a shorter name.");
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** {@code "schema"."name"}, both parts quoted by {@link #ident}. */
  public static String qualified(String schema, String name) {
    return ident(schema) + '.' + ident(name);
  }

  /**
   * A string literal: {@code it's} becomes {@code 'it''s'}; null becomes {@code NULL}.
   *
   * @throws PartmanException {@link ErrorCode#INVALID_ARGUMENT} when the value holds a NUL
   *     character, which PostgreSQL text cannot store
   */
  public static String literal(String value) {
    if (value == null) {
      return "NULL";
    }
    if (value.indexOf('\0') >= 0) {
      throw invalid("The value '" + printable(value) + "' holds a NUL character; remove it.");
    }
    return '\'' + value.replace("'", "''") + '\'';
  }

  /** A {@code text[]} value written out: {@code ARRAY['a', 'b']::text[]}. */
  public static String textArray(List<String> values) {
    StringBuilder b = new StringBuilder("ARRAY[");
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(literal(values.get(i)));
    }
    return b.append("]::text[]").toString();
  }

  /**
   * A literal exactly as PostgreSQL's {@code quote_literal} and {@code format('%L')} write it, for
   * SQL text handed to users (definition dumps): {@code it's} becomes {@code 'it''s'}; a value
   * holding a backslash takes the {@code E''} form with its backslashes doubled ({@code a\b}
   * becomes {@code E'a\\b'}), which reads the same under any {@code standard_conforming_strings};
   * null becomes {@code NULL}.
   *
   * @throws PartmanException {@link ErrorCode#INVALID_ARGUMENT} when the value holds a NUL
   *     character
   */
  public static String quoteLiteral(String value) {
    if (value == null) {
      return "NULL";
    }
    if (value.indexOf('\\') < 0) {
      return literal(value);
    }
    if (value.indexOf('\0') >= 0) {
      throw invalid("The value '" + printable(value) + "' holds a NUL character; remove it.");
    }
    return "E'" + value.replace("\\", "\\\\").replace("'", "''") + '\'';
  }

  private static String printable(String s) {
    return s.replace("\0", "\\0");
  }

  private static PartmanException invalid(String message) {
    return new PartmanException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
