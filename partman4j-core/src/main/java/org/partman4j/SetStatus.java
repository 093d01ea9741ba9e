package org.partman4j;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * One partition set at a glance, as {@link Partman#status} reads it.
 *
 * @param parentTable the set's parent, {@code schema.table}
 * @param timeBased whether the set is partitioned by time (time, epoch or encoded control)
 * @param children how many children it has, the default not counted
 * @param newestChild the child with the highest bound, {@code schema.table}, or null
 * @param newestChildEnd time sets: the newest child's exclusive upper bound, else null
 * @param newestChildEndId id sets: the newest child's exclusive upper bound, else null
 * @param runway time sets: how long until rows stamped "now" would fall into the default (the
 *     newest child's upper bound minus the time of the status); negative when they already do
 * @param runwayIds id sets: the newest child's upper bound minus the largest id found; null when
 *     the set holds no rows
 * @param newestValue the largest control value found (in the newest child holding rows, or the
 *     default unless {@code ignore_default_data}), as text; null when the set holds no rows
 * @param hasDefault whether the set has a default partition
 * @param defaultHasRows whether the default holds a row (a one-row probe)
 * @param defaultRows the exact number of rows in the default when asked for, else null
 * @param retention {@code part_config.retention}, or null
 * @param automaticMaintenance {@code part_config.automatic_maintenance}
 * @param maintenanceLastRun {@code part_config.maintenance_last_run}, or null
 * @param lastError the last maintenance error recorded by {@code partman daemon}'s job history, or
 *     null (also when there is no job history)
 * @param lastErrorAt when that error happened, or null
 * @param problem why the set could not be read (a missing table or column, an unreadable bound), or
 *     null; the other values may then be missing
 */
public record SetStatus(
    String parentTable,
    boolean timeBased,
    int children,
    String newestChild,
    Instant newestChildEnd,
    BigDecimal newestChildEndId,
    Duration runway,
    BigDecimal runwayIds,
    String newestValue,
    boolean hasDefault,
    boolean defaultHasRows,
    Long defaultRows,
    String retention,
    String automaticMaintenance,
    Instant maintenanceLastRun,
    String lastError,
    Instant lastErrorAt,
    String problem) {}
