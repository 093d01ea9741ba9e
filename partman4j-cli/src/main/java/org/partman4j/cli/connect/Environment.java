package org.partman4j.cli.connect;

import java.nio.file.Path;
import java.util.Map;

/**
 * What connection resolution reads from outside the command line: environment variables, the home
 * directory (for {@code ~/.pgpass}) and the operating-system user (libpq's default user name).
 * Tests give their own, so the developer's {@code PGHOST} or {@code ~/.pgpass} never leaks in.
 */
public interface Environment {

  /** The value of an environment variable, or null when unset. */
  String get(String name);

  /** The user's home directory. */
  Path home();

  /** The operating-system user name. */
  String osUser();

  /** The real environment of this process. */
  static Environment system() {
    return new Environment() {
      @Override
      public String get(String name) {
        return System.getenv(name);
      }

      @Override
      public Path home() {
        return Path.of(System.getProperty("user.home"));
      }

      @Override
      public String osUser() {
        return System.getProperty("user.name");
      }
    };
  }

  /** Fixed values, for tests. */
  static Environment of(Map<String, String> variables, Path home, String osUser) {
    Map<String, String> copy = Map.copyOf(variables);
    return new Environment() {
      @Override
      public String get(String name) {
        return copy.get(name);
      }

      @Override
      public Path home() {
        return home;
      }

      @Override
      public String osUser() {
        return osUser;
      }
    };
  }
}
