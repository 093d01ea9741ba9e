package org.partman4j.time;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;

/**
 * pg_partman's UUIDv7 time encoder and decoder ({@code uuid7_time_encoder} / {@code
 * uuid7_time_decoder}, 5.2), computed in Java so that a uuid set needs no function in the database.
 *
 * <p>The encoder writes the Unix time in milliseconds (the seconds' exact value times 1000, rounded
 * half away from zero as numeric to bigint rounds) as 12 lower-case hex digits, in the first two
 * groups of an otherwise zero uuid: {@code 019aa6a0-8800-0000-0000-000000000000}. Every UUIDv7
 * generated in that millisecond sorts at or after it, so it works as a partition bound.
 */
public final class Uuid7 {

  /** The encoder's function name in pg_partman's schema. */
  public static final String ENCODER_NAME = "uuid7_time_encoder";

  /** The decoder's function name in pg_partman's schema. */
  public static final String DECODER_NAME = "uuid7_time_decoder";

  private Uuid7() {}

  /** Whether a configured {@code schema.function} names pg_partman's UUIDv7 encoder or decoder. */
  public static boolean isBuiltIn(String qualifiedFunction) {
    if (qualifiedFunction == null) {
      return false;
    }
    int dot = qualifiedFunction.indexOf('.');
    String name = dot < 0 ? qualifiedFunction : qualifiedFunction.substring(dot + 1);
    return name.equals(ENCODER_NAME) || name.equals(DECODER_NAME);
  }

  /** The encoder's uuid text for {@code t}. */
  public static String encode(Instant t) {
    long millis =
        new BigDecimal(PgTimestamps.toEpochMicros(t))
            .movePointLeft(3)
            .setScale(0, RoundingMode.HALF_UP)
            .longValueExact();
    String hex = Long.toHexString(millis).toLowerCase(Locale.ROOT);
    // lpad(x, 12, '0') pads short texts and cuts long ones (a negative time's 16 digits) to 12.
    hex = hex.length() >= 12 ? hex.substring(0, 12) : "0".repeat(12 - hex.length()) + hex;
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-0000-0000-000000000000";
  }

  /** The decoder's instant for a uuid text: its first 48 bits as Unix milliseconds. */
  public static Instant decode(String uuid) {
    String hex = uuid.substring(0, 8) + uuid.substring(9, 13);
    long millis = Long.parseLong(hex, 16);
    return Instant.ofEpochMilli(millis);
  }
}
