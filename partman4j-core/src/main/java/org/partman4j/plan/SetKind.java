package org.partman4j.plan;

import org.partman4j.model.ControlType;
import org.partman4j.time.EpochUnit;

/**
 * What a set's bounds mean, from its control column's type and its {@code epoch} setting: the four
 * ways pg_partman 5 partitions.
 */
public enum SetKind {
  /** A {@code timestamptz}, {@code timestamp} or {@code date} column: bounds are time texts. */
  TIME,
  /** An integer column counting seconds (or ms, µs, ns) since 1970: partitioned by time. */
  EPOCH,
  /**
   * A {@code text} or {@code uuid} column whose values encode a time ({@code time_encoder} / {@code
   * time_decoder}, e.g. UUIDv7): partitioned by time, bounds readable only by the decoder.
   */
  ENCODED,
  /** An integer or numeric column with {@code epoch = 'none'}: bounds are numbers. */
  ID;

  /**
   * The kind of a set.
   *
   * @throws IllegalArgumentException when the type cannot be a control column, or an epoch is set
   *     on a column that is not an integer
   */
  public static SetKind of(ControlType type, EpochUnit epoch) {
    if (type.isTime()) {
      requireNoEpoch(type, epoch);
      return TIME;
    }
    if (type.isEncoded()) {
      requireNoEpoch(type, epoch);
      return ENCODED;
    }
    if (type.isId()) {
      return epoch == EpochUnit.NONE ? ID : EPOCH;
    }
    throw new IllegalArgumentException(
        "a control column of type "
            + type.exactType()
            + " cannot be partitioned; pg_partman supports timestamptz, timestamp, date, int2,"
            + " int4, int8, numeric, and text or uuid with a time encoder and decoder");
  }

  /** Whether children cover ranges of time (every kind but {@link #ID}). */
  public boolean isTimeBased() {
    return this != ID;
  }

  private static void requireNoEpoch(ControlType type, EpochUnit epoch) {
    if (epoch != EpochUnit.NONE) {
      throw new IllegalArgumentException(
          "epoch '"
              + epoch.configText()
              + "' is set, but the control column is "
              + type.exactType()
              + ", not an integer; an epoch applies to integer columns only");
    }
  }
}
