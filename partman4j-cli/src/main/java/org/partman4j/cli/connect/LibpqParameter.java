package org.partman4j.cli.connect;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The libpq connection parameters partman understands beyond host, port, dbname, user, password and
 * passfile: their keyword in a {@code postgresql://} URI, their environment variable, and the
 * pgjdbc property they become. One registry, so the URI parser, the environment and the docs agree.
 */
public enum LibpqParameter {
  APPLICATION_NAME("application_name", "PGAPPNAME", "ApplicationName", v -> v),
  CONNECT_TIMEOUT("connect_timeout", "PGCONNECT_TIMEOUT", "connectTimeout", v -> v),
  OPTIONS("options", "PGOPTIONS", "options", v -> v),
  SSLMODE("sslmode", "PGSSLMODE", "sslmode", v -> v),
  SSLCERT("sslcert", "PGSSLCERT", "sslcert", v -> v),
  SSLKEY("sslkey", "PGSSLKEY", "sslkey", v -> v),
  SSLROOTCERT("sslrootcert", "PGSSLROOTCERT", "sslrootcert", v -> v),
  SSLPASSWORD("sslpassword", null, "sslpassword", v -> v),
  TARGET_SESSION_ATTRS(
      "target_session_attrs",
      "PGTARGETSESSIONATTRS",
      "targetServerType",
      LibpqParameter::targetServerType),
  GSSENCMODE("gssencmode", "PGGSSENCMODE", "gssEncMode", v -> v),
  KEEPALIVES("keepalives", null, "tcpKeepAlive", v -> "0".equals(v) ? "false" : "true");

  private final String keyword;
  private final String envVar;
  private final String pgjdbcName;
  private final UnaryOperator<String> convert;

  LibpqParameter(String keyword, String envVar, String pgjdbcName, UnaryOperator<String> convert) {
    this.keyword = keyword;
    this.envVar = envVar;
    this.pgjdbcName = pgjdbcName;
    this.convert = convert;
  }

  /** The keyword in a {@code postgresql://} URI's query. */
  public String keyword() {
    return keyword;
  }

  /** The environment variable libpq reads it from, or null when there is none. */
  public String envVar() {
    return envVar;
  }

  /** The pgjdbc property it becomes. */
  public String pgjdbcName() {
    return pgjdbcName;
  }

  /** The pgjdbc value for a libpq value. */
  public String toPgjdbc(String libpqValue) {
    return convert.apply(libpqValue);
  }

  /** The parameter with this URI keyword. */
  public static Optional<LibpqParameter> byKeyword(String keyword) {
    return Arrays.stream(values()).filter(p -> p.keyword.equals(keyword)).findFirst();
  }

  /** The keywords, for messages. */
  static String keywords() {
    return Arrays.stream(values()).map(p -> p.keyword).collect(Collectors.joining(", "));
  }

  private static String targetServerType(String libpq) {
    return switch (libpq.toLowerCase(Locale.ROOT)) {
      case "any" -> "any";
      case "read-write", "primary" -> "primary";
      case "read-only", "standby" -> "secondary";
      case "prefer-standby" -> "preferSecondary";
      default ->
          throw new BadConnectionSettingException(
              "target_session_attrs \""
                  + libpq
                  + "\" is not one of any, read-write, read-only, primary, standby, prefer-standby.");
    };
  }
}
