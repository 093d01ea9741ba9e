package org.partman4j.ddl;

/** What happened to one child. */
public enum ChildOutcome {
  /** Made and attached by this call. */
  CREATED,
  /** Already there, attached to the parent with this bound (an earlier run made it); left as is. */
  EXISTED,
  /** A dry run: it would be made by the statements listed. */
  WOULD_CREATE
}
