package org.partman4j.testkit;

/**
 * Quoting for the few statements the test kit and the benchmark harness build themselves (roles,
 * databases, scenario tables).
 */
public final class Sql {
  private Sql() {}

  public static String ident(String name) {
    if (name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("identifier contains NUL");
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  public static String literal(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("literal contains NUL");
    }
    return "'" + value.replace("'", "''") + "'";
  }
}
