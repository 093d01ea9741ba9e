package org.partman4j.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.partman4j.ErrorCode;
import org.partman4j.PartitionDataOptions;
import org.partman4j.PartitionDataResult;
import org.partman4j.PartmanException;
import org.partman4j.catalog.ChildTable;
import org.partman4j.ddl.ChildCreator;
import org.partman4j.ddl.ChildOutcome;
import org.partman4j.ddl.ChildPropertiesReader;
import org.partman4j.ddl.ChildResult;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.SetConfig;
import org.partman4j.model.TableName;
import org.partman4j.plan.PlannedChild;
import org.partman4j.plan.SetKind;
import org.partman4j.sql.DataSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code partitionData} operation: pg_partman's {@code partition_data_proc}. Rows move out of
 * the set's default partition, or out of any table, into the children their control values belong
 * in, children missing on the set's grid being made on the way.
 *
 * <p>Every batch is one transaction, {@code WITH moved AS (DELETE … RETURNING) INSERT …} over one
 * range, so a crash loses and duplicates nothing and a rerun resumes with the rows still in the
 * source. Out of the default, the rows of a child leave the default into a temporary table, the
 * child is made and attached, and the rows go into it, all in one transaction: ATTACH refuses while
 * the default holds rows of the new range.
 *
 * <p>Ranges are handed out one child at a time, in the order asked, to one or more workers, each
 * with its own session; a worker moves its child's range in batches.
 */
public final class PartitionData {

  private static final Logger log = LoggerFactory.getLogger(PartitionData.class);

  private final Sessions sessions;
  private final String schema;
  private final ChildCreator creator;

  public PartitionData(Sessions sessions, String schema, LockRetry retry) {
    this.sessions = sessions;
    this.schema = schema;
    this.creator = new ChildCreator(retry, new SubSetRegistrar(schema, null, retry, null));
  }

  /** Moves the rows as {@code options} say. */
  public PartitionDataResult run(String parentTable, PartitionDataOptions options) {
    BatchTransaction tx =
        new BatchTransaction(
            options.lockWait(), options.lockWaitTries(), options.waitBetweenBatches());
    return planned(
        parentTable,
        options,
        (session, name, plan) ->
            plan.isEmpty()
                ? new PartitionDataResult(
                    name.toString(), null, 0, 0, List.of(), true, java.time.Duration.ZERO)
                : execute(session, plan.get(), plan.get().grid(), options, tx));
  }

  /**
   * The statements {@link #run} would send, in order, changing nothing: the children it would make,
   * then each batch with its range (ctid pages or control values) written in. Reads what a run
   * reads to plan, and the source's control values to find the ranges.
   */
  public List<String> dryRun(String parentTable, PartitionDataOptions options) {
    return planned(
        parentTable,
        options,
        (session, name, plan) ->
            plan.isEmpty()
                ? List.<String>of()
                : statements(session, plan.get(), plan.get().grid(), options));
  }

  /** What a run or a dry run does with the plan (empty: no default, nothing to move). */
  private interface PlanUse<T> {
    T apply(Session session, TableName parent, Optional<MovePlan> plan);
  }

  /** Checks the input, plans under the set's lock, and hands the plan to {@code use}. */
  private <T> T planned(String parentTable, PartitionDataOptions options, PlanUse<T> use) {
    TableName name = InspectionErrors.parseTable("parent table", parentTable);
    checkOptions(options);
    TableName source =
        options.sourceTable() == null
            ? null
            : InspectionErrors.parseTable("source table", options.sourceTable());
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return SetLocks.withSetLock(
          session,
          name.toString(),
          () ->
              use.apply(
                  session,
                  name,
                  session.inTransaction(
                      "planning the move of rows into " + name,
                      c -> plan(c, session, name, source, options))));
    }
  }

  private static void checkOptions(PartitionDataOptions options) {
    if (options.workers() < 1) {
      throw InspectionErrors.invalid(
          "The number of workers is " + options.workers() + "; give 1 or more.");
    }
    BatchTransaction.requireCount("batch count", options.batchCount());
    new BatchTransaction(options.lockWait(), options.lockWaitTries(), options.waitBetweenBatches());
  }

  private <V extends Comparable<V>> List<String> statements(
      Session session, MovePlan plan, MoveGrid<V> grid, PartitionDataOptions o) {
    List<String> out = new ArrayList<>();
    TableName parent = plan.set().name();
    String control = plan.set().config().control();
    long budget = o.batchCount() == 0 ? Long.MAX_VALUE : o.batchCount();
    long batches = 0;
    if (plan.pages() != null) {
      Set<TableName> done = new HashSet<>();
      for (PageBatches.Batch b : plan.pages()) {
        if (batches >= budget) {
          break;
        }
        List<PlannedChild> children =
            session.inTransaction(
                "reading the pages of " + plan.source(),
                c -> PageBatches.prepare(c, plan, grid, b, !o.descending(), done));
        if (children == null) {
          continue; // no rows there: a run skips the batch
        }
        for (ChildResult r :
            creator.dryRun(
                session, plan.props(), children.stream().map(PlannedChild::child).toList())) {
          out.addAll(r.statements());
        }
        out.add(DataSql.move(plan.source(), parent, plan.columns(), b.where(control)));
        batches++;
      }
    } else {
      boolean ascending = !o.descending();
      MoveRehearsal<V> rehearsal = new MoveRehearsal<>(session, plan, grid, ascending);
      WindowFeed<V> feed = new WindowFeed<>(session, plan, grid, ascending);
      for (MoveGrid.Window<V> w = feed.next(); w != null && batches < budget; w = feed.next()) {
        if (w.toCreate() != null && !plan.fromDefault()) {
          for (ChildResult r :
              creator.dryRun(session, plan.props(), List.of(w.toCreate().child()))) {
            out.addAll(r.statements());
          }
        }
        batches += rehearsal.window(w, budget - batches, out);
      }
    }
    if (o.analyze() && batches > 0) {
      out.add(DataSql.analyze(parent));
    }
    return out;
  }

  private Optional<MovePlan> plan(
      Connection c, Session session, TableName name, TableName given, PartitionDataOptions o)
      throws SQLException {
    SetReader reader = new SetReader(schema);
    SetSnapshot set = reader.read(c, name, session.zone());
    SetConfig config = set.config();
    if (config.undoInProgress()) {
      throw InspectionErrors.invalid(
          "Set "
              + name
              + " is being undone (part_config.undo_in_progress); finish undoPartition first, or"
              + " set undo_in_progress to false if the undo was abandoned. Nothing was moved.");
    }
    Optional<ChildTable> def = set.parent().defaultPartition();
    TableName source;
    boolean fromDefault;
    MovePlan.Relation rel;
    if (given == null || def.isPresent() && def.get().name().equals(given)) {
      if (def.isEmpty()) {
        return Optional.empty(); // as pg_partman: no default, nothing to move
      }
      source = def.get().name();
      fromDefault = true;
      rel = MovePlan.relation(c, source);
    } else {
      source = given;
      fromDefault = false;
      rel = MovePlan.relation(c, source);
      if (rel == null) {
        throw new PartmanException(
            ErrorCode.OBJECT_NOT_FOUND,
            "The source table "
                + source
                + " does not exist. Check the name: schema.table, exactly as in the catalog."
                + " Nothing was moved.");
      }
      if (source.equals(name) || rel.parentOid() == set.parent().oid()) {
        throw InspectionErrors.invalid(
            "The source table "
                + source
                + " is "
                + (source.equals(name) ? "the set's parent" : "a child of " + name)
                + "; rows can be moved out of the default partition or out of a table outside the"
                + " set. Nothing was moved.");
      }
      if (!"r".equals(rel.relkind())) {
        throw InspectionErrors.invalid(
            "The source "
                + source
                + " is not a plain table (relkind "
                + rel.relkind()
                + "); give a table, or move the rows of each of its partitions. Nothing was moved.");
      }
    }
    List<String> columns =
        MoveColumns.list(
            source,
            MoveColumns.read(c, source),
            name,
            MoveColumns.read(c, name),
            MoveColumns.read(c, name),
            name,
            o.ignoredColumns(),
            config.control());
    MovePlan.Grid grid = MovePlan.grid(c, reader, set, o.batchInterval(), fromDefault);
    TableName template =
        config.templateTable() == null ? null : TableName.parse(config.templateTable());
    var props =
        new ChildPropertiesReader()
            .read(
                c,
                name,
                template,
                config.inheritPrivileges() != null && config.inheritPrivileges());
    MovePlan plan =
        new MovePlan(
            set,
            source,
            fromDefault,
            columns,
            grid.grid(),
            grid.whole(),
            props,
            MovePlan.estimate(c, source, rel),
            null);
    if (!fromDefault
        && grid.whole()
        && set.bounds().kind() != SetKind.ENCODED
        && PageBatches.suits(c, source, config.control())) {
      plan = plan.withPages(PageBatches.plan(c, source, !o.descending()));
    }
    return Optional.of(plan);
  }

  private <V extends Comparable<V>> PartitionDataResult execute(
      Session session,
      MovePlan plan,
      MoveGrid<V> grid,
      PartitionDataOptions o,
      BatchTransaction tx) {
    TableName parent = plan.set().name();
    MoveProgress progress = new MoveProgress(parent.toString(), o.listener(), plan.totalEstimate());
    boolean ascending = !o.descending();
    // Attaching locks the default, and a custom encoder runs on the planning session: one worker.
    boolean single =
        plan.fromDefault() || plan.set().bounds().kind() == SetKind.ENCODED || o.workers() == 1;
    int workers = single ? 1 : o.workers();
    log.info(
        "{}: moving rows of {} ({} estimated) with {} worker(s){}",
        parent,
        plan.source(),
        plan.totalEstimate(),
        workers,
        plan.pages() == null ? "" : ", " + plan.pages().size() + " batches by pages");
    boolean complete;
    if (plan.pages() != null) {
      complete = movePages(plan, grid, workers, o, tx, progress);
    } else {
      WindowFeed<V> feed = new WindowFeed<>(session, plan, grid, ascending);
      AtomicLong budget = new AtomicLong(o.batchCount() == 0 ? Long.MAX_VALUE : o.batchCount());
      inWorkers(
          workers,
          (ws, stop) -> {
            MoveWorker<V> w = new MoveWorker<>(creator, ws, plan, grid, ascending, tx, progress);
            for (MoveGrid.Window<V> win = feed.next(); win != null; win = feed.next()) {
              if (stop.get() || !w.drain(win, budget)) {
                break;
              }
            }
          });
      complete = feed.exhausted() && budget.get() > 0;
    }
    if (o.analyze() && progress.rows() > 0) {
      try (Statement st = session.connection().createStatement()) {
        st.execute(DataSql.analyze(parent));
      } catch (SQLException e) {
        log.warn("{}: ANALYZE after the move failed: {}", parent, e.getMessage());
      }
    }
    log.info("{}: moved {} rows in {} batches", parent, progress.rows(), progress.batches());
    return new PartitionDataResult(
        parent.toString(),
        plan.source().toString(),
        progress.rows(),
        progress.batches(),
        progress.created(),
        complete,
        progress.elapsed());
  }

  /**
   * The batches by pages, handed out in order to the workers: each reads its pages, makes the
   * children its rows need (one worker at a time, so that no batch runs before a child another
   * worker is making for it exists), then moves its rows. Returns whether every batch ran.
   */
  private <V extends Comparable<V>> boolean movePages(
      MovePlan plan,
      MoveGrid<V> grid,
      int workers,
      PartitionDataOptions o,
      BatchTransaction tx,
      MoveProgress progress) {
    List<PageBatches.Batch> batches = plan.pages();
    TableName parent = plan.set().name();
    String control = plan.set().config().control();
    AtomicInteger next = new AtomicInteger();
    AtomicLong budget = new AtomicLong(o.batchCount() == 0 ? Long.MAX_VALUE : o.batchCount());
    AtomicBoolean cut = new AtomicBoolean();
    Set<TableName> done = new HashSet<>();
    Object children = new Object();
    inWorkers(
        workers,
        (ws, stop) -> {
          for (int k = next.getAndIncrement();
              k < batches.size() && !stop.get();
              k = next.getAndIncrement()) {
            if (budget.getAndUpdate(b -> b > 0 ? b - 1 : 0) <= 0) {
              cut.set(true);
              return;
            }
            PageBatches.Batch b = batches.get(k);
            synchronized (children) {
              List<PlannedChild> make =
                  ws.inTransaction(
                      "reading the pages of " + plan.source(),
                      c -> PageBatches.prepare(c, plan, grid, b, !o.descending(), done));
              if (make == null) {
                budget.incrementAndGet(); // no rows there: no batch
                continue;
              }
              for (PlannedChild child : make) {
                if (creator.create(ws, plan.props(), child.child()).outcome()
                    == ChildOutcome.CREATED) {
                  progress.childCreated(child.name());
                }
              }
            }
            String sql = DataSql.move(plan.source(), parent, plan.columns(), b.where(control));
            long moved =
                tx.run(
                    ws,
                    "moving rows of "
                        + plan.source()
                        + " (pages "
                        + b.fromPage()
                        + " to "
                        + b.toPage()
                        + ") into "
                        + parent,
                    c -> MoveWorker.update(c, sql));
            progress.batch(moved);
            tx.pauseBetweenBatches();
          }
        });
    return !cut.get();
  }

  /** What one worker does on its own session; {@code stop} turns true when another one failed. */
  private interface WorkerBody {
    void run(Session session, AtomicBoolean stop);
  }

  /**
   * Runs {@code body} in {@code workers} threads, each with its own session; rethrows a failure.
   */
  private void inWorkers(int workers, WorkerBody body) {
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < workers; i++) {
        futures.add(
            pool.submit(
                () -> {
                  try (Session ws = sessions.open()) {
                    body.run(ws, stop);
                  } catch (RuntimeException | Error e) {
                    stop.set(true);
                    throw e;
                  }
                  return null;
                }));
      }
      RuntimeException failure = null;
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (failure == null && e.getCause() instanceof RuntimeException re) {
            failure = re;
          } else if (failure == null) {
            failure = new IllegalStateException(e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stop.set(true);
          failure = new PartmanException(ErrorCode.DATABASE_ERROR, "Interrupted; rerun to resume.");
        }
      }
      if (failure != null) {
        throw failure;
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
