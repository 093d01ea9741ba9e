package org.partman4j.cli.daemon;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * When a database's next run starts: pure arithmetic on its settings, the clock, the start of its
 * last run and its failures in a row, so it can be tested without waiting.
 *
 * <p>Without {@code at}, runs start every {@code interval} after the previous start (a run that
 * overran starts the next one at once, never two at the same time). With {@code at}, runs start at
 * those times of day. After a failure the next attempt comes sooner, after 5 seconds (or the
 * interval, if shorter), doubling with each further failure up to the interval or 5 minutes,
 * whichever is longer. A random share of {@code jitter} is added to every wait, and a start outside
 * the {@code window} moves to the window's next opening.
 */
final class Schedule {

  static final Duration BACKOFF_FIRST = Duration.ofSeconds(5);
  static final Duration BACKOFF_LONGEST = Duration.ofMinutes(5);

  private Schedule() {}

  /**
   * @param lastStart the start of the last run, or null before the first
   * @param failuresInRow the failed runs since the last good one
   * @param random a number in [0, 1) choosing the jitter
   */
  static Instant next(
      DatabaseConfig c, Instant now, Instant lastStart, int failuresInRow, double random) {
    Instant next;
    if (failuresInRow > 0) {
      next = now.plus(backoff(c.interval(), failuresInRow));
    } else if (!c.at().isEmpty()) {
      next = nextTimeOfDay(c, now);
    } else if (lastStart == null) {
      next = now;
    } else {
      next = lastStart.plus(c.interval());
      if (next.isBefore(now)) {
        next = now;
      }
    }
    next = next.plusNanos((long) (c.jitter().toNanos() * Math.max(0, Math.min(random, 1))));
    return c.window() == null ? next : intoWindow(c, next);
  }

  /** The wait before the next attempt after {@code failures} failed runs in a row. */
  static Duration backoff(Duration interval, int failures) {
    Duration first = interval.compareTo(BACKOFF_FIRST) < 0 ? interval : BACKOFF_FIRST;
    Duration longest = interval.compareTo(BACKOFF_LONGEST) > 0 ? interval : BACKOFF_LONGEST;
    Duration d = first;
    for (int i = 1; i < failures && d.compareTo(longest) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(longest) > 0 ? longest : d;
  }

  private static Instant nextTimeOfDay(DatabaseConfig c, Instant now) {
    ZonedDateTime local = now.atZone(c.zone());
    Instant best = null;
    for (int day = 0; day <= 1; day++) {
      LocalDate date = local.toLocalDate().plusDays(day);
      for (LocalTime t : c.at()) {
        Instant candidate = date.atTime(t).atZone(c.zone()).toInstant();
        if (candidate.isAfter(now) && (best == null || candidate.isBefore(best))) {
          best = candidate;
        }
      }
      if (best != null) {
        return best;
      }
    }
    return best;
  }

  private static Instant intoWindow(DatabaseConfig c, Instant next) {
    ZonedDateTime local = next.atZone(c.zone());
    if (c.window().contains(local.toLocalTime())) {
      return next;
    }
    ZonedDateTime opening = local.toLocalDate().atTime(c.window().start()).atZone(c.zone());
    if (!opening.toInstant().isAfter(next)) {
      opening = local.toLocalDate().plusDays(1).atTime(c.window().start()).atZone(c.zone());
    }
    return opening.toInstant();
  }
}
