package org.partman4j.model;

/**
 * How pg_partman classifies a control column's type ({@code check_control_type}): {@code time} for
 * {@code timestamptz}, {@code timestamp} and {@code date}; {@code id} for {@code int2}, {@code
 * int4}, {@code int8} and {@code numeric}; {@code text} and {@code uuid} for those two types, which
 * are partitioned by time through an encoder/decoder pair. Anything else, domains over these
 * included, has no general type and cannot be a control column.
 *
 * @param generalType {@code time}, {@code id}, {@code text}, {@code uuid}, or null when unsupported
 * @param exactType the column's {@code pg_type.typname}
 */
public record ControlType(String generalType, String exactType) {

  public static final String TIME = "time";
  public static final String ID = "id";
  public static final String TEXT = "text";
  public static final String UUID = "uuid";

  /** Classifies a {@code pg_type.typname}. */
  public static ControlType of(String typeName) {
    String general =
        switch (typeName) {
          case "timestamptz", "timestamp", "date" -> TIME;
          case "int2", "int4", "int8", "numeric" -> ID;
          case "text" -> TEXT;
          case "uuid" -> UUID;
          default -> null;
        };
    return new ControlType(general, typeName);
  }

  /** Whether pg_partman can partition by this type at all. */
  public boolean isSupported() {
    return generalType != null;
  }

  /** Whether the column holds time values directly (not an epoch integer or an encoded value). */
  public boolean isTime() {
    return TIME.equals(generalType);
  }

  /** Whether the column is an integer or numeric type (an id set, or an epoch time set). */
  public boolean isId() {
    return ID.equals(generalType);
  }

  /** Whether the column needs a time encoder and decoder ({@code text} or {@code uuid}). */
  public boolean isEncoded() {
    return TEXT.equals(generalType) || UUID.equals(generalType);
  }
}
