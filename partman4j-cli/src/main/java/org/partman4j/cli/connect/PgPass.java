package org.partman4j.cli.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds a password in a pgpass file exactly as libpq does: lines {@code
 * hostname:port:database:username:password}; the first line whose four fields match wins; a field
 * that is exactly {@code *} matches anything; a backslash makes the next character literal ({@code
 * \:} and {@code \\}, and {@code \*} is a literal star); lines starting with {@code #} are
 * comments; the password ends at the first unescaped colon. On Unix the file is ignored, with a
 * warning, when group or others have any access to it.
 */
public final class PgPass {

  private static final Set<PosixFilePermission> TOO_OPEN =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private PgPass() {}

  /**
   * The password of the first line of {@code file} matching the four values, if the file is there
   * and may be used.
   *
   * @param warn told why an existing file was ignored
   */
  public static Optional<String> lookup(
      Path file, String host, String port, String database, String user, Consumer<String> warn) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(file)) {
      warn.accept("password file \"" + file + "\" is not a plain file; it is ignored");
      return Optional.empty();
    }
    try {
      Set<PosixFilePermission> perms =
          Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
      if (perms.stream().anyMatch(TOO_OPEN::contains)) {
        warn.accept(
            "password file \""
                + file
                + "\" has group or world access; permissions should be u=rw (0600) or less."
                + " It is ignored; fix it with: chmod 0600 "
                + file);
        return Optional.empty();
      }
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): libpq does not check there either.
    } catch (IOException e) {
      return Optional.empty();
    }
    try {
      return find(Files.readAllLines(file, StandardCharsets.UTF_8), host, port, database, user);
    } catch (IOException e) {
      warn.accept("password file \"" + file + "\" cannot be read (" + e.getMessage() + ")");
      return Optional.empty();
    }
  }

  /** The password of the first of {@code lines} matching the four values. */
  public static Optional<String> find(
      List<String> lines, String host, String port, String database, String user) {
    for (String raw : lines) {
      String line = stripLineEnd(raw);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int at = 0;
      for (String wanted : new String[] {host, port, database, user}) {
        at = matchField(line, at, wanted);
        if (at < 0) {
          break;
        }
      }
      if (at >= 0) {
        return Optional.of(password(line, at));
      }
    }
    return Optional.empty();
  }

  /** Matches one field starting at {@code at}; returns where the next field starts, or -1. */
  private static int matchField(String line, int at, String wanted) {
    if (line.startsWith("*:", at)) {
      return at + 2;
    }
    int w = 0;
    int i = at;
    while (i < line.length()) {
      boolean escaped = false;
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        escaped = true;
        c = line.charAt(++i);
      }
      if (c == ':' && !escaped) {
        return w == wanted.length() ? i + 1 : -1;
      }
      if (w >= wanted.length() || wanted.charAt(w) != c) {
        return -1;
      }
      w++;
      i++;
    }
    return -1; // no password field
  }

  private static String password(String line, int at) {
    StringBuilder b = new StringBuilder();
    for (int i = at; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ':') {
        break;
      }
      if (c == '\\' && i + 1 < line.length()) {
        c = line.charAt(++i);
      }
      b.append(c);
    }
    return b.toString();
  }

  private static String stripLineEnd(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n')) {
      end--;
    }
    return s.substring(0, end);
  }
}
