package org.partman4j.plan;

import java.util.List;

/**
 * A one-dimensional {@code text[]} as PostgreSQL prints it ({@code array_out}): {@code {a,b}}, with
 * an element in double quotes when it is empty, spells {@code NULL} in any case, or holds a brace,
 * comma, double quote, backslash or white space; inside the quotes {@code "} and {@code \} are
 * escaped with a backslash. A null element prints as {@code NULL}.
 */
public final class PgArrayText {

  private PgArrayText() {}

  /** The array's text, or null for a null array. */
  public static String format(List<String> elements) {
    if (elements == null) {
      return null;
    }
    StringBuilder out = new StringBuilder().append('{');
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String e = elements.get(i);
      if (e == null) {
        out.append("NULL");
      } else if (needsQuotes(e)) {
        out.append('"');
        for (int j = 0; j < e.length(); j++) {
          char c = e.charAt(j);
          if (c == '"' || c == '\\') {
            out.append('\\');
          }
          out.append(c);
        }
        out.append('"');
      } else {
        out.append(e);
      }
    }
    return out.append('}').toString();
  }

  private static boolean needsQuotes(String e) {
    if (e.isEmpty() || spellsNull(e)) {
      return true;
    }
    for (int i = 0; i < e.length(); i++) {
      char c = e.charAt(i);
      switch (c) {
        case '{', '}', ',', '"', '\\', ' ', '\t', '\n', '\r', '\u000B', '\f':
          return true;
        default:
          break;
      }
    }
    return false;
  }

  /** PostgreSQL compares with pg_strcasecmp: ASCII letters only. */
  private static boolean spellsNull(String e) {
    if (e.length() != 4) {
      return false;
    }
    String upper = "NULL";
    for (int i = 0; i < 4; i++) {
      char c = e.charAt(i);
      if (c >= 'a' && c <= 'z') {
        c = (char) (c - ('a' - 'A'));
      }
      if (c != upper.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
