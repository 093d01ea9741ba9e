package org.partman4j.time;

import java.time.Instant;

/**
 * Guards against a broken comparison: every query also returns its inputs as PostgreSQL received
 * them, and a difference there is a bug of the test, not of the code under test.
 */
final class Transport {

  private Transport() {}

  static void check(Instant sent, String receivedMicros) {
    Instant received = PgOracle.instantOf(receivedMicros);
    if (!received.equals(sent)) {
      throw new IllegalStateException(
          "transport to PostgreSQL is not exact: sent " + sent + ", PostgreSQL got " + received);
    }
  }

  static void check(PgInterval sent, String receivedFields) {
    PgInterval received = PgOracle.intervalOf(receivedFields);
    if (!received.equals(sent)) {
      throw new IllegalStateException(
          "transport to PostgreSQL is not exact: sent " + sent + ", PostgreSQL got " + received);
    }
  }
}
