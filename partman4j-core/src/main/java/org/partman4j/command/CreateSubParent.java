package org.partman4j.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.partman4j.ErrorCode;
import org.partman4j.PartitionDataOptions;
import org.partman4j.PartitionDataResult;
import org.partman4j.PartmanException;
import org.partman4j.SubParentResult;
import org.partman4j.SubPartitionDefinition;
import org.partman4j.catalog.ChildTable;
import org.partman4j.catalog.PartitionBound;
import org.partman4j.catalog.TableFacts;
import org.partman4j.ddl.ChildCreator;
import org.partman4j.ddl.ChildProperties;
import org.partman4j.ddl.ChildPropertiesReader;
import org.partman4j.ddl.ChildStatements;
import org.partman4j.ddl.SubPartitionKey;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.SubSetConfig;
import org.partman4j.model.TableName;
import org.partman4j.naming.PartitionNames;
import org.partman4j.plan.ChildOrder;
import org.partman4j.plan.DecodedChild;
import org.partman4j.plan.EpochCheck;
import org.partman4j.plan.NewChild;
import org.partman4j.plan.TimeColumn;
import org.partman4j.sql.DataSql;
import org.partman4j.sql.SubPartitionSql;
import org.partman4j.store.ConfigStore;
import org.partman4j.time.EpochUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code createSubParent} operation (pg_partman's {@code create_sub_parent}): every child of a
 * set becomes a partitioned set of its own, and children made later are partitioned when made.
 *
 * <p>Unlike pg_partman, which drops a child holding rows and makes it again empty, a child is
 * converted without losing a row: in one short transaction it is detached, renamed to a hold table
 * (marked by a comment) and replaced by a partitioned table of the same name and bound; the new
 * sub-set is registered and its children made (a transaction each); then the rows move from the
 * hold table into the sub-set in batches, each one {@code DELETE … RETURNING} into {@code INSERT}
 * (the data mover of partitionData), and the empty hold table is dropped. A crash at any point
 * leaves every row in the child or in the hold table; calling again finishes the conversion.
 */
public final class CreateSubParent {

  private static final Logger log = LoggerFactory.getLogger(CreateSubParent.class);

  private final Sessions sessions;
  private final String schema;
  private final Instant clock;
  private final LockRetry retry;
  private final ConfigStore store;

  public CreateSubParent(Sessions sessions, String schema, Instant clock, LockRetry retry) {
    this.sessions = sessions;
    this.schema = schema;
    this.clock = clock;
    this.retry = retry;
    this.store = new ConfigStore(schema);
  }

  private record Checked(
      SetSnapshot top, SubSetConfig sub, boolean existing, List<DecodedChild> decoded) {

    List<ChildTable> children() {
      return decoded.stream().map(DecodedChild::child).toList();
    }
  }

  /** Sub-partitions the set, converting its children. */
  public SubParentResult run(SubPartitionDefinition def) {
    TableName top = InspectionErrors.parseTable("top parent", def.topParent());
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return SetLocks.withSetLock(session, top.toString(), () -> apply(session, top, def));
    }
  }

  /**
   * What {@link #run} would do, changing nothing: the part_config_sub row, and per child the
   * statements that rebuild it and what follows (registration, rows moved back).
   */
  public List<String> dryRun(SubPartitionDefinition def) {
    TableName top = InspectionErrors.parseTable("top parent", def.topParent());
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      Checked ch = check(session, top, def);
      ChildProperties props = properties(session, ch);
      List<String> out = new ArrayList<>();
      if (!ch.existing()) {
        out.add(store.insertSubText(ch.sub()));
      }
      for (DecodedChild d : ch.decoded()) {
        ChildTable child = d.child();
        TableName hold = holdOf(child.name());
        boolean rows =
            !child.partitioned()
                && session.inTransaction(
                    "looking into " + child.name(), c -> hasRows(c, child.name()));
        if (!child.partitioned()) {
          out.add(
              "-- "
                  + child.name()
                  + (rows
                      ? ": holds rows; rebuilt as a partitioned table, rows kept in " + hold
                      : ": empty; rebuilt as a partitioned table"));
          out.add(DataSql.detach(top, child.name()));
          if (rows) {
            out.add(SubPartitionSql.rename(child.name(), hold.table()));
            out.add(SubPartitionSql.comment(hold, SubPartitionSql.holdMarker(child.name())));
          } else {
            out.add(DataSql.drop(child.name(), false));
          }
          out.addAll(ChildStatements.preview(props, rebuilt(ch.top(), d)));
          if (!Boolean.FALSE.equals(ch.sub().subDefaultTable())) {
            out.add(
                "-- and, in the same transaction, its default partition "
                    + PartitionNames.defaultPartition(child.name().table()));
          }
        }
        out.add(
            "-- register "
                + child.name()
                + " as a set partitioned by "
                + ch.sub().subControl()
                + " every "
                + ch.sub().subPartitionInterval()
                + " and create its children (one transaction each)");
        if (rows) {
          out.add(
              "-- move the rows of "
                  + hold
                  + " into the sub-set in batches (partitionData with that source), then "
                  + DataSql.drop(hold, false));
        }
      }
      return out;
    }
  }

  private SubParentResult apply(Session session, TableName top, SubPartitionDefinition def) {
    Checked ch = check(session, top, def);
    if (!ch.existing()) {
      session.inTransaction(
          "registering the sub-partitioning of " + top,
          c -> {
            store.insertSub(c, ch.sub());
            return null;
          });
    }
    ChildProperties props = properties(session, ch);
    SubSetRegistrar registrar = new SubSetRegistrar(schema, clock, retry, def.startPartition());
    ChildCreator creator = new ChildCreator(retry);
    List<String> subSets = new ArrayList<>();
    List<String> converted = new ArrayList<>();
    long rows = 0;
    for (DecodedChild decoded : ch.decoded()) {
      ChildTable child = decoded.child();
      if (!child.partitioned()) {
        replace(session, creator, props, ch.sub(), top, rebuilt(ch.top(), decoded));
        converted.add(child.name().toString());
      }
      registrar.afterChild(session, top, child.name());
      rows += moveBack(session, child.name());
      subSets.add(child.name().toString());
    }
    log.info(
        "createSubParent {}: {} sub-sets, {} children converted, {} rows moved back",
        top,
        subSets.size(),
        converted.size(),
        rows);
    return new SubParentResult(top.toString(), subSets, converted, rows, ch.existing());
  }

  private Checked check(Session session, TableName top, SubPartitionDefinition def) {
    return session.inTransaction(
        "checking the sub-partitioning of " + top,
        c -> {
          SetReader reader = new SetReader(schema);
          SetSnapshot set = reader.read(c, top, session.zone());
          List<DecodedChild> decoded =
              ChildOrder.order(
                  reader.decode(c, set, set.parent().nonDefaultChildren()),
                  set.bounds().kind(),
                  true,
                  false);
          List<ChildTable> children = decoded.stream().map(DecodedChild::child).toList();
          SubSetConfig sub = SubParentValidation.check(c, schema, def, set, children);
          Optional<SubSetConfig> stored = store.findSub(c, top.toString());
          if (stored.isPresent() && !SubParentValidation.same(stored.get(), sub)) {
            throw new PartmanException(
                ErrorCode.SET_ALREADY_EXISTS,
                top
                    + " is already sub-partitioned by "
                    + stored.get().subControl()
                    + " every "
                    + stored.get().subPartitionInterval()
                    + " ("
                    + stored.get().subPartitionType()
                    + "); stop that with stopSubPartition first. Nothing was changed.");
          }
          return new Checked(set, stored.orElse(sub), stored.isPresent(), decoded);
        });
  }

  private ChildProperties properties(Session session, Checked ch) {
    TableName top = ch.top().name();
    String template = ch.top().config().templateTable();
    Boolean inherit = ch.top().config().inheritPrivileges();
    return session
        .inTransaction(
            "reading what the children of " + top + " inherit",
            c ->
                new ChildPropertiesReader()
                    .read(
                        c,
                        top,
                        template == null ? null : TableName.parse(template),
                        inherit != null && inherit))
        .withSubPartitionKey(
            new SubPartitionKey(
                ch.sub().subControl(), "list".equalsIgnoreCase(ch.sub().subPartitionType())));
  }

  /**
   * Swaps a plain child for a partitioned one in one transaction: detach, keep its rows in the hold
   * table (or drop it when empty), create and attach the partitioned table with the same bound.
   */
  private void replace(
      Session session,
      ChildCreator creator,
      ChildProperties props,
      SubSetConfig subConfig,
      TableName top,
      NewChild child) {
    TableName hold = holdOf(child.table());
    boolean withDefault = !Boolean.FALSE.equals(subConfig.subDefaultTable());
    NewChild subDefault =
        new NewChild(
            new TableName(
                child.table().schema(), PartitionNames.defaultPartition(child.table().table())),
            new PartitionBound.Default(),
            null);
    for (int attempt = 1; ; attempt++) {
      try {
        session.inTransaction(
            "rebuilding " + child.table() + " as a partitioned table",
            c -> {
              run(c, DataSql.detach(top, child.table()));
              if (hasRows(c, child.table())) {
                run(c, SubPartitionSql.rename(child.table(), hold.table()));
                run(c, SubPartitionSql.comment(hold, SubPartitionSql.holdMarker(child.table())));
              } else {
                run(c, DataSql.drop(child.table(), false));
              }
              creator.createInTransaction(c, props, child);
              if (withDefault) {
                // in the same transaction, so writers of the range always find a partition
                creator.createInTransaction(
                    c, defaultProperties(c, child.table(), subConfig), subDefault);
              }
              return null;
            });
        log.info("createSubParent {}: {} rebuilt as a partitioned table", top, child.table());
        return;
      } catch (PartmanException e) {
        if (!LockRetry.isRetryable(e.sqlState())
            || attempt >= retry.attempts()
            || !retry.pause(attempt)) {
          throw e;
        }
      }
    }
  }

  /** What the sub-set's default partition takes from the new sub-parent and the sub template. */
  private static ChildProperties defaultProperties(
      Connection c, TableName subParent, SubSetConfig sub) throws SQLException {
    TableName template =
        sub.subTemplateTable() == null ? null : TableName.parse(sub.subTemplateTable());
    return new ChildPropertiesReader()
        .read(
            c,
            subParent,
            template != null && TableFacts.exists(c, template) ? template : null,
            Boolean.TRUE.equals(sub.subInheritPrivileges()));
  }

  /** Moves the rows of a converted child's hold table back into it; drops the emptied table. */
  private long moveBack(Session session, TableName child) {
    TableName hold = holdOf(child);
    String marker = session.inTransaction("looking for " + hold, c -> commentOf(c, hold));
    if (marker == null) {
      return 0;
    }
    if (!marker.equals(SubPartitionSql.holdMarker(child))) {
      throw new PartmanException(
          ErrorCode.NAME_COLLISION,
          "The table "
              + hold
              + " exists but is not the table partman4j keeps the rows of "
              + child
              + " in while converting it; rename or drop it and run again.");
    }
    PartitionDataResult r =
        new PartitionData(sessions, schema, retry)
            .run(
                child.toString(),
                PartitionDataOptions.defaults().sourceTable(hold.toString()).analyze(false));
    session.inTransaction(
        "dropping the emptied " + hold,
        c -> {
          if (hasRows(c, hold)) {
            throw new PartmanException(
                ErrorCode.DATABASE_ERROR,
                "Rows of "
                    + child
                    + " are still in "
                    + hold
                    + " after moving them back; nothing is lost. Run createSubParent again to"
                    + " finish.");
          }
          run(c, DataSql.drop(hold, false));
          return null;
        });
    log.info("createSubParent: {} rows of {} moved back from {}", r.rowsMoved(), child, hold);
    return r.rowsMoved();
  }

  /**
   * The partitioned table that replaces a child: the same name and bound, and for epoch sets the
   * same timestamp CHECK the child had.
   */
  private static NewChild rebuilt(SetSnapshot top, DecodedChild d) {
    EpochCheck check = null;
    String epoch = top.config().epoch();
    if (!"none".equals(epoch) && d.startTime() != null && d.endTime() != null) {
      TimeColumn.Timestamptz text = new TimeColumn.Timestamptz();
      check =
          new EpochCheck(
              top.config().control(),
              EpochUnit.parse(epoch),
              text.boundValue(d.startTime(), top.zone()),
              text.boundValue(d.endTime(), top.zone()));
    }
    return new NewChild(d.child().name(), d.child().bound(), check);
  }

  static TableName holdOf(TableName child) {
    return new TableName(child.schema(), PartitionNames.withSuffix(child.table(), "_p4j_hold"));
  }

  private static String commentOf(Connection c, TableName t) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SubPartitionSql.COMMENT_OF)) {
      ps.setString(1, t.schema());
      ps.setString(2, t.table());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static boolean hasRows(Connection c, TableName t) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(DataSql.hasRows(t))) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }

  private static void run(Connection c, String sql) throws SQLException {
    log.debug("createSubParent: {}", sql);
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
