package org.partman4j.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.partman4j.CreateParentResult;
import org.partman4j.MaintenanceResult;
import org.partman4j.PartitionDataOptions;
import org.partman4j.PartitionDataResult;
import org.partman4j.PartitionEntry;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.Partman;
import org.partman4j.RetentionOutcome;
import org.partman4j.SetMaintenanceResult;
import org.partman4j.SetStatus;
import org.partman4j.cli.output.TextTable;
import org.partman4j.cli.output.Values;
import org.partman4j.testkit.PostgresServer;
import org.partman4j.testkit.TestDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code partman demo}: partman4j from nothing to retention on a throwaway embedded PostgreSQL, as
 * an ordinary role. Needs no database and no arguments.
 */
@Command(
    name = "demo",
    sortOptions = false,
    description = {
      "Starts a throwaway PostgreSQL (binaries from Maven), creates a sample table, registers it"
          + " daily, inserts a week of rows (some landing in the default), runs maintenance,"
          + " applies a retention policy, printing each step and the partitions it produced;"
          + " then drops everything. Needs no database: the connection options are ignored."
    })
final class DemoCommand implements Callable<Integer> {

  static final String TABLE = "public.events";

  /** The demo's own fixed statements: a sample table and a week of sample rows. */
  static final String CREATE_TABLE =
      "CREATE TABLE public.events (id bigint GENERATED ALWAYS AS IDENTITY,"
          + " created_at timestamptz NOT NULL, kind text NOT NULL) PARTITION BY RANGE (created_at)";

  /** Every 15 minutes of the 7 days from today 00:00 UTC: 672 rows. */
  static final String INSERT_WEEK =
      "INSERT INTO public.events (created_at, kind)"
          + " SELECT t, (ARRAY['click','view','buy'])[1 + (extract(epoch FROM t)::bigint / 900) % 3]"
          + " FROM generate_series(date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',"
          + " date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'"
          + " + interval '7 days' - interval '15 minutes', interval '15 minutes') AS t";

  /** Late rows from 6 and 5 days ago, older than the oldest child: 192 rows. */
  static final String INSERT_LATE =
      "INSERT INTO public.events (created_at, kind)"
          + " SELECT t, 'late' FROM generate_series("
          + "date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - interval '6 days',"
          + " date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - interval '4 days'"
          + " - interval '15 minutes', interval '15 minutes') AS t";

  static final String ROWS_PER_CHILD =
      "SELECT tableoid::regclass::text, count(*) FROM public.events GROUP BY 1";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private PrintWriter out;
  private int step;

  @Override
  public Integer call() {
    PartmanCommand root = (PartmanCommand) spec.root().userObject();
    out = spec.commandLine().getOut();
    try (Logging ignored = Logging.verbosity(root.verbosity())) {
      say(
          "partman demo: a table partitioned by day, from nothing to retention, on a throwaway"
              + " PostgreSQL.\n");
      step("Starting an embedded PostgreSQL (the first run unpacks its binaries)");
      PostgresServer server = PostgresServer.get();
      try (TestDatabase db = TestDatabase.create("demo")) {
        say(
            "PostgreSQL "
                + server.majorVersion()
                + ", database "
                + db.name()
                + ", connected as "
                + db.ownerRole()
                + " (owner of the database, not a superuser).\n");
        run(db.dataSource());
        step("Cleaning up");
        say("Dropping database " + db.name() + "; the server stops when partman exits.\n");
      }
    }
    out.flush();
    return ExitCode.OK.code();
  }

  private void run(DataSource ds) {
    Partman partman = Partman.configure().dataSource(ds).timeZone(ZoneOffset.UTC).load();
    step("Creating the table and partman's configuration schema");
    say("  " + CREATE_TABLE + ";\n");
    execute(ds, CREATE_TABLE);
    partman.install();
    say("  partman install: schema partman with part_config, as pg_partman has.\n");

    step(
        "Registering it daily: partman create-parent --parent public.events --control created_at"
            + " --interval '1 day'");
    CreateParentResult created =
        partman.createParent(PartitionSetDefinition.of(TABLE, "created_at", "1 day"));
    say(
        "  "
            + children(created.created().size())
            + " made: 4 days back, today, 4 ahead (premake 4), and a default partition.\n");
    partitions(partman, ds);

    step(
        "Inserting a week of rows from today, every 15 minutes, and late rows of 6 and 5 days ago");
    execute(ds, INSERT_WEEK);
    execute(ds, INSERT_LATE);
    say(
        "  The late rows are older than the oldest child, and days 5 and 6 are past the newest:"
            + " all land in the default partition.\n");
    partitions(partman, ds);
    statusLine(partman);

    step("partman run-maintenance: premake children ahead of the newest data");
    MaintenanceResult m = partman.runMaintenance();
    for (SetMaintenanceResult s : m.sets()) {
      say(
          "  "
              + s.parentTable()
              + ": "
              + children(s.childrenCreated().size())
              + " created ("
              + String.join(", ", s.childrenCreated())
              + "), "
              + s.rowsMovedFromDefault()
              + " rows moved out of the default into them.\n");
    }
    partitions(partman, ds);

    step("partman partition-data public.events: move the late rows out of the default");
    PartitionDataResult moved = partman.partitionData(TABLE, PartitionDataOptions.defaults());
    say(
        "  "
            + moved.rowsMoved()
            + " rows moved in "
            + moved.batches()
            + " batches; "
            + children(moved.childrenCreated().size())
            + " made for them: "
            + String.join(", ", moved.childrenCreated())
            + ".\n");
    partitions(partman, ds);
    statusLine(partman);

    step("Retention: partman config set public.events retention '1 day', then drop-partition");
    partman.configSet(TABLE, "retention", "1 day");
    partman.configSet(TABLE, "retention_keep_table", "false");
    RetentionOutcome r = partman.dropPartitionTime(TABLE, null, null, null, null, null);
    say(
        "  "
            + children(r.count())
            + " older than a day dropped: "
            + String.join(", ", r.dropped())
            + ".\n");
    partitions(partman, ds);
    statusLine(partman);
  }

  private void partitions(Partman partman, DataSource ds) {
    Map<String, Long> rows = rowsPerChild(ds);
    TextTable t = new TextTable("partition", "from", "to", "rows");
    for (PartitionEntry e : partman.showPartitions(TABLE, "ASC", true)) {
      t.row(
          e.qualifiedName(),
          e.isDefault() ? "(default)" : Values.text(e.startTime(), ZoneOffset.UTC),
          e.isDefault() ? "" : Values.text(e.endTime(), ZoneOffset.UTC),
          rows.getOrDefault(e.qualifiedName(), 0L));
    }
    say(indent(t.render()));
  }

  private void statusLine(Partman partman) {
    for (SetStatus s : partman.status(true).sets()) {
      say(
          "  partman status: "
              + children(s.children())
              + ", newest "
              + s.newestChild()
              + ", runway "
              + StatusCommand.duration(s.runway())
              + ", "
              + s.defaultRows()
              + " rows in the default.\n");
    }
  }

  private static Map<String, Long> rowsPerChild(DataSource ds) {
    Map<String, Long> rows = new HashMap<>();
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(ROWS_PER_CHILD)) {
      while (rs.next()) {
        String name = rs.getString(1);
        rows.put(name.contains(".") ? name : "public." + name, rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The demo could not count its rows: " + e.getMessage(), e);
    }
    return rows;
  }

  private static void execute(DataSource ds, String sql) {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("The demo's statement failed: " + e.getMessage(), e);
    }
  }

  private static String children(int n) {
    return ConnectedCommand.children(n);
  }

  private static String indent(String text) {
    StringBuilder b = new StringBuilder();
    for (String line : List.of(text.split("\n"))) {
      b.append("  ").append(line).append('\n');
    }
    return b.toString();
  }

  private void step(String what) {
    say("\n" + ++step + ". " + what + "\n");
  }

  private void say(String text) {
    out.print(text);
    out.flush();
  }
}
