package org.partman4j.cli.daemon;

import java.time.Duration;

/** How a run learns that the daemon is stopping, and waits without delaying a stop. */
interface StopControl {

  /** Whether a stop was asked for. */
  boolean stopping();

  /** Waits {@code d}, or less when a stop is asked for meanwhile. */
  void pause(Duration d);
}
