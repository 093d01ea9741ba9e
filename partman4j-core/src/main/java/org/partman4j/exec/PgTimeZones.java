package org.partman4j.exec;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Translates between Java's {@link ZoneId} and the text of PostgreSQL's {@code TimeZone} setting.
 *
 * <p>The two agree on IANA region names ({@code Europe/Berlin}) but not on offsets: PostgreSQL
 * reads {@code '+05:30'} or {@code 'UTC+3'} as POSIX specifications, where a positive number lies
 * <em>west</em> of Greenwich — the opposite of ISO 8601 and of Java. So Java offsets are written as
 * POSIX strings with an explicit abbreviation, and PostgreSQL names that are not IANA regions are
 * not read as Java zones at all.
 */
public final class PgTimeZones {

  /** IANA names Java knows, by lower case: PostgreSQL matches zone names case-insensitively. */
  private static final Map<String, String> JAVA_REGIONS = new TreeMap<>();

  static {
    for (String id : ZoneId.getAvailableZoneIds()) {
      JAVA_REGIONS.put(id.toLowerCase(Locale.ROOT), id);
    }
  }

  private PgTimeZones() {}

  /**
   * The {@code TimeZone} value that makes PostgreSQL use {@code zone}: a region's name, or for a
   * fixed offset a POSIX string such as {@code <+0530>-05:30} (which PostgreSQL reads as 5:30
   * east).
   */
  public static String toPostgres(ZoneId zone) {
    ZoneId normalized = zone.normalized();
    if (normalized instanceof ZoneOffset offset) {
      if (offset.getTotalSeconds() == 0) {
        return "UTC";
      }
      int total = offset.getTotalSeconds();
      int abs = Math.abs(total);
      String hhmm =
          String.format(Locale.ROOT, "%02d%02d", abs / 3600, abs / 60 % 60)
              + (abs % 60 == 0 ? "" : String.format(Locale.ROOT, "%02d", abs % 60));
      String posixOffset =
          String.format(Locale.ROOT, "%02d:%02d:%02d", abs / 3600, abs / 60 % 60, abs % 60);
      // POSIX counts west as positive, so an eastern offset gets a minus sign.
      return "<" + (total > 0 ? "+" : "-") + hhmm + ">" + (total > 0 ? "-" : "+") + posixOffset;
    }
    return zone.getId();
  }

  /**
   * The Java zone for a PostgreSQL {@code TimeZone} value, when it is an IANA region Java also
   * knows (compared case-insensitively, as PostgreSQL does). POSIX strings and offsets give empty:
   * their meaning differs between the two.
   */
  public static Optional<ZoneId> toJava(String postgresZone) {
    if (postgresZone == null) {
      return Optional.empty();
    }
    String id = JAVA_REGIONS.get(postgresZone.toLowerCase(Locale.ROOT));
    return id == null ? Optional.empty() : Optional.of(ZoneId.of(id));
  }
}
