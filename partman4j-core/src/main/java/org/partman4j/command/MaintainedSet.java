package org.partman4j.command;

import java.util.List;
import org.partman4j.model.SetConfig;
import org.partman4j.model.TableName;
import org.partman4j.plan.DecodedChild;

/**
 * One set as maintenance reads it: its row, its snapshot, its children newest first, and what the
 * probes found. Filled in stages by {@link MaintenanceReader}; a set that cannot be read keeps the
 * reason in {@link #error} and is reported, not worked on.
 */
final class MaintainedSet {

  final SetConfig config;
  SetSnapshot set;
  String error;

  /** The children but the default, newest first. */
  List<DecodedChild> newestFirst = List.of();

  /** The default partition, or null. */
  DecodedChild defaultChild;

  /** Whether the default holds a row (then new children take their rows out of it). */
  boolean defaultHasRows;

  /** The newest child holding a row, or null. */
  DecodedChild dataChild;

  /**
   * The largest control value of {@link #dataChild}, as text: decoded by the set's decoder for
   * encoded sets, except pg_partman's UUIDv7 decoder, which partman4j computes itself.
   */
  String dataMax;

  /**
   * The largest control value in the default, when it is read ({@code ignore_default_data} off).
   */
  String defaultMax;

  MaintainedSet(SetConfig config) {
    this.config = config;
  }

  String name() {
    return config.parentTable();
  }

  /**
   * The default partition that new children take their rows from, or null: with one, every new
   * child goes through the default's path, so writers wait for the ATTACH instead of failing, and
   * rows of its range already in the default move in.
   */
  TableName moveFrom() {
    return defaultChild == null ? null : defaultChild.child().name();
  }

  boolean usable() {
    return error == null && set != null;
  }
}
