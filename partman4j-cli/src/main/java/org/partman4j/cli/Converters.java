package org.partman4j.cli;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import org.partman4j.sql.Sql;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value converters whose messages say what to write instead. */
final class Converters {

  private Converters() {}

  /**
   * A duration as PostgreSQL writes {@code lock_timeout}: a whole number of milliseconds, or a
   * number with one of the units us, ms, s, min, h, d ({@code 10s}, {@code 500ms}, {@code 2min});
   * ISO-8601 ({@code PT10S}) also works.
   */
  static final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
      try {
        return inRange(Durations.parse(value), value);
      } catch (IllegalArgumentException e) {
        throw bad(value);
      }
    }

    /** PostgreSQL takes lock_timeout in whole milliseconds, at most 2^31-1 of them. */
    private static Duration inRange(Duration d, String value) {
      if (!d.isZero() && (d.toMillis() == 0 || d.toMillis() > Integer.MAX_VALUE)) {
        throw new TypeConversionException(
            "'"
                + value
                + "' is outside what PostgreSQL accepts: 1ms to 24 days, or 0 for no limit");
      }
      return d;
    }

    private static TypeConversionException bad(String value) {
      return new TypeConversionException(
          "'"
              + value
              + "' is not a duration; write a number with a unit (500ms, 10s, 2min, 1h) or"
              + " 0 for no limit");
    }
  }

  /**
   * A schema name, checked as the library checks it but with a message about {@code --schema}: not
   * empty, no NUL, at most 63 bytes, not one of PostgreSQL's reserved names.
   */
  static final class SchemaConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.isEmpty()) {
        throw new TypeConversionException("the schema name is empty; give e.g. --schema partman");
      }
      if (value.indexOf('\0') >= 0) {
        throw new TypeConversionException("the schema name holds a NUL character");
      }
      if (value.getBytes(StandardCharsets.UTF_8).length > Sql.MAX_IDENTIFIER_BYTES) {
        throw new TypeConversionException(
            "'"
                + value
                + "' is longer than "
                + Sql.MAX_IDENTIFIER_BYTES
                + " bytes, which PostgreSQL would truncate; give a shorter name");
      }
      if (value.startsWith("pg_") || value.equals("information_schema")) {
        throw new TypeConversionException(
            "'" + value + "' is reserved for PostgreSQL's system schemas; give another name");
      }
      return value;
    }
  }

  /** A time zone: a region ({@code Europe/Berlin}), {@code UTC}, or an offset ({@code +02:00}). */
  static final class ZoneConverter implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      try {
        return ZoneId.of(value.strip());
      } catch (DateTimeException e) {
        throw new TypeConversionException(
            "'"
                + value
                + "' is not a time zone; write a region such as Europe/Berlin, UTC, or an offset"
                + " such as +02:00");
      }
    }
  }

  /** A count of lock attempts: a whole number of at least 1. */
  static final class LockAttemptsConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int n;
      try {
        n = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        n = 0;
      }
      if (n < 1) {
        throw new TypeConversionException(
            "'" + value + "' is not a number of attempts; give a whole number of 1 or more");
      }
      return n;
    }
  }

  /**
   * An instant with its offset: ISO-8601 ({@code 2027-01-01T00:00:00Z}) or as PostgreSQL prints a
   * timestamptz ({@code 2027-01-01 00:00:00+01}). An offset is required, so the JVM's zone never
   * decides what the value means.
   */
  static final class InstantConverter implements ITypeConverter<java.time.Instant> {
    @Override
    public java.time.Instant convert(String value) {
      String v = value.strip().replace(' ', 'T');
      if (v.matches(".*[+-]\\d\\d$")) {
        v += ":00"; // PostgreSQL's short offset, +01
      }
      try {
        return java.time.OffsetDateTime.parse(v).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        throw new TypeConversionException(
            "'"
                + value
                + "' is not a timestamp with an offset; write e.g. 2027-01-01T00:00:00Z or"
                + " '2027-01-01 00:00:00+01'");
      }
    }
  }
}
