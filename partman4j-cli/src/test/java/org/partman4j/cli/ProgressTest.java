package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.partman4j.DataProgress;

/** The progress of data moves: a bar on a terminal, periodic lines otherwise. */
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
}
