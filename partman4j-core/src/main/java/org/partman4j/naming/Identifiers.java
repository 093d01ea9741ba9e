package org.partman4j.naming;

import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL's limit on object names: at most 63 bytes (NAMEDATALEN - 1) of UTF-8. Longer names are
 * cut by the server on a character boundary; we cut the same way so that we know in advance the
 * name the server will use.
 */
public final class Identifiers {

  /** The longest name PostgreSQL keeps, in bytes. */
  public static final int MAX_BYTES = 63;

  private Identifiers() {}

  /** The UTF-8 length of a name. */
  public static int byteLength(String name) {
    int bytes = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      bytes += utf8Length(cp);
      i += Character.charCount(cp);
    }
    return bytes;
  }

  /** {@code true} when PostgreSQL keeps the name unchanged. */
  public static boolean fits(String name) {
    return byteLength(name) <= MAX_BYTES;
  }

  /**
   * The name as PostgreSQL keeps it: the longest prefix of at most {@code maxBytes} UTF-8 bytes
   * that does not split a character (what a cast to {@code name} does).
   */
  public static String truncate(String name, int maxBytes) {
    int bytes = 0;
    int i = 0;
    while (i < name.length()) {
      int cp = name.codePointAt(i);
      int len = utf8Length(cp);
      if (bytes + len > maxBytes) {
        break;
      }
      bytes += len;
      i += Character.charCount(cp);
    }
    return name.substring(0, i);
  }

  /** {@link #truncate(String, int)} to {@value #MAX_BYTES} bytes. */
  public static String truncate(String name) {
    return truncate(name, MAX_BYTES);
  }

  private static int utf8Length(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    if (codePoint < 0x10000) {
      return 3;
    }
    return 4;
  }

  /** Rejects names PostgreSQL cannot hold at all. */
  static void requireUsable(String what, String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(what + " must not contain a NUL character: " + name);
    }
    // Lone surrogates cannot be encoded as UTF-8, so the server could never store such a name.
    if (!StandardCharsets.UTF_8.newEncoder().canEncode(name)) {
      throw new IllegalArgumentException(what + " is not valid Unicode: " + name);
    }
  }
}
