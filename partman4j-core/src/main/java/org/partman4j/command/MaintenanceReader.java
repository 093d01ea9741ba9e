package org.partman4j.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.PartmanException;
import org.partman4j.catalog.CatalogReader;
import org.partman4j.catalog.ParentTable;
import org.partman4j.exec.Session;
import org.partman4j.model.ControlType;
import org.partman4j.model.SetConfig;
import org.partman4j.model.TableName;
import org.partman4j.plan.BoundValues;
import org.partman4j.plan.ChildOrder;
import org.partman4j.plan.DecodedChild;
import org.partman4j.plan.SetKind;
import org.partman4j.sql.MaintenanceSql;
import org.partman4j.store.ConfigStore;
import org.partman4j.time.EpochUnit;
import org.partman4j.time.Uuid7;

/**
 * Reads every set maintenance needs with a fixed number of round trips, however many sets there
 * are: the config rows, all parents and children, and all control columns in one transaction; then
 * which children hold rows and their newest values in a few batched probe statements.
 *
 * <p>"Current" is found as pg_partman 5.2 finds it, from the newest child that holds a row, not
 * from a {@code max()} over the whole set: the probes first ask the newest {@code premake + 2}
 * children of every set whether they hold a row (an {@code EXISTS}, which reads at most one row),
 * and only the sets whose newest children are all empty have their older children asked.
 */
final class MaintenanceReader {

  /** Tables per probe statement, so that one statement never locks too many relations at once. */
  static final int PROBES_PER_STATEMENT = 1000;

  private final String schema;

  MaintenanceReader(String schema) {
    this.schema = schema;
  }

  /** Every part_config row with its snapshot, in one transaction. */
  List<MaintainedSet> readAll(Session session) {
    // Autocommit: under READ COMMITTED a transaction would not give the reads one snapshot either.
    return Autocommit.run(
        session, "reading the partition sets to maintain", c -> read(c, session.zone()));
  }

  private List<MaintainedSet> read(Connection c, ZoneId sessionZone) throws SQLException {
    List<MaintainedSet> out = new ArrayList<>();
    List<TableName> names = new ArrayList<>();
    for (SetConfig config : new ConfigStore(schema).findAll(c)) {
      MaintainedSet m = new MaintainedSet(config);
      out.add(m);
      try {
        names.add(TableName.parse(config.parentTable()));
      } catch (RuntimeException e) {
        m.error = "its parent_table '" + config.parentTable() + "' is not schema.table";
      }
    }
    Map<TableName, ParentTable> parents = new CatalogReader().read(c, names);
    Map<String, ColumnFacts> columns = columns(c, out);
    for (MaintainedSet m : out) {
      if (m.error != null) {
        continue;
      }
      TableName name = TableName.parse(m.config.parentTable());
      ParentTable parent = parents.get(name);
      ColumnFacts column = columns.get(m.name());
      if (parent == null) {
        m.error =
            "the table "
                + name
                + " does not exist; drop or correct its part_config row in schema "
                + schema;
      } else if (column == null) {
        m.error =
            "its control column \""
                + m.config.control()
                + "\" does not exist; correct part_config.control or the table";
      } else {
        try {
          ControlType type = ControlType.of(column.typeName());
          ZoneId zone = SetReader.zoneOf(m.config, sessionZone);
          BoundValues bounds = BoundValues.of(type, EpochUnit.parse(m.config.epoch()), zone);
          if (bounds.kind() == SetKind.ENCODED && m.config.timeDecoder() == null) {
            throw new IllegalArgumentException(
                "it has a " + type.exactType() + " control column but no time_decoder");
          }
          m.set = new SetSnapshot(name, m.config, parent, type, column.notNull(), zone, bounds);
          List<DecodedChild> decoded =
              new SetReader(schema).decode(c, m.set, m.set.parent().children());
          m.newestFirst = ChildOrder.order(decoded, bounds.kind(), false, false);
          m.defaultChild =
              decoded.stream().filter(DecodedChild::isDefault).findFirst().orElse(null);
        } catch (PartmanException | IllegalArgumentException e) {
          m.error = e.getMessage();
          m.set = null;
        }
      }
    }
    return out;
  }

  private record ColumnFacts(String typeName, boolean notNull) {}

  private static Map<String, ColumnFacts> columns(Connection c, List<MaintainedSet> sets)
      throws SQLException {
    List<MaintainedSet> wanted = new ArrayList<>();
    List<String> schemas = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    List<String> cols = new ArrayList<>();
    for (MaintainedSet m : sets) {
      if (m.error == null) {
        TableName t = TableName.parse(m.config.parentTable());
        wanted.add(m);
        schemas.add(t.schema());
        tables.add(t.table());
        cols.add(m.config.control());
      }
    }
    Map<String, ColumnFacts> out = new HashMap<>();
    if (wanted.isEmpty()) {
      return out;
    }
    try (PreparedStatement ps = c.prepareStatement(MaintenanceSql.COLUMNS)) {
      ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
      ps.setArray(2, c.createArrayOf("text", tables.toArray()));
      ps.setArray(3, c.createArrayOf("text", cols.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              wanted.get(rs.getInt(1) - 1).name(),
              new ColumnFacts(rs.getString(2), rs.getBoolean(3)));
        }
      }
    }
    return out;
  }

  /**
   * Finds, for each set, its newest child holding a row and that row's value, whether its default
   * holds rows, and (unless {@code ignore_default_data}) the default's largest value. Each probe
   * statement runs in its own short autocommit transaction.
   */
  void probe(Session session, List<MaintainedSet> sets) {
    int depthFirst = 0;
    for (MaintainedSet m : sets) {
      depthFirst = Math.max(depthFirst, m.config.premake() + 2);
    }
    // Stage 1: the newest children of every set, and every default.
    Map<MaintainedSet, Integer> probed = new HashMap<>();
    List<TableName> tables = new ArrayList<>();
    List<Runnable> onRow = new ArrayList<>();
    for (MaintainedSet m : sets) {
      int depth = Math.min(m.newestFirst.size(), m.config.premake() + 2);
      addChildProbes(m, 0, depth, tables, onRow);
      probed.put(m, depth);
      if (m.defaultChild != null) {
        tables.add(m.defaultChild.child().name());
        onRow.add(() -> m.defaultHasRows = true);
      }
    }
    runNonEmpty(session, tables, onRow, LeafProbes.expand(session, tables, onRow));
    // Stage 2: older children of the sets whose newest ones were all empty.
    tables.clear();
    onRow.clear();
    for (MaintainedSet m : sets) {
      int from = probed.get(m);
      if (m.dataChild == null && from < m.newestFirst.size()) {
        addChildProbes(m, from, m.newestFirst.size(), tables, onRow);
      }
    }
    runNonEmpty(session, tables, onRow, LeafProbes.expand(session, tables, onRow));
    // Stage 3: the newest value of each set's newest non-empty child, and of its default.
    List<MaintenanceSql.Newest> newest = new ArrayList<>();
    List<java.util.function.Consumer<String>> onValue = new ArrayList<>();
    for (MaintainedSet m : sets) {
      String decoder = decoderSql(m);
      if (m.dataChild != null && m.dataChild.child().partitioned()) {
        // a sub-partitioned child: through its leaves, a bounded number per transaction
        TableName child = m.dataChild.child().name();
        List<TableName> leaves =
            LeafProbes.leaves(session, List.of(child)).getOrDefault(0, List.of());
        m.dataMax =
            LeafProbes.newest(
                session, leaves, m.config.control(), decoder, LeafProbes.PER_STATEMENT);
      } else if (m.dataChild != null) {
        newest.add(
            new MaintenanceSql.Newest(m.dataChild.child().name(), m.config.control(), decoder));
        onValue.add(v -> m.dataMax = v);
      }
      if (m.defaultHasRows && !m.config.ignoreDefaultData()) {
        newest.add(
            new MaintenanceSql.Newest(m.defaultChild.child().name(), m.config.control(), decoder));
        onValue.add(v -> m.defaultMax = v);
      }
    }
    inChunks(
        session,
        PROBES_PER_STATEMENT,
        "reading the newest values of the partition sets",
        newest,
        MaintenanceSql::newestValues,
        (k, rs) -> onValue.get(k).accept(rs.getString(2)));
  }

  private static String decoderSql(MaintainedSet m) {
    return m.set.bounds().kind() == SetKind.ENCODED && !Uuid7.isBuiltIn(m.config.timeDecoder())
        ? SetReader.functionSql(m.set.name(), m.config.timeDecoder())
        : null;
  }

  /**
   * Probes children {@code [from, to)} of {@code m} (newest first); the first that holds a row, in
   * that order, becomes the set's data child. Rows come back in any order, so each probe records
   * the child only when it is newer than what an earlier row recorded.
   */
  private static void addChildProbes(
      MaintainedSet m, int from, int to, List<TableName> tables, List<Runnable> onRow) {
    for (int i = from; i < to; i++) {
      DecodedChild child = m.newestFirst.get(i);
      int rank = i;
      tables.add(child.child().name());
      onRow.add(
          () -> {
            if (m.dataChild == null || m.newestFirst.indexOf(m.dataChild) > rank) {
              m.dataChild = child;
            }
          });
    }
  }

  private static void runNonEmpty(
      Session session, List<TableName> tables, List<Runnable> onRow, boolean leaves) {
    inChunks(
        session,
        leaves ? LeafProbes.PER_STATEMENT : PROBES_PER_STATEMENT,
        "looking for the newest rows of the partition sets",
        tables,
        MaintenanceSql::nonEmpty,
        (k, rs) -> onRow.get(k).run());
  }

  /** What to do with a probe's row: {@code k} is the index of the probed item in the full list. */
  @FunctionalInterface
  private interface ProbeRow {
    void accept(int k, ResultSet rs) throws SQLException;
  }

  /**
   * Runs one probe statement per {@code perStatement} items, each in its own autocommit
   * transaction, handing every row (whose first column is the item's index in its chunk) on.
   */
  private static <T> void inChunks(
      Session session,
      int perStatement,
      String doing,
      List<T> items,
      java.util.function.Function<List<T>, String> render,
      ProbeRow onRow) {
    for (int from = 0; from < items.size(); from += perStatement) {
      List<T> chunk = items.subList(from, Math.min(items.size(), from + perStatement));
      int base = from;
      Autocommit.run(
          session,
          doing,
          c -> {
            try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(render.apply(chunk))) {
              while (rs.next()) {
                onRow.accept(base + rs.getInt(1), rs);
              }
            }
            return null;
          });
    }
  }
}
