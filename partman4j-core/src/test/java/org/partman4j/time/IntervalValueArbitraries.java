package org.partman4j.time;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Random interval values, weighted towards the partition intervals people choose. */
final class IntervalValueArbitraries {

  private IntervalValueArbitraries() {}

  private static final long HOUR = 3_600_000_000L;

  /** PostgreSQL 14 cannot print more than 2^31 - 1 hours. */
  private static final long PG14_MAX_MICROS = (Integer.MAX_VALUE + 1L) * HOUR - 1;

  static Arbitrary<PgInterval> values(int major) {
    Arbitrary<PgInterval> typical =
        Arbitraries.of(
            PgInterval.ofDays(1),
            PgInterval.ofDays(7),
            PgInterval.ofMonths(1),
            PgInterval.ofMonths(3),
            PgInterval.ofMonths(12),
            PgInterval.ofMicros(HOUR),
            PgInterval.ofMicros(15 * 60_000_000L),
            PgInterval.ofDays(30),
            PgInterval.ZERO,
            PgInterval.ofMicros(500_000),
            new PgInterval(-1, 0, 0),
            new PgInterval(0, -1, 2 * HOUR),
            new PgInterval(12, 1, 1),
            new PgInterval(11, -1, -1));
    Arbitrary<PgInterval> random =
        Combinators.combine(months(), days(), micros()).as(PgInterval::new);
    return Arbitraries.frequencyOf(Tuple.of(1, typical), Tuple.of(4, random))
        .filter(v -> major > 14 || Math.abs((double) v.micros()) <= PG14_MAX_MICROS)
        .filter(v -> major < 17 || !isSentinel(v));
  }

  private static boolean isSentinel(PgInterval v) {
    return (v.months() == Integer.MAX_VALUE
            && v.days() == Integer.MAX_VALUE
            && v.micros() == Long.MAX_VALUE)
        || (v.months() == Integer.MIN_VALUE
            && v.days() == Integer.MIN_VALUE
            && v.micros() == Long.MIN_VALUE);
  }

  static Arbitrary<Integer> months() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.integers().between(-30, 30)),
        Tuple.of(2, Arbitraries.integers().between(-100_000, 100_000)),
        Tuple.of(1, Arbitraries.integers()),
        Tuple.of(1, Arbitraries.of(Integer.MAX_VALUE, Integer.MIN_VALUE, 0)));
  }

  static Arbitrary<Integer> days() {
    return months();
  }

  static Arbitrary<Long> micros() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.integers().between(-48, 48).map(h -> h * HOUR)),
        Tuple.of(3, Arbitraries.longs().between(-100 * HOUR, 100 * HOUR)),
        Tuple.of(2, Arbitraries.longs().between(-10_000_000L, 10_000_000L)),
        Tuple.of(1, Arbitraries.longs()),
        Tuple.of(1, Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, 1L, -1L, 999_999L)));
  }

  /** Two values, often with the same span ('1 mon' vs '30 days') to exercise equality. */
  static Arbitrary<List<PgInterval>> pairsFlattened(int major) {
    Arbitrary<List<PgInterval>> independent = values(major).list().ofSize(2);
    Arbitrary<List<PgInterval>> sameSpan =
        Combinators.combine(
                Arbitraries.integers().between(-1000, 1000),
                Arbitraries.integers().between(-1000, 1000),
                Arbitraries.longs().between(-1000 * HOUR, 1000 * HOUR),
                Arbitraries.integers().between(-3, 3))
            .as(
                (m, d, us, shift) ->
                    List.of(
                        new PgInterval(m, d, us),
                        new PgInterval(0, m * 30 + d + shift, us - shift * 24 * HOUR)));
    Arbitrary<List<PgInterval>> nearby =
        values(major)
            .map(
                v ->
                    List.of(
                        v,
                        new PgInterval(
                            v.months(),
                            v.days(),
                            v.micros() == Long.MAX_VALUE ? v.micros() - 1 : v.micros() + 1)));
    return Arbitraries.frequencyOf(
        Tuple.of(3, independent), Tuple.of(2, sameSpan), Tuple.of(1, nearby));
  }

  /** A value and a whole factor whose product stays exact in PostgreSQL's float8 arithmetic. */
  static Arbitrary<Tuple.Tuple2<PgInterval, Long>> products() {
    Arbitrary<Long> factor =
        Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.longs().between(-10, 10)),
            Tuple.of(3, Arbitraries.longs().between(-100_000, 100_000)),
            Tuple.of(1, Arbitraries.longs().between(-(1L << 40), 1L << 40)));
    return factor.flatMap(
        k -> {
          long magnitude = Math.max(1, Math.abs(k));
          int fieldLimit = (int) Math.min(Integer.MAX_VALUE / magnitude, 100_000_000);
          long microsLimit = ((1L << 53) - 1) / magnitude;
          Arbitrary<Long> us =
              Arbitraries.frequencyOf(
                  Tuple.of(
                      2,
                      Arbitraries.longs()
                          .between(-microsLimit / HOUR, microsLimit / HOUR)
                          .map(h -> h * HOUR)),
                  Tuple.of(1, Arbitraries.longs().between(-microsLimit, microsLimit)));
          return Combinators.combine(
                  Arbitraries.integers().between(-fieldLimit, fieldLimit),
                  Arbitraries.integers().between(-fieldLimit, fieldLimit),
                  us)
              .as((m, d, u) -> Tuple.of(new PgInterval(m, d, u), k));
        });
  }
}
