package org.partman4j.plan;

import java.time.ZoneId;
import java.util.Objects;
import org.partman4j.model.TableName;
import org.partman4j.time.PgInterval;
import org.partman4j.time.SuffixFormat;

/**
 * Everything that decides the names and bounds of a time set's children, apart from where they
 * start: the parent, the interval, the zone the grid lives in, the child name format and prefix,
 * and how the control column holds time.
 *
 * @param parent the partitioned table
 * @param control the control column's catalog name
 * @param interval the partition interval
 * @param zone the zone of the grid: the set's {@code partition_timezone}, else the session's
 * @param suffix the child suffix format ({@code datetime_string})
 * @param childPrefix {@code child_table_prefix}, normally {@code _p}
 * @param column how the control column holds time
 */
public record TimeLayout(
    TableName parent,
    String control,
    PgInterval interval,
    ZoneId zone,
    SuffixFormat suffix,
    String childPrefix,
    TimeColumn column) {

  public TimeLayout {
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(suffix, "suffix");
    Objects.requireNonNull(childPrefix, "childPrefix");
    Objects.requireNonNull(column, "column");
  }
}
