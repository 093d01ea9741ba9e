package org.partman4j.plan;

import java.util.List;
import org.partman4j.catalog.ChildTable;
import org.partman4j.catalog.PartitionBound;
import org.partman4j.model.TableName;

/** Children built by hand, as the catalog reader would give them. */
final class Children {

  private static long oid = 1000;

  private Children() {}

  static ChildTable range(String table, String lower, String upper) {
    return child(
        table,
        new PartitionBound.Range(lower, upper),
        "FOR VALUES FROM (" + q(lower, "MINVALUE") + ") TO (" + q(upper, "MAXVALUE") + ")");
  }

  static ChildTable list(String table, String... values) {
    return child(
        table,
        new PartitionBound.ListValues(List.of(values)),
        "FOR VALUES IN (" + String.join(", ", values) + ")");
  }

  static ChildTable defaultPartition(String table) {
    return child(table, new PartitionBound.Default(), "DEFAULT");
  }

  static ChildTable hash(String table) {
    String e = "FOR VALUES WITH (modulus 2, remainder 0)";
    return child(table, new PartitionBound.Unsupported(e), e);
  }

  private static ChildTable child(String table, PartitionBound bound, String expression) {
    return new ChildTable(new TableName("s", table), oid++, false, bound, expression);
  }

  private static String q(String v, String ifNull) {
    return v == null ? ifNull : "'" + v + "'";
  }
}
