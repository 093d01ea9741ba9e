package org.partman4j.plan;

import java.util.List;
import java.util.Locale;

/**
 * A small writer of pretty-printed JSON (two-space indent), enough for partman4j's own documents:
 * objects, strings, whole numbers, booleans, null and arrays of strings. Strings are escaped as RFC
 * 8259 requires ({@code "}, {@code \}, and control characters).
 */
final class JsonText {

  private final StringBuilder out = new StringBuilder();
  private int depth;
  private boolean first = true;

  JsonText beginObject(String name) {
    key(name);
    out.append('{');
    depth++;
    first = true;
    return this;
  }

  JsonText beginObject() {
    return beginObject(null);
  }

  JsonText endObject() {
    depth--;
    if (!first) {
      newline();
    }
    out.append('}');
    first = false;
    return this;
  }

  JsonText string(String name, String value) {
    key(name);
    appendString(value);
    return this;
  }

  JsonText number(String name, Long value) {
    key(name);
    out.append(value == null ? "null" : Long.toString(value));
    return this;
  }

  JsonText bool(String name, Boolean value) {
    key(name);
    out.append(value == null ? "null" : value.toString());
    return this;
  }

  JsonText strings(String name, List<String> values) {
    key(name);
    if (values == null) {
      out.append("null");
      return this;
    }
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      appendString(values.get(i));
    }
    out.append(']');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void key(String name) {
    if (depth > 0) {
      if (!first) {
        out.append(',');
      }
      newline();
    }
    first = false;
    if (name != null) {
      appendString(name);
      out.append(": ");
    }
  }

  private void newline() {
    out.append('\n');
    out.append("  ".repeat(depth));
  }

  private void appendString(String s) {
    if (s == null) {
      out.append("null");
      return;
    }
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
