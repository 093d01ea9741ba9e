package org.partman4j.command;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.catalog.CatalogReader;
import org.partman4j.catalog.ParentTable;
import org.partman4j.model.SetConfig;
import org.partman4j.model.TableName;
import org.partman4j.plan.ChildOrder;
import org.partman4j.plan.DecodedChild;
import org.partman4j.plan.RetentionPlanner;
import org.partman4j.plan.RetentionPlanner.Action;
import org.partman4j.plan.SetKind;
import org.partman4j.sql.RetentionSql;
import org.partman4j.time.PgInterval;

/**
 * The reads of one retention pass, in its planning transaction: the set's children as they are now,
 * the largest id, children whose detach is pending, and whether the retention schema can take the
 * children. Everything that could make the pass fail half-way is checked here, before anything
 * changes.
 */
final class RetentionReads {

  private RetentionReads() {}

  /**
   * What the pass will do.
   *
   * @param parent the parent and its children, read in the planning transaction
   * @param plan which children go, and how
   * @param concurrent whether to detach with CONCURRENTLY (the set has no default partition)
   * @param pending children whose concurrent detach was interrupted
   */
  record Work(
      ParentTable parent,
      RetentionPlanner.Plan plan,
      boolean concurrent,
      List<TableName> pending) {}

  static Work read(Connection c, String storeSchema, SetSnapshot set, Instant reference)
      throws SQLException {
    TableName name = set.name();
    SetConfig config = set.config();
    ParentTable parent = new CatalogReader().read(c, List.of(name)).get(name);
    if (parent == null) {
      throw InspectionErrors.parentMissing(name, storeSchema);
    }
    List<DecodedChild> children = new SetReader(storeSchema).decode(c, set, parent.children());
    Action action = RetentionPlanner.action(config.retentionKeepTable(), config.retentionSchema());
    RetentionPlanner.Plan plan;
    if (SetChildPlanning.isTimeBased(set)) {
      Instant cutoff;
      try {
        cutoff = RetentionPlanner.cutoff(reference, timeRetention(set), set.zone());
      } catch (DateTimeException e) {
        throw InspectionErrors.unusable(
            "The retention cutoff of set " + name + " is out of range: " + e.getMessage() + ".", e);
      }
      plan = RetentionPlanner.byTime(children, set.bounds().kind(), cutoff, action);
    } else {
      plan = RetentionPlanner.byId(children, maxId(c, config, children), idRetention(set), action);
    }
    if (action == Action.MOVE && !plan.retire().isEmpty()) {
      checkTarget(c, name, config.retentionSchema(), plan.retire());
    }
    return new Work(parent, plan, parent.defaultPartition().isEmpty(), pending(c, parent.oid()));
  }

  /** A time set's retention, which must be an interval of zero or more. */
  static PgInterval timeRetention(SetSnapshot set) {
    String text = set.config().retention();
    try {
      PgInterval i = PgInterval.parse(text);
      if (i.compareTo(PgInterval.ZERO) < 0) {
        throw new IllegalArgumentException("it is negative");
      }
      return i;
    } catch (IllegalArgumentException e) {
      throw InspectionErrors.unusable(
          "Set "
              + set.name()
              + " has retention '"
              + text
              + "', which is not an interval of zero or more ("
              + e.getMessage()
              + "). Set part_config.retention to e.g. '30 days', or to NULL for no retention.",
          e);
    }
  }

  /** An id set's retention, which must be a whole number of zero or more. */
  static BigInteger idRetention(SetSnapshot set) {
    String text = set.config().retention();
    BigInteger n = SetChildPlanning.bigint(text);
    if (n == null || n.signum() < 0) {
      throw InspectionErrors.unusable(
          "Set "
              + set.name()
              + " has retention '"
              + text
              + "', which is not a whole number of zero or more. Set part_config.retention to"
              + " e.g. '1000000', or to NULL for no retention.");
    }
    return n;
  }

  /**
   * The largest control value in the children, newest child first: the first child with rows
   * answers, and {@code max()} on an indexed column reads one index entry.
   */
  private static BigDecimal maxId(Connection c, SetConfig config, List<DecodedChild> children)
      throws SQLException {
    for (DecodedChild d : ChildOrder.order(children, SetKind.ID, false, false)) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery(RetentionSql.maxOf(d.child().name(), config.control()))) {
        if (rs.next() && rs.getString(1) != null) {
          return new BigDecimal(rs.getString(1));
        }
      }
    }
    return null;
  }

  private static List<TableName> pending(Connection c, long parentOid) throws SQLException {
    List<TableName> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(RetentionSql.PENDING_DETACH)) {
      ps.setLong(1, parentOid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new TableName(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return out;
  }

  /**
   * The retention schema must exist, take new tables from this role, and hold none of the names the
   * children bring (table, indexes, row type): SET SCHEMA would fail on any of them, after the
   * detach.
   */
  private static void checkTarget(
      Connection c, TableName set, String schema, List<DecodedChild> retire) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(RetentionSql.SCHEMA_USABLE)) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new PartmanException(
              ErrorCode.OBJECT_NOT_FOUND,
              "The retention schema \""
                  + schema
                  + "\" of set "
                  + set
                  + " does not exist, so retired children cannot be moved there; nothing was"
                  + " changed. Create the schema, or correct part_config.retention_schema.");
        }
        if (!rs.getBoolean(1)) {
          throw new PartmanException(
              ErrorCode.INSUFFICIENT_PRIVILEGE,
              "The role may not create tables in the retention schema \""
                  + schema
                  + "\" of set "
                  + set
                  + "; nothing was changed. GRANT CREATE ON SCHEMA to the role, or choose"
                  + " another schema.");
        }
      }
    }
    Map<String, TableName> owners = new HashMap<>();
    for (DecodedChild d : retire) {
      TableName child = d.child().name();
      if (child.schema().equals(schema)) {
        throw InspectionErrors.invalid(
            "The retention schema \""
                + schema
                + "\" of set "
                + set
                + " is the schema its children are in; nothing was changed. Choose another"
                + " schema.");
      }
      owners.put(child.table(), child);
    }
    try (PreparedStatement ps = c.prepareStatement(RetentionSql.INDEX_NAMES)) {
      ps.setArray(1, c.createArrayOf("int8", retire.stream().map(d -> d.child().oid()).toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        Map<Long, TableName> byOid = new HashMap<>();
        retire.forEach(d -> byOid.put(d.child().oid(), d.child().name()));
        while (rs.next()) {
          owners.putIfAbsent(rs.getString(2), byOid.get(rs.getLong(1)));
        }
      }
    }
    String[] names = owners.keySet().toArray(String[]::new);
    try (PreparedStatement ps = c.prepareStatement(RetentionSql.NAMES_TAKEN)) {
      ps.setString(1, schema);
      ps.setArray(2, c.createArrayOf("text", names));
      ps.setString(3, schema);
      ps.setArray(4, c.createArrayOf("text", names));
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          String taken = rs.getString(1);
          throw new PartmanException(
              ErrorCode.NAME_COLLISION,
              "Retention of set "
                  + set
                  + " would move "
                  + owners.get(taken)
                  + " to schema \""
                  + schema
                  + "\", which already holds an object named \""
                  + taken
                  + "\"; nothing was changed. Rename or drop that object, or choose another"
                  + " retention schema.");
        }
      }
    }
  }
}
