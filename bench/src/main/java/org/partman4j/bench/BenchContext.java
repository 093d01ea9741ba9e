package org.partman4j.bench;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.partman4j.Partman;
import org.partman4j.testkit.TestDatabase;

/**
 * What every scenario needs: fresh databases on the benchmark server (owned by an ordinary role, as
 * in the tests), a {@link Partman} for each, and a way to time things.
 */
final class BenchContext implements AutoCloseable {

  private final BenchSettings settings;
  private final PrintStream progress;
  private final long start = System.nanoTime();
  private final List<TestDatabase> open = new ArrayList<>();

  BenchContext(BenchSettings settings, PrintStream progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** Says what the harness is doing, with the time since it started: a run takes minutes. */
  void note(String what) {
    progress.println("  " + BenchMain.elapsed(start) + ": " + what);
  }

  BenchSettings settings() {
    return settings;
  }

  /** A new empty database; dropped when the scenario's repetition calls {@link #drop}. */
  TestDatabase freshDatabase(String hint) {
    TestDatabase db = TestDatabase.create("bench_" + hint);
    open.add(db);
    return db;
  }

  /**
   * A new database copied from {@code template} (nobody may be connected to it): fixtures are built
   * once per scenario and copied for each repetition, so both sides start from the same tables and
   * the copy costs seconds where building costs minutes.
   */
  TestDatabase copy(TestDatabase template, String hint) {
    TestDatabase db = TestDatabase.copyOf(template, "bench_" + hint);
    open.add(db);
    return db;
  }

  void drop(TestDatabase db) {
    open.remove(db);
    db.close();
  }

  static Partman partman(TestDatabase db) {
    return Partman.configure().dataSource(db.dataSource()).load();
  }

  /** The database's JDBC URL with the owner's user and password, for a {@code partman} process. */
  static String urlWithCredentials(TestDatabase db) {
    return db.jdbcUrl()
        + (db.jdbcUrl().contains("?") ? "&" : "?")
        + "user="
        + URLEncoder.encode(db.ownerRole(), StandardCharsets.UTF_8)
        + "&password="
        + URLEncoder.encode(db.ownerPassword(), StandardCharsets.UTF_8);
  }

  /** Runs SQL as one script over one connection, the way a DBA would paste it into psql. */
  static void runScript(DataSource ds, List<String> statements) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      st.execute(String.join(";\n", statements));
    }
  }

  /** Milliseconds taken by {@code work}. */
  static double millis(ThrowingRunnable work) throws Exception {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e6;
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Override
  public void close() {
    for (TestDatabase db : List.copyOf(open)) {
      drop(db);
    }
  }
}
