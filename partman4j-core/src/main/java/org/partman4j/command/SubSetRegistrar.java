package org.partman4j.command;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;
import org.partman4j.ErrorCode;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.PartmanException;
import org.partman4j.catalog.ChildTable;
import org.partman4j.catalog.TableColumn;
import org.partman4j.catalog.TableFacts;
import org.partman4j.ddl.SubPartitionKey;
import org.partman4j.ddl.SubSets;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Session;
import org.partman4j.model.ControlType;
import org.partman4j.model.SetConfig;
import org.partman4j.model.SubSetConfig;
import org.partman4j.model.TableName;
import org.partman4j.plan.DecodedChild;
import org.partman4j.store.ConfigStore;

/**
 * Makes a new child of a sub-partitioned set a set of its own (pg_partman's {@code
 * create_partition_*} step 8): a createParent on the child with the values of the upper set's
 * {@code part_config_sub} row — all of them, {@code sub_retention} and {@code
 * sub_retention_keep_index} included, which pg_partman leaves out — its children kept inside the
 * child's range when both levels are time or both are id.
 *
 * <p>The registration is a createParent: one transaction for the config row, one per sub-child, so
 * its lock count does not grow with the size of the tree, and a rerun completes it.
 */
final class SubSetRegistrar implements SubSets {

  private final String schema;
  private final Instant clock;
  private final LockRetry retry;
  private final String startPartition;
  private final ConfigStore store;

  /**
   * @param startPartition the start partition given to createSubParent (sub-sets it makes start
   *     there), or null
   */
  SubSetRegistrar(String schema, Instant clock, LockRetry retry, String startPartition) {
    this.schema = schema;
    this.clock = clock;
    this.retry = retry;
    this.startPartition = startPartition;
    this.store = new ConfigStore(schema);
  }

  @Override
  public SubPartitionKey keyFor(Connection c, TableName parent) {
    return store
        .findSub(c, parent.toString())
        .map(
            s -> new SubPartitionKey(s.subControl(), "list".equalsIgnoreCase(s.subPartitionType())))
        .orElse(null);
  }

  private record Prepared(PartitionSetDefinition definition, SubSetScope scope) {}

  @Override
  public void afterChild(Session session, TableName parent, TableName child) {
    Prepared p =
        session.inTransaction(
            "reading how " + parent + " is sub-partitioned",
            c -> prepare(c, session.zone(), parent, child));
    if (p == null) {
      return; // sub-partitioning was stopped meanwhile
    }
    new CreateParent(schema, clock, retry, new SubSetRegistrar(schema, clock, retry, null))
        .runIn(session, p.definition(), p.scope());
  }

  private Prepared prepare(Connection c, ZoneId zone, TableName parent, TableName child)
      throws SQLException {
    SubSetConfig sub = store.findSub(c, parent.toString()).orElse(null);
    if (sub == null) {
      return null;
    }
    SetConfig upper = store.find(c, parent.toString()).orElseThrow();
    SetReader reader = new SetReader(schema);
    SetSnapshot set = reader.read(c, parent, zone);
    ChildTable table =
        set.parent().children().stream()
            .filter(ch -> ch.name().equals(child))
            .findFirst()
            .orElseThrow(
                () ->
                    new PartmanException(
                        ErrorCode.OBJECT_NOT_FOUND,
                        child
                            + " is no longer a partition of "
                            + parent
                            + ", so it cannot be registered as a sub-set; run the operation"
                            + " again."));
    DecodedChild range = reader.decode(c, set, List.of(table)).get(0);
    boolean upperTime = set.bounds().kind().isTimeBased();
    SubSetScope scope;
    UnaryOperator<SetConfig> adjust = cfg -> withSubValues(cfg, sub);
    SubSetConfig inherited = siblingSub(c, set, child);
    if (upperTime && isTime(c, child, sub)) {
      scope = new SubSetScope(range.startTime(), range.endTime(), null, null, adjust, inherited);
    } else if (!upperTime && !isTime(c, child, sub)) {
      scope =
          new SubSetScope(
              null, null, whole(range.startId()), whole(range.endId()), adjust, inherited);
    } else {
      scope = new SubSetScope(null, null, null, null, adjust, inherited);
    }
    return new Prepared(definition(sub, child, upper), scope);
  }

  /**
   * The part_config_sub row of the first sibling sub-set that has one, as this sub-set's own
   * (unlike pg_partman, which swaps keep_table and keep_index in the copy and drops two columns).
   */
  private SubSetConfig siblingSub(Connection c, SetSnapshot upper, TableName child) {
    if (store.findSub(c, child.toString()).isPresent()) {
      return null;
    }
    java.util.Set<String> siblings = new java.util.HashSet<>();
    for (ChildTable ch : upper.parent().children()) {
      if (!ch.isDefault() && !ch.name().equals(child)) {
        siblings.add(ch.name().toString());
      }
    }
    for (SubSetConfig s : store.findAllSub(c)) {
      if (siblings.contains(s.subParent())) {
        return s.toBuilder().subParent(child.toString()).build();
      }
    }
    return null;
  }

  private static boolean isTime(Connection c, TableName child, SubSetConfig sub)
      throws SQLException {
    if (!"none".equals(sub.subEpoch())) {
      return true;
    }
    for (TableColumn col : TableFacts.columns(c, child)) {
      if (col.name().equals(sub.subControl())) {
        ControlType type = ControlType.of(col.typeName());
        return type.isTime() || type.isEncoded();
      }
    }
    return false;
  }

  private PartitionSetDefinition definition(SubSetConfig sub, TableName child, SetConfig upper) {
    PartitionSetDefinition def =
        PartitionSetDefinition.of(child.toString(), sub.subControl(), sub.subPartitionInterval())
            .type(sub.subPartitionType())
            .epoch(sub.subEpoch())
            .premake(sub.subPremake())
            .startPartition(startPartition)
            .defaultTable(sub.subDefaultTable() == null || sub.subDefaultTable())
            .automaticMaintenance(sub.subAutomaticMaintenance())
            .constraintCols(sub.subConstraintCols())
            .templateTable(sub.subTemplateTable())
            .jobmon(sub.subJobmon())
            .dateTruncInterval(sub.subDateTruncInterval())
            .controlNotNull(sub.subControlNotNull() == null || sub.subControlNotNull())
            .timeEncoding(sub.subTimeEncoder(), sub.subTimeDecoder())
            // The levels share the zone and the child prefix, so names and grids agree.
            .timeZone(upper.partitionTimezone())
            .childTablePrefix(upper.childTablePrefix());
    return Boolean.TRUE.equals(sub.subInheritPrivileges()) ? def.inheritPrivileges(true) : def;
  }

  /** The sub-config's values the definition does not carry (pg_partman's UPDATE after it). */
  static SetConfig withSubValues(SetConfig cfg, SubSetConfig sub) {
    var b =
        cfg.toBuilder()
            .retention(sub.subRetention())
            .retentionSchema(sub.subRetentionSchema())
            .retentionKeepTable(sub.subRetentionKeepTable())
            .retentionKeepIndex(sub.subRetentionKeepIndex())
            .optimizeConstraint(sub.subOptimizeConstraint())
            .infiniteTimePartitions(sub.subInfiniteTimePartitions())
            .constraintValid(sub.subConstraintValid())
            .ignoreDefaultData(sub.subIgnoreDefaultData())
            .maintenanceOrder(sub.subMaintenanceOrder())
            .retentionKeepPublication(sub.subRetentionKeepPublication())
            .detachBeforeDrop(sub.subDetachBeforeDrop());
    if (sub.subMaintenanceRole() != null) {
      b.maintenanceRole(sub.subMaintenanceRole());
    }
    return b.build();
  }

  private static BigInteger whole(BigDecimal v) {
    return v == null ? null : v.setScale(0, RoundingMode.FLOOR).toBigInteger();
  }
}
