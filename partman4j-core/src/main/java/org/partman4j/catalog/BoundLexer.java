package org.partman4j.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the comma-separated literals inside a bound's parentheses: quoted strings with doubled
 * quotes, bare numbers, {@code NULL}, {@code MINVALUE}/{@code MAXVALUE} (both read as null).
 */
final class BoundLexer {
  private final String s;
  private int pos;

  BoundLexer(String s, int pos) {
    this.s = s;
    this.pos = pos;
  }

  /** Values up to and including the closing parenthesis. */
  List<String> valuesUntilClose() {
    List<String> out = new ArrayList<>();
    while (pos < s.length()) {
      skipSpaces();
      if (pos < s.length() && s.charAt(pos) == '\'') {
        out.add(quoted());
      } else {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != ')') {
          pos++;
        }
        String word = s.substring(start, pos).trim();
        boolean nullLike =
            word.equals("NULL") || word.equals("MINVALUE") || word.equals("MAXVALUE");
        out.add(nullLike ? null : word);
      }
      skipSpaces();
      if (pos < s.length() && s.charAt(pos) == ',') {
        pos++;
        continue;
      }
      if (pos < s.length() && s.charAt(pos) == ')') {
        pos++;
        return out;
      }
      break;
    }
    throw new IllegalArgumentException("unterminated partition bound: " + s);
  }

  boolean expect(String text) {
    if (s.startsWith(text, pos)) {
      pos += text.length();
      return true;
    }
    return false;
  }

  boolean atEnd() {
    return pos == s.length();
  }

  private String quoted() {
    StringBuilder sb = new StringBuilder();
    pos++; // opening quote
    while (pos < s.length()) {
      char c = s.charAt(pos++);
      if (c == '\'') {
        if (pos < s.length() && s.charAt(pos) == '\'') {
          sb.append('\'');
          pos++;
        } else {
          return sb.toString();
        }
      } else {
        sb.append(c);
      }
    }
    throw new IllegalArgumentException("unterminated literal in partition bound: " + s);
  }

  private void skipSpaces() {
    while (pos < s.length() && s.charAt(pos) == ' ') {
      pos++;
    }
  }
}
