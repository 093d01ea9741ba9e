package org.partman4j.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.partman4j.DataProgress;
import org.partman4j.DataProgressListener;

/**
 * Shows a data move's progress on standard error, so standard output stays the command's result: on
 * a terminal a bar redrawn in place after each batch (at most ten times a second), otherwise a
 * plain line every {@code every} (for logs of cron jobs and CI).
 */
final class Progress implements DataProgressListener {

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
    long now = nanoClock.getAsLong();
    if (now - last < (terminal ? REDRAW_NANOS : everyNanos)) {
      return;
    }
    last = now;
    if (terminal) {
      err.print("\r" + bar(p) + "\u001b[K");
      drawn = true;
    } else {
      err.println("partman: " + what + ": " + line(p));
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
    StringBuilder b = new StringBuilder();
    if (p.rowsTotalEstimate() > 0) {
      double f = Math.min(1.0, (double) p.rowsMoved() / p.rowsTotalEstimate());
      int full = (int) Math.round(f * WIDTH);
      b.append('[')
          .append("#".repeat(full))
          .append(".".repeat(WIDTH - full))
          .append("] ")
          .append(String.format("%3d%%", Math.round(f * 100)))
          .append(' ');
    }
    return b.append(line(p)).toString();
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
