package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.partman4j.DataProgress;
import org.partman4j.MaintenanceProgress;
import org.partman4j.SetMaintenanceResult;

/** The progress of data moves and maintenance: a bar on a terminal, periodic lines otherwise. */
class ProgressTest {

  private static DataProgress at(long rows, long total, Duration left) {
    return new DataProgress(
        "public.events", rows, rows / 100, 2, Duration.ofSeconds(10), rows / 10.0, total, left);
  }

  @Test
  void withoutATerminalALineEveryInterval() {
    StringWriter err = new StringWriter();
    AtomicLong clock = new AtomicLong();
    Progress p =
        new Progress(
            new PrintWriter(err),
            "partition-data public.events",
            false,
            Duration.ofSeconds(10),
            clock::get);
    clock.set(Duration.ofSeconds(5).toNanos());
    p.progress(at(100, 1000, null)); // too soon: nothing
    clock.set(Duration.ofSeconds(11).toNanos());
    p.progress(at(500, 1000, Duration.ofSeconds(10)));
    clock.set(Duration.ofSeconds(12).toNanos());
    p.progress(at(600, 1000, null)); // too soon again
    p.done();
    assertThat(err.toString())
        .isEqualTo(
            "partman: partition-data public.events: 500 of ~1000 rows moved, 5 batches, 50"
                + " rows/s, 2 children made, ~10s left\n");
  }

  @Test
  void onATerminalABarRedrawnInPlaceThenANewline() {
    StringWriter err = new StringWriter();
    AtomicLong clock = new AtomicLong();
    Progress p = new Progress(new PrintWriter(err), "x", true, Duration.ofSeconds(10), clock::get);
    clock.set(Duration.ofSeconds(1).toNanos());
    p.progress(at(250, 1000, null));
    clock.set(Duration.ofSeconds(2).toNanos());
    p.progress(at(1000, 1000, null));
    p.done();
    assertThat(err.toString())
        .isEqualTo(
            "\r[########......................]  25% 250 of ~1000 rows moved, 2 batches, 25"
                + " rows/s, 2 children made\u001b[K"
                + "\r[##############################] 100% 1000 of ~1000 rows moved, 10 batches,"
                + " 100 rows/s, 2 children made\u001b[K\n");
  }

  @Test
  void anUnknownTotalHasNoBar() {
    assertThat(Progress.bar(at(42, -1, null)))
        .isEqualTo("42 rows moved, 0 batches, 4 rows/s, 2 children made");
  }

  private static MaintenanceProgress set(int i, int n, String parent, int created) {
    SetMaintenanceResult r =
        new SetMaintenanceResult(
            parent, List.of(), 0, List.of(), List.of(), List.of(), List.of(), null);
    return new MaintenanceProgress(i, n, parent, created, Duration.ofSeconds(i), r);
  }

  @Test
  void maintenanceShowsSetsDoneAndAlwaysItsLastSetOnATerminal() {
    StringWriter err = new StringWriter();
    AtomicLong clock = new AtomicLong();
    Progress p = new Progress(new PrintWriter(err), "x", true, Duration.ofSeconds(10), clock::get);
    clock.set(Duration.ofSeconds(1).toNanos());
    p.setDone(set(1, 4, "public.a", 2));
    p.setDone(set(2, 4, "public.b", 3)); // within 100 ms: not drawn
    p.setDone(set(4, 4, "public.d", 5)); // the last: drawn all the same
    p.done();
    assertThat(err.toString())
        .isEqualTo(
            "\r[########......................]  25% 1 of 4 sets, public.a done, 2 children"
                + " created\u001b[K"
                + "\r[##############################] 100% 4 of 4 sets, public.d done, 5 children"
                + " created\u001b[K\n");
  }

  @Test
  void maintenanceWithoutATerminalALineEveryInterval() {
    StringWriter err = new StringWriter();
    AtomicLong clock = new AtomicLong();
    Progress p =
        new Progress(
            new PrintWriter(err), "run-maintenance", false, Duration.ofSeconds(10), clock::get);
    clock.set(Duration.ofSeconds(11).toNanos());
    p.setDone(set(1, 2, "public.a", 1));
    clock.set(Duration.ofSeconds(12).toNanos());
    p.setDone(set(2, 2, "public.b", 1));
    p.done();
    assertThat(err.toString())
        .isEqualTo("partman: run-maintenance: 1 of 2 sets, public.a done, 1 child created\n");
  }
}
