package org.partman4j;

import java.time.Duration;

/**
 * Where a running maintenance stands after one set.
 *
 * @param setNumber the set just done, counting from 1
 * @param setCount how many sets this run works on
 * @param parentTable the set just done
 * @param childrenCreated the children created so far by this run, in all sets
 * @param elapsed time since the run started
 * @param set what was done to the set just done
 */
public record MaintenanceProgress(
    int setNumber,
    int setCount,
    String parentTable,
    int childrenCreated,
    Duration elapsed,
    SetMaintenanceResult set) {}
