package org.partman4j;

import java.time.Instant;

/**
 * The range of one child, as {@link Partman#showPartitionInfo} answers it (pg_partman's {@code
 * show_partition_info}), computed from the child's real lower bound in the catalog and the set's
 * interval.
 *
 * <p>The numbers are pg_partman's, conventions included: for time sets the end is exclusive ({@code
 * start + interval}); for id sets it is <em>inclusive</em> ({@code start + interval - 1}), and a
 * numeric start is truncated toward zero. The suffix of a time set is {@code to_char} of the start
 * truncated as a new set with this interval would truncate it, in the {@code YYYYMMDD} or {@code
 * YYYYMMDD_HH24MISS} form the interval implies; so for a set with a custom {@code
 * date_trunc_interval} or a legacy {@code datetime_string} it can differ from the child's real
 * name, as it does in pg_partman. Id sets have no suffix.
 *
 * @param childStartTime the first instant of the child, for sets partitioned by time
 * @param childEndTime {@code childStartTime + interval}, exclusive
 * @param childStartId the first value of the child, for id sets
 * @param childEndId {@code childStartId + interval - 1}, inclusive
 * @param suffix the time suffix pg_partman computes, or null
 */
public record PartitionInfo(
    Instant childStartTime,
    Instant childEndTime,
    Long childStartId,
    Long childEndId,
    String suffix) {}
