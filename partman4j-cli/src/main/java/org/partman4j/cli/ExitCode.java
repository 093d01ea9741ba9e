package org.partman4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.partman4j.ErrorCode;

/**
 * The exit statuses of {@code partman}. They are part of its interface for scripts: numbers are
 * only ever added, never changed. {@link #of(ErrorCode)} maps the library's failures onto them.
 */
public enum ExitCode {
  OK(0, "Success."),
  FAILED(
      1,
      "Failed: a database error, a missing privilege or table, a store conflict, or any failure"
          + " not listed below."),
  USAGE(
      2,
      "Bad usage: an unknown option, a missing or invalid value, a malformed URL, an invalid"
          + " setting or argument."),
  CONNECTION(3, "Cannot connect: the server is unreachable or refused the connection or login."),
  SOME_SETS_FAILED(4, "Some partition sets failed; the others were done (maintenance)."),
  LOCK_TIMEOUT(5, "A lock was not granted within --lock-timeout; nothing more was done. Retry."),
  NOTHING_TO_DO(6, "Nothing to do, for commands where that matters to the caller.");

  private final int code;
  private final String description;

  ExitCode(int code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The process exit status. */
  public int code() {
    return code;
  }

  /** What it means, one sentence. */
  public String description() {
    return description;
  }

  /** The exit status for a library failure. */
  public static ExitCode of(ErrorCode error) {
    return switch (error) {
      case INVALID_CONFIGURATION, INVALID_ARGUMENT -> USAGE;
      case CONNECTION_FAILED -> CONNECTION;
      case LOCK_TIMEOUT -> LOCK_TIMEOUT;
      default -> FAILED;
    };
  }

  /** Status → description, for the usage help's exit code list. */
  static Map<String, String> helpList() {
    Map<String, String> list = new LinkedHashMap<>();
    for (ExitCode c : values()) {
      list.put(String.valueOf(c.code), c.description);
    }
    return list;
  }
}
