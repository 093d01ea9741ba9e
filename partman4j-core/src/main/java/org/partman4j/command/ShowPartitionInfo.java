package org.partman4j.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.List;
import org.partman4j.ErrorCode;
import org.partman4j.PartitionInfo;
import org.partman4j.PartmanException;
import org.partman4j.catalog.ChildTable;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.TableName;
import org.partman4j.plan.ChildRanges;
import org.partman4j.plan.DecodedChild;
import org.partman4j.time.InvalidIntervalException;
import org.partman4j.time.PgInterval;

/**
 * The {@code show_partition_info} operation: a child's range, from its real lower bound in the
 * catalog and the set's interval (or one given instead), with pg_partman's conventions.
 */
public final class ShowPartitionInfo {

  private final Sessions sessions;
  private final String schema;

  /** The operation on sets configured in {@code schema}. */
  public ShowPartitionInfo(Sessions sessions, String schema) {
    this.sessions = sessions;
    this.schema = schema;
  }

  /**
   * The range of {@code childTable}.
   *
   * @param partitionInterval an interval to compute the end with instead of the set's, or null
   * @param parentTable the child's parent, or null to look it up
   */
  public PartitionInfo run(String childTable, String partitionInterval, String parentTable) {
    TableName child = InspectionErrors.parseTable("child table", childTable);
    TableName givenParent =
        parentTable == null ? null : InspectionErrors.parseTable("parent table", parentTable);
    SetReader reader = new SetReader(schema);
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return session.inTransaction(
          "reading the range of " + child,
          c -> {
            InspectionSql.readOnly(c);
            TableName parent = parentOf(c, child, givenParent);
            SetSnapshot set;
            try {
              set = reader.read(c, parent, session.zone());
            } catch (PartmanException e) {
              if (e.code() == ErrorCode.SET_NOT_FOUND) {
                throw new PartmanException(
                    ErrorCode.SET_NOT_FOUND,
                    "The parent of "
                        + child
                        + ", "
                        + parent
                        + ", is not managed by partman4j (no part_config row in schema "
                        + schema
                        + "). Give a child of a managed set.");
              }
              throw e;
            }
            return info(c, reader, set, child, partitionInterval);
          });
    }
  }

  private static TableName parentOf(Connection c, TableName child, TableName givenParent)
      throws SQLException {
    InspectionSql.Relation relation =
        InspectionSql.relation(c, child)
            .orElseThrow(
                () ->
                    new PartmanException(
                        ErrorCode.OBJECT_NOT_FOUND,
                        "Child table "
                            + child
                            + " does not exist"
                            + (givenParent == null ? "" : " (given parent " + givenParent + ")")
                            + ". Check the name (schema.table, case-sensitive); showPartitions"
                            + " lists a set's children."));
    TableName actual = InspectionSql.parentOf(c, relation.oid()).orElse(null);
    if (actual == null) {
      throw InspectionErrors.invalid(
          "Table " + child + " is not a partition of any table; give a child of a managed set.");
    }
    if (givenParent != null && !givenParent.equals(actual)) {
      throw InspectionErrors.invalid(
          "Table "
              + child
              + " is a partition of "
              + actual
              + ", not of "
              + givenParent
              + "; give its own parent, or none.");
    }
    return actual;
  }

  private static PartitionInfo info(
      Connection c, SetReader reader, SetSnapshot set, TableName childName, String interval)
      throws SQLException {
    ChildTable child =
        set.parent().children().stream()
            .filter(t -> t.name().equals(childName))
            .findFirst()
            .orElseThrow(
                () ->
                    InspectionErrors.invalid(
                        "Table " + childName + " is not a partition of " + set.name() + "."));
    if (child.isDefault()) {
      throw InspectionErrors.invalid(
          "Table "
              + childName
              + " is the default partition of "
              + set.name()
              + "; it has no range. Give one of the set's other children.");
    }
    DecodedChild decoded = reader.decode(c, set, List.of(child)).get(0);
    boolean overridden = interval != null;
    String intervalText = overridden ? interval : set.config().partitionInterval();
    if (set.bounds().kind().isTimeBased()) {
      if (decoded.startTime() == null) {
        throw InspectionErrors.unusable(
            "Child " + childName + " has no lower bound (" + child.boundExpression() + ").");
      }
      PgInterval step;
      try {
        step = overridden ? PgInterval.parse(intervalText) : ShowPartitionName.timeInterval(set);
      } catch (InvalidIntervalException e) {
        throw InspectionErrors.invalid(
            "The partition interval '" + interval + "' is not an interval: " + e.getMessage());
      }
      try {
        return ChildRanges.timeInfo(decoded.startTime(), step, set.zone());
      } catch (DateTimeException e) {
        throw InspectionErrors.invalid(
            "The range of " + childName + " leaves PostgreSQL's timestamps: " + e.getMessage());
      }
    }
    if (decoded.startId() == null) {
      throw InspectionErrors.unusable(
          "Child " + childName + " has no lower bound (" + child.boundExpression() + ").");
    }
    long step;
    if (overridden) {
      try {
        step = ChildRanges.idInterval(intervalText);
      } catch (IllegalArgumentException e) {
        throw InspectionErrors.invalid("The partition interval is not valid: " + e.getMessage());
      }
    } else {
      step = ShowPartitionName.idInterval(set);
    }
    try {
      return ChildRanges.idInfo(decoded.startId(), step);
    } catch (ArithmeticException e) {
      throw InspectionErrors.unusable(
          "The range of "
              + childName
              + " ("
              + child.boundExpression()
              + ") leaves the bigint range that pg_partman reports ids in.");
    }
  }
}
