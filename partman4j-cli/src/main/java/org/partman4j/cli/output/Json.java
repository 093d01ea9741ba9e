package org.partman4j.cli.output;

import java.util.Collection;
import java.util.Map;

/**
 * A small JSON writer for the command's {@code --output json}: maps become objects (in their
 * iteration order, so use a {@code LinkedHashMap}), collections become arrays, numbers and booleans
 * stay themselves, everything else is written as a string. Output is indented by two spaces.
 */
public final class Json {

  private Json() {}

  /** A value that is JSON text already (a document the library wrote), written as it is. */
  public record Raw(String json) {}

  /** {@code value} as indented JSON text, without a trailing newline. */
  public static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value, 0);
    return b.toString();
  }

  private static void write(StringBuilder b, Object value, int depth) {
    if (value == null) {
      b.append("null");
    } else if (value instanceof Raw raw) {
      b.append(raw.json().strip());
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      b.append(value);
    } else if (value instanceof Number n) {
      b.append(number(n));
    } else if (value instanceof Map<?, ?> map) {
      writeMap(b, map, depth);
    } else if (value instanceof Collection<?> items) {
      writeList(b, items, depth);
    } else {
      string(b, value.toString());
    }
  }

  private static String number(Number n) {
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "null"; // JSON has no NaN or infinity
    }
    return n.toString();
  }

  private static void writeMap(StringBuilder b, Map<?, ?> map, int depth) {
    if (map.isEmpty()) {
      b.append("{}");
      return;
    }
    b.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      b.append(first ? "\n" : ",\n");
      first = false;
      indent(b, depth + 1);
      string(b, String.valueOf(e.getKey()));
      b.append(": ");
      write(b, e.getValue(), depth + 1);
    }
    b.append('\n');
    indent(b, depth);
    b.append('}');
  }

  private static void writeList(StringBuilder b, Collection<?> items, int depth) {
    if (items.isEmpty()) {
      b.append("[]");
      return;
    }
    b.append('[');
    boolean first = true;
    for (Object item : items) {
      b.append(first ? "\n" : ",\n");
      first = false;
      indent(b, depth + 1);
      write(b, item, depth + 1);
    }
    b.append('\n');
    indent(b, depth);
    b.append(']');
  }

  private static void indent(StringBuilder b, int depth) {
    b.append("  ".repeat(depth));
  }

  /** Appends {@code s} as a JSON string, escaping what RFC 8259 requires (and U+2028/9). */
  static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
