package org.partman4j.command;

import java.util.List;
import java.util.Locale;
import org.partman4j.PartitionEntry;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.TableName;
import org.partman4j.plan.ChildOrder;
import org.partman4j.plan.DecodedChild;

/**
 * The {@code show_partitions} operation: a set's children in the order of their real lower bounds,
 * read from the catalog in one transaction (three queries, plus one for an encoded set's decoder).
 */
public final class ShowPartitions {

  private final Sessions sessions;
  private final String schema;

  /** The operation on sets configured in {@code schema}. */
  public ShowPartitions(Sessions sessions, String schema) {
    this.sessions = sessions;
    this.schema = schema;
  }

  /**
   * Lists the children of {@code parentTable}.
   *
   * @param order {@code ASC} or {@code DESC}, in any case
   * @param includeDefault whether to list the default partition (first, whatever the order)
   */
  public List<PartitionEntry> run(String parentTable, String order, boolean includeDefault) {
    boolean ascending = ascending(order);
    TableName name = InspectionErrors.parseTable("parent table", parentTable);
    SetReader reader = new SetReader(schema);
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return session.inTransaction(
          "listing the partitions of " + name,
          c -> {
            InspectionSql.readOnly(c);
            SetSnapshot set = reader.read(c, name, session.zone());
            List<DecodedChild> decoded = reader.decode(c, set, set.parent().children());
            return ChildOrder.order(decoded, set.bounds().kind(), ascending, includeDefault)
                .stream()
                .map(ShowPartitions::entry)
                .toList();
          });
    }
  }

  /** pg_partman's {@code p_order}: ASC or DESC, any case. */
  static boolean ascending(String order) {
    String o = order == null ? "" : order.toUpperCase(Locale.ROOT);
    return switch (o) {
      case "ASC" -> true;
      case "DESC" -> false;
      default ->
          throw InspectionErrors.invalid(
              "The order '" + order + "' is not valid; give ASC or DESC (in any case).");
    };
  }

  static PartitionEntry entry(DecodedChild d) {
    return new PartitionEntry(
        d.child().name().schema(),
        d.child().name().table(),
        d.isDefault(),
        d.child().boundExpression(),
        d.startTime(),
        d.endTime(),
        d.startId(),
        d.endId());
  }
}
