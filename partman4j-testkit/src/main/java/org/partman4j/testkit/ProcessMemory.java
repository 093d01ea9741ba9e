package org.partman4j.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How much memory another process holds, for the daemon's footprint in tests and benchmarks. */
public final class ProcessMemory {

  private ProcessMemory() {}

  /** The resident set size of a process in KiB, from /proc/PID/status (Linux); -1 elsewhere. */
  public static long residentKib(long pid) throws IOException {
    Path status = Path.of("/proc", String.valueOf(pid), "status");
    if (!Files.exists(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
