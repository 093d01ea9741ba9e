package org.partman4j.command;

import java.time.ZoneId;
import org.partman4j.catalog.ParentTable;
import org.partman4j.model.ControlType;
import org.partman4j.model.SetConfig;
import org.partman4j.model.TableName;
import org.partman4j.plan.BoundValues;

/**
 * One managed set as an inspection reads it, in one transaction.
 *
 * @param name the parent's schema and name
 * @param config its part_config row
 * @param parent the parent and its children from the catalog
 * @param controlType the control column's type
 * @param controlNotNull whether the control column is NOT NULL
 * @param zone the zone the set computes in: its {@code partition_timezone}, else the session's
 * @param bounds the reader of its bounds (encoded sets still need their decoder's results)
 */
record SetSnapshot(
    TableName name,
    SetConfig config,
    ParentTable parent,
    ControlType controlType,
    boolean controlNotNull,
    ZoneId zone,
    BoundValues bounds) {}
