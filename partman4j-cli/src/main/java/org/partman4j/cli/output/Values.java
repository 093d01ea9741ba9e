package org.partman4j.cli.output;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * How single values look in the command's output. Instants are shown in the zone partitions are
 * computed in: for people as PostgreSQL prints a {@code timestamptz} ({@code 2026-01-01
 * 00:00:00+01}), in JSON as ISO-8601 with the offset ({@code 2026-01-01T00:00:00+01:00}).
 */
public final class Values {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  private Values() {}

  /** {@code value} for a table cell: null → empty, a list → comma-separated. */
  public static String text(Object value, ZoneId zone) {
    if (value == null) {
      return "";
    }
    if (value instanceof Instant i) {
      return timestamptz(i, zone);
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    return value.toString();
  }

  /** {@code value} for a JSON document: an instant becomes ISO-8601 text, the rest stays. */
  public static Object json(Object value, ZoneId zone) {
    if (value instanceof Instant i) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.atZone(zone));
    }
    return value;
  }

  /** As PostgreSQL prints a timestamptz: the fraction only when there is one, the offset short. */
  static String timestamptz(Instant i, ZoneId zone) {
    ZonedDateTime t = i.atZone(zone);
    StringBuilder b = new StringBuilder(t.format(SECONDS));
    int micros = t.getNano() / 1000;
    if (micros != 0) {
      String f = String.format("%06d", micros);
      b.append('.').append(f.replaceAll("0+$", ""));
    }
    int offset = t.getOffset().getTotalSeconds();
    int abs = Math.abs(offset);
    b.append(offset < 0 ? '-' : '+').append(String.format("%02d", abs / 3600));
    if (abs % 3600 != 0) {
      b.append(String.format(":%02d", abs % 3600 / 60));
      if (abs % 60 != 0) {
        b.append(String.format(":%02d", abs % 60));
      }
    }
    return b.toString();
  }
}
