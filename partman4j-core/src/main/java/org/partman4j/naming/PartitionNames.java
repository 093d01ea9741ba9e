package org.partman4j.naming;

/**
 * The names pg_partman gives to the objects of a partition set, reproduced exactly so that a set
 * created by either tool is recognised by the other.
 *
 * <p>Every name is at most 63 bytes. When a name would be longer, the suffix (the part that tells
 * children apart, such as {@code _p20261118}) is kept whole and the base name is cut from its end,
 * never inside a multibyte character. Two long parents that share their first ~46 bytes can
 * therefore get the same child names; callers must check for that (pg_partman does not).
 */
public final class PartitionNames {

  /** The default text between a parent's name and a child's suffix. */
  public static final String DEFAULT_CHILD_PREFIX = "_p";

  private PartitionNames() {}

  /**
   * pg_partman's {@code check_name_length(object, suffix)}: {@code object + suffix} when it fits in
   * 63 bytes, otherwise {@code object} cut so that {@code object + suffix} fits.
   */
  public static String withSuffix(String object, String suffix) {
    Identifiers.requireUsable("object name", object);
    String candidate = object + suffix;
    if (Identifiers.fits(candidate)) {
      return candidate;
    }
    int room = Math.max(0, Identifiers.MAX_BYTES - Identifiers.byteLength(suffix));
    return Identifiers.truncate(object, room) + suffix;
  }

  /**
   * The name of a child: parent name, prefix ({@code _p} unless the set says otherwise) and suffix
   * (the formatted lower bound: {@code 20261118}, {@code 20261122_013000}, {@code 3000000000},
   * {@code -1000}).
   *
   * @throws IllegalArgumentException when the suffix is empty, as pg_partman refuses it
   */
  public static String child(String parentTable, String childPrefix, String suffix) {
    if (suffix == null || suffix.isEmpty()) {
      throw new IllegalArgumentException(
          "a child partition name needs a suffix (the formatted lower bound); none was given for "
              + parentTable);
    }
    if (childPrefix == null || childPrefix.isEmpty()) {
      throw new IllegalArgumentException(
          "child_table_prefix must not be empty; pg_partman's default is '"
              + DEFAULT_CHILD_PREFIX
              + "'");
    }
    return withSuffix(parentTable, childPrefix + suffix);
  }

  /** {@link #child(String, String, String)} with the default prefix {@code _p}. */
  public static String child(String parentTable, String suffix) {
    return child(parentTable, DEFAULT_CHILD_PREFIX, suffix);
  }

  /** The default partition: {@code <parent>_default}. */
  public static String defaultPartition(String parentTable) {
    return withSuffix(parentTable, "_default");
  }

  /**
   * The template table pg_partman creates when none is given: {@code template_<schema>_<table>},
   * cut at 63 bytes (it lives in the partman schema, so the parent's schema is part of the name).
   */
  public static String template(String parentSchema, String parentTable) {
    Identifiers.requireUsable("schema name", parentSchema);
    Identifiers.requireUsable("table name", parentTable);
    return Identifiers.truncate("template_" + parentSchema + "_" + parentTable);
  }

  /** The extra min/max CHECK constraint on one column of an old child. */
  public static String extraConstraint(String childTable, String column) {
    Identifiers.requireUsable("column name", column);
    return withSuffix("partmanconstr_" + childTable, "_" + column);
  }

  /**
   * The CHECK constraint that states an epoch child's range in time: {@code
   * <child>_partition_check}, which pg_partman does not shorten itself, so the server cuts it at 63
   * bytes.
   */
  public static String epochCheckConstraint(String childTable) {
    return Identifiers.truncate(childTable + "_partition_check");
  }
}
