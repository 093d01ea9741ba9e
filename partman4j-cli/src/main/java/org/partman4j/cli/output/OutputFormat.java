package org.partman4j.cli.output;

/** How a command prints its result. */
public enum OutputFormat {
  /** Readable text and tables, for people. */
  table,
  /** One JSON document on standard output, for scripts. */
  json
}
