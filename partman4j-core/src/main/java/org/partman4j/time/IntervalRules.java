package org.partman4j.time;

/**
 * The interval input rules of one generation of PostgreSQL servers. The three generations differ in
 * ways that change accepted values, not only error texts (see {@link PgInterval#parse(String,
 * int)}).
 */
enum IntervalRules {
  /** PostgreSQL 14 (and older): 32-bit counters, lenient about stray units and "ago". */
  PG14,
  /** PostgreSQL 15 and 16: 64-bit microseconds and overflow checks, still lenient. */
  PG15,
  /**
   * PostgreSQL 17 and later: as 15, plus strict unit placement, infinite intervals and a few
   * general words.
   */
  PG17;

  static IntervalRules forMajor(int serverMajor) {
    if (serverMajor <= 14) {
      return PG14;
    }
    return serverMajor <= 16 ? PG15 : PG17;
  }

  /** PostgreSQL 14's 32-bit arithmetic and rounding. */
  boolean legacyArithmetic() {
    return this == PG14;
  }

  /** Units must follow a number, "ago" must come last (PostgreSQL 17+). */
  boolean strictUnits() {
    return this == PG17;
  }

  /** "infinity", "at", "on", "mm" are understood (PostgreSQL 17+). */
  boolean generalWords() {
    return this == PG17;
  }

  /** Infinite intervals exist (PostgreSQL 17+). */
  boolean hasInfinity() {
    return this == PG17;
  }

  IntervalSums newSums() {
    return legacyArithmetic() ? new LegacySums() : new ModernSums();
  }
}
