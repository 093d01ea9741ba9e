package org.partman4j.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * How PostgreSQL moves between an instant and the local time of a zone.
 *
 * <p>Instant to local time is unambiguous. Local time to instant is not at a zone transition, and
 * PostgreSQL's rule (its {@code DetermineTimeZoneOffset}) differs from java.time's default: a local
 * time in a spring-forward gap takes the offset in force <em>before</em> the transition (so 02:30
 * on a New York spring day becomes 03:30 daylight time, as java.time also does), and a local time
 * in a fall-back overlap takes the offset in force <em>after</em> it (01:30 on a New York autumn
 * day is the second 01:30, standard time), where java.time keeps the earlier offset.
 *
 * <p>PostgreSQL considers only the first transition after "local time minus one day"; the two rules
 * agree while transitions are more than two days apart, which holds for every zone of the tz
 * database in the years the property tests cover.
 */
public final class PgZoneRules {

  private PgZoneRules() {}

  /** The local date and time that {@code t} shows in {@code zone}. */
  public static LocalDateTime toLocal(Instant t, ZoneId zone) {
    return LocalDateTime.ofInstant(t, Objects.requireNonNull(zone, "zone"));
  }

  /** The UTC offset {@code zone} has at {@code t}. */
  public static ZoneOffset offsetAt(Instant t, ZoneId zone) {
    return Objects.requireNonNull(zone, "zone").getRules().getOffset(t);
  }

  /**
   * The instant of a local date and time in {@code zone}, resolved as PostgreSQL resolves it: in a
   * gap with the offset before the transition, in an overlap with the offset after it.
   *
   * @throws DateTimeException when the result is outside PostgreSQL's range
   */
  public static Instant resolve(LocalDateTime local, ZoneId zone) {
    return PgTimestamps.requireInRange(local.toInstant(offsetFor(local, zone)));
  }

  /** The offset PostgreSQL gives a local date and time in {@code zone}. */
  public static ZoneOffset offsetFor(LocalDateTime local, ZoneId zone) {
    ZoneRules rules = Objects.requireNonNull(zone, "zone").getRules();
    ZoneOffsetTransition transition = rules.getTransition(local);
    if (transition == null) {
      return rules.getOffset(local);
    }
    return transition.isGap() ? transition.getOffsetBefore() : transition.getOffsetAfter();
  }
}
