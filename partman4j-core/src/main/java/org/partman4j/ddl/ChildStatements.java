package org.partman4j.ddl;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.partman4j.model.Grantee;
import org.partman4j.model.TableName;
import org.partman4j.model.TablePrivilege;
import org.partman4j.naming.PartitionNames;
import org.partman4j.plan.EpochCheck;
import org.partman4j.plan.NewChild;
import org.partman4j.sql.DdlSql;

/**
 * The steps that make one child, in pg_partman 5's order. Pure: properties and child in, steps out.
 *
 * <p>An ordinary child: CREATE … (LIKE parent) → column statistics targets → template properties
 * (primary key, unique indexes, UNLOGGED/LOGGED, storage parameters) → ATTACH → the epoch CHECK →
 * grants and owner → replica identity. The template's indexes go on before ATTACH so that
 * PostgreSQL's cloning of the parent's indexes finds them. The default partition is attached right
 * after CREATE, and gets replica identity, statistics targets and template properties after (as
 * pg_partman does).
 */
public final class ChildStatements {

  private ChildStatements() {}

  /** The steps for {@code child}. */
  public static List<Step> steps(ChildProperties p, NewChild child) {
    return steps(p, child, null, null);
  }

  /**
   * The steps for {@code child}, moving the rows of its range out of {@code defaultPartition} into
   * it just before the ATTACH when that is not null. Writes through the parent wait for the
   * transaction then (see {@link DdlSql#lockParentForAttach}), so none fails for the new bound.
   *
   * @param control the partition key column (needed when rows move)
   */
  public static List<Step> steps(
      ChildProperties p, NewChild child, TableName defaultPartition, String control) {
    TableName t = child.table();
    if (!t.schema().equals(p.parent().schema())) {
      throw new IllegalArgumentException(
          "child " + t + " must be in the schema of its parent " + p.parent());
    }
    List<Step> steps = new ArrayList<>();
    if (defaultPartition != null && !child.isDefault()) {
      steps.add(new Step.Run(DdlSql.lockParentForAttach(p.parent())));
    }
    SubPartitionKey key = child.isDefault() ? null : p.subPartitionKey();
    steps.add(
        new Step.Run(
            key == null
                ? DdlSql.createChild(t, p.parent(), p.tablespace())
                : DdlSql.createPartitionedChild(
                    t, p.parent(), p.tablespace(), key.column(), key.list())));
    String attach = DdlSql.attachPartition(p.parent(), t, child.bound());
    if (child.isDefault()) {
      if (child.epochCheck() != null) {
        throw new IllegalArgumentException("the default partition " + t + " takes no epoch CHECK");
      }
      steps.add(new Step.Run(attach));
      replicaIdentity(p, t, steps);
      statistics(p, t, steps);
      template(p, t, steps);
      if (p.inheritPrivileges()) {
        steps.add(new Step.ApplyPrivileges(t));
      }
      return List.copyOf(steps);
    }
    statistics(p, t, steps);
    if (key == null) {
      // A partitioned child takes no template properties (pg_partman skips them too): they go on
      // its own children.
      template(p, t, steps);
    }
    if (defaultPartition != null) {
      steps.add(new Step.MoveRows(defaultPartition, t, control));
    }
    steps.add(new Step.Run(attach));
    EpochCheck check = child.epochCheck();
    if (check != null) {
      String expr = DdlSql.epochExpression(check.column(), check.unit());
      steps.add(
          new Step.Run(
              DdlSql.addRangeCheck(
                  t,
                  PartitionNames.epochCheckConstraint(t.table()),
                  expr,
                  check.lower(),
                  check.upper())));
    }
    if (p.inheritPrivileges()) {
      steps.add(new Step.ApplyPrivileges(t));
    }
    replicaIdentity(p, t, steps);
    return List.copyOf(steps);
  }

  /**
   * The statements that give {@code child} the parent's grants and owner, given what the child has
   * now: for each grantee of the parent whose set differs, GRANT the parent's set and REVOKE the
   * rest; REVOKE ALL from grantees the parent does not have; then OWNER TO the parent's owner.
   */
  public static List<String> privileges(ChildProperties p, TableName child, TablePrivileges now) {
    return privileges(p.parentPrivileges(), child, now);
  }

  /**
   * The statements that give {@code child} the grants and owner {@code parent} has (pg_partman's
   * {@code apply_privileges}), given what the child has now; empty when they already agree.
   */
  public static List<String> privileges(
      TablePrivileges parent, TableName child, TablePrivileges now) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<Grantee, Set<TablePrivilege>> e : parent.grants().entrySet()) {
      Grantee g = e.getKey();
      if (!e.getValue().equals(now.of(g))) {
        out.add(DdlSql.grant(e.getValue(), child, g));
        Set<TablePrivilege> rest = EnumSet.allOf(TablePrivilege.class);
        rest.removeAll(e.getValue());
        if (!rest.isEmpty()) {
          out.add(DdlSql.revoke(rest, child, g));
        }
      }
    }
    for (Grantee g : now.grants().keySet()) {
      if (!parent.grants().containsKey(g)) {
        out.add(DdlSql.revokeAll(child, g));
      }
    }
    if (!parent.owner().equals(now.owner())) {
      out.add(DdlSql.ownerTo(child, parent.owner()));
    }
    return out;
  }

  /**
   * The SQL of the steps as a dry run shows them: privileges computed against what a new table of
   * this session would get, and the replica identity index marked as named only at run time.
   */
  public static List<String> preview(ChildProperties p, NewChild child) {
    return preview(p, child, null, null, List.of());
  }

  /**
   * {@link #preview(ChildProperties, NewChild)} of the steps that also move the rows of the child's
   * range out of {@code defaultPartition} (when not null).
   *
   * @param writableColumns the parent's columns the move names (see {@link DdlSql#moveRows})
   */
  public static List<String> preview(
      ChildProperties p,
      NewChild child,
      TableName defaultPartition,
      String control,
      List<String> writableColumns) {
    List<String> out = new ArrayList<>();
    for (Step s : steps(p, child, defaultPartition, control)) {
      if (s instanceof Step.Run r) {
        out.add(r.sql());
      } else if (s instanceof Step.ApplyPrivileges a) {
        out.addAll(privileges(p, a.child(), p.newTablePrivileges()));
      } else if (s instanceof Step.ReplicaIdentityIndex ri) {
        out.add(DdlSql.replicaIdentityPlaceholder(ri.child(), ri.parentIndexName()));
      } else if (s instanceof Step.MoveRows m) {
        out.add(DdlSql.lockExclusive(m.defaultPartition()));
        out.add(moveRows(p, m, child, writableColumns));
      }
    }
    return out;
  }

  /** The statement of a {@link Step.MoveRows} of {@code child}. */
  static String moveRows(
      ChildProperties p, Step.MoveRows m, NewChild child, List<String> writableColumns) {
    return DdlSql.moveRows(
        m.defaultPartition(),
        m.child(),
        m.control(),
        p.keyTypeSchema(),
        p.keyTypeName(),
        child.bound(),
        writableColumns);
  }

  private static void statistics(ChildProperties p, TableName t, List<Step> steps) {
    if (!p.statistics().isEmpty()) {
      steps.add(new Step.Run(DdlSql.setStatistics(t, p.statistics())));
    }
  }

  private static void replicaIdentity(ChildProperties p, TableName t, List<Step> steps) {
    ReplicaIdentity ri = p.replicaIdentity();
    switch (ri.kind()) {
      case 'f', 'n' -> steps.add(new Step.Run(DdlSql.replicaIdentity(t, ri.kind())));
      case 'i' -> steps.add(new Step.ReplicaIdentityIndex(t, ri.indexOid(), ri.indexName()));
      default -> {
        // 'd': new tables have the default already
      }
    }
  }

  private static void template(ChildProperties p, TableName t, List<Step> steps) {
    TemplateProperties tp = p.template();
    if (tp == null) {
      return;
    }
    for (IndexDefinition ix : tp.indexes()) {
      if (duplicatesParentIndex(ix, p.parentIndexes())) {
        continue;
      }
      if (ix.primary()) {
        steps.add(
            new Step.Run(
                DdlSql.addPrimaryKey(t, ix.keyColumns(), ix.includedColumns(), ix.tablespace())));
      } else if (ix.unique()) {
        steps.add(
            new Step.Run(DdlSql.createUniqueIndex(t, ix.body(), ix.tablespace(), ix.predicate())));
      }
    }
    // A new child is always permanent; only an UNLOGGED template changes that.
    if (tp.unlogged()) {
      steps.add(new Step.Run(DdlSql.setUnlogged(t, true)));
    }
    for (String option : tp.reloptions()) {
      steps.add(new Step.Run(DdlSql.setReloption(t, false, option)));
    }
    for (String option : tp.toastReloptions()) {
      steps.add(new Step.Run(DdlSql.setReloption(t, true, option)));
    }
  }

  /**
   * pg_partman skips a template index when the parent has a primary key on the same columns (both
   * being primary keys) or any index with the same definition: ATTACH clones those.
   */
  static boolean duplicatesParentIndex(IndexDefinition ix, List<IndexDefinition> parentIndexes) {
    for (IndexDefinition pi : parentIndexes) {
      if (pi.primary() && ix.primary() && pi.keyColumns().equals(ix.keyColumns())) {
        return true;
      }
      if (pi.tail().equals(ix.tail())) {
        return true;
      }
    }
    return false;
  }
}
