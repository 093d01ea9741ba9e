package org.partman4j.catalog;

/** How a table is partitioned, from {@code pg_partitioned_table.partstrat}. */
public enum PartitionStrategy {
  RANGE,
  LIST,
  HASH;

  static PartitionStrategy fromCatalog(String partstrat) {
    if (partstrat == null) {
      return null;
    }
    return switch (partstrat) {
      case "r" -> RANGE;
      case "l" -> LIST;
      case "h" -> HASH;
      default -> throw new IllegalStateException("unknown partition strategy " + partstrat);
    };
  }
}
