package org.partman4j.plan;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;
import org.partman4j.time.EpochUnit;
import org.partman4j.time.PgZoneRules;
import org.partman4j.time.TimestampText;

/**
 * How a time set's control column holds time, and so how an instant is written as a partition bound
 * value: the way PostgreSQL would store pg_partman's bound literal after coercing it to the
 * column's type.
 */
public sealed interface TimeColumn {

  /** The bound value (unquoted) for {@code t}, computed in {@code zone}. */
  String boundValue(Instant t, ZoneId zone);

  /** A {@code timestamptz} column: the instant as PostgreSQL prints it in the zone. */
  record Timestamptz() implements TimeColumn {
    @Override
    public String boundValue(Instant t, ZoneId zone) {
      return TimestampText.formatTimestamptz(t, zone);
    }
  }

  /**
   * A {@code timestamp without time zone} column: the local time in the zone (PostgreSQL drops the
   * offset of pg_partman's timestamptz literal when it coerces it to timestamp).
   */
  record Timestamp() implements TimeColumn {
    @Override
    public String boundValue(Instant t, ZoneId zone) {
      return TimestampText.formatTimestamp(PgZoneRules.toLocal(t, zone));
    }
  }

  /** A {@code date} column: the local date in the zone (time of day dropped by the coercion). */
  record Date() implements TimeColumn {
    @Override
    public String boundValue(Instant t, ZoneId zone) {
      LocalDateTime local = PgZoneRules.toLocal(t, zone);
      return TimestampText.formatDate(local.toLocalDate());
    }
  }

  /** An integer column holding epoch seconds, milliseconds, microseconds or nanoseconds. */
  record Epoch(EpochUnit unit) implements TimeColumn {
    public Epoch {
      if (unit == null || unit == EpochUnit.NONE) {
        throw new IllegalArgumentException("an epoch column needs a unit other than none");
      }
    }

    @Override
    public String boundValue(Instant t, ZoneId zone) {
      return Long.toString(unit.boundFor(t));
    }
  }

  /**
   * A {@code text} or {@code uuid} column whose values carry time through an encoder function
   * (pg_partman 5.2's {@code time_encoder}); the encoding itself is supplied by the caller, which
   * evaluates the set's encoder (in Java for the built-in UUIDv7 pair, else in the database).
   */
  record Encoded(String encoder, Function<Instant, String> encoding) implements TimeColumn {
    public Encoded {
      Objects.requireNonNull(encoder, "encoder");
      Objects.requireNonNull(encoding, "encoding");
    }

    @Override
    public String boundValue(Instant t, ZoneId zone) {
      return encoding.apply(t);
    }
  }
}
