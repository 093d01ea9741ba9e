package org.partman4j.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.partman4j.DataProgress;
import org.partman4j.DataProgressListener;
import org.partman4j.MaintenanceListener;
import org.partman4j.MaintenanceProgress;

/**
 * Shows a data move's or a maintenance run's progress on standard error, so standard output stays
 * the command's result: on a terminal a bar redrawn in place after each batch or set (at most ten
 * times a second), otherwise a plain line every {@code every} (for logs of cron jobs and CI).
 */
final class Progress implements DataProgressListener, MaintenanceListener {

  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final String what;
  private final boolean terminal;
  private final long everyNanos;
  private final LongSupplier nanoClock;
  private long last;
  private boolean drawn;

  Progress(PrintWriter err, String what, boolean terminal, Duration every, LongSupplier nanoClock) {
    this.err = err;
    this.what = what;
    this.terminal = terminal;
    this.everyNanos = every.toNanos();
    this.nanoClock = nanoClock;
    this.last = nanoClock.getAsLong();
  }

  /** For the command: a bar when standard output is a terminal, else a line every 10 seconds. */
  static Progress of(PrintWriter err, String what) {
    return new Progress(
        err, what, System.console() != null, Duration.ofSeconds(10), System::nanoTime);
  }

  @Override
  public synchronized void progress(DataProgress p) {
    if (due()) {
      draw(bar(p), line(p));
    }
  }

  /** A maintenance run's progress: a bar of sets done; on a terminal the last set always shows. */
  @Override
  public synchronized void setDone(MaintenanceProgress p) {
    if (due() || (terminal && p.setNumber() == p.setCount())) {
      draw(bar(p), line(p));
    }
  }

  /** Whether enough time passed since the last drawing; if so, now counts as drawn. */
  private boolean due() {
    long now = nanoClock.getAsLong();
    if (now - last < (terminal ? REDRAW_NANOS : everyNanos)) {
      return false;
    }
    last = now;
    return true;
  }

  private void draw(String bar, String line) {
    if (terminal) {
      err.print("\r" + bar + "\u001b[K");
      drawn = true;
    } else {
      err.println("partman: " + what + ": " + line);
    }
    err.flush();
  }

  /** Ends the bar's line, so what follows starts on a line of its own. */
  synchronized void done() {
    if (drawn) {
      err.println();
      err.flush();
      drawn = false;
    }
  }

  static String bar(DataProgress p) {
    return p.rowsTotalEstimate() > 0
        ? bar((double) p.rowsMoved() / p.rowsTotalEstimate(), line(p))
        : line(p);
  }

  static String bar(MaintenanceProgress p) {
    return bar((double) p.setNumber() / p.setCount(), line(p));
  }

  /** {@code [######....] 60% text}. */
  private static String bar(double fraction, String text) {
    double f = Math.min(1.0, fraction);
    int full = (int) Math.round(f * WIDTH);
    return "["
        + "#".repeat(full)
        + ".".repeat(WIDTH - full)
        + "] "
        + String.format("%3d%%", Math.round(f * 100))
        + ' '
        + text;
  }

  static String line(MaintenanceProgress p) {
    return p.setNumber()
        + " of "
        + p.setCount()
        + " sets, "
        + p.parentTable()
        + (p.set().failed() ? " failed" : " done")
        + ", "
        + ConnectedCommand.children(p.childrenCreated())
        + " created";
  }

  static String line(DataProgress p) {
    StringBuilder b = new StringBuilder().append(p.rowsMoved());
    if (p.rowsTotalEstimate() > 0) {
      b.append(" of ~").append(p.rowsTotalEstimate());
    }
    b.append(" rows moved, ")
        .append(p.batches())
        .append(p.batches() == 1 ? " batch, " : " batches, ")
        .append(Math.round(p.rowsPerSecond()))
        .append(" rows/s");
    if (p.childrenCreated() > 0) {
      b.append(", ").append(ConnectedCommand.children(p.childrenCreated())).append(" made");
    }
    if (p.estimatedRemaining() != null) {
      b.append(", ~").append(StatusCommand.duration(p.estimatedRemaining())).append(" left");
    }
    return b.toString();
  }
}
