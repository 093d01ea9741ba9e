package org.partman4j;

/**
 * What kind of failure a {@link PartmanException} reports. The command line maps each code to an
 * exit status, so codes are only ever added, never renamed or reused.
 */
public enum ErrorCode {
  /** A setting given to {@link PartmanConfiguration} is missing or invalid. */
  INVALID_CONFIGURATION,
  /** A value passed to an API call is invalid (an identifier with NUL, an empty name, …). */
  INVALID_ARGUMENT,
  /** No connection could be taken from the DataSource, or it broke. */
  CONNECTION_FAILED,
  /** The server is too old, or a server setting partman4j relies on has an unusable value. */
  UNSUPPORTED_SERVER,
  /** The time zone to use cannot be expressed both in PostgreSQL and in Java. */
  UNSUPPORTED_TIME_ZONE,
  /** The role lacks a privilege the operation needs. */
  INSUFFICIENT_PRIVILEGE,
  /** A lock was not granted within the configured lock timeout. */
  LOCK_TIMEOUT,
  /** The chosen schema belongs to the pg_partman extension. */
  SCHEMA_OWNED_BY_EXTENSION,
  /** The chosen schema holds objects that partman4j did not create. */
  STORE_CONFLICT,
  /** An installed store script differs from the one shipped in this partman4j. */
  STORE_CHECKSUM_MISMATCH,
  /** The store was installed by a newer partman4j than this one. */
  STORE_NEWER_THAN_TOOL,
  /** The store's version history is not one partman4j could have written. */
  STORE_INCONSISTENT,
  /** A configuration row was rejected by one of the store's constraints. */
  CONFIG_REJECTED,
  /** An unexpected database error; the message carries the server's words. */
  DATABASE_ERROR,
  /** A table partman4j must create has a name already taken by another object. */
  NAME_COLLISION,
  /**
   * A new child's bound overlaps an existing child, or the default partition holds rows the new
   * child would own.
   */
  PARTITION_CONFLICT,
  /** The table is already managed as a partition set, with a different definition. */
  SET_ALREADY_EXISTS,
  /** A table, column or function named in a call (or in a set's configuration) does not exist. */
  OBJECT_NOT_FOUND,
  /** The table exists but has no part_config row: partman4j does not manage it. */
  SET_NOT_FOUND,
  /**
   * A managed set cannot be worked on as it is: its configuration or its children are in a state
   * partman4j cannot read (no children to align with, a bound of another shape, a bad zone).
   */
  SET_UNUSABLE
}
