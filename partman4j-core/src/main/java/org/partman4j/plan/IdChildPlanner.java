package org.partman4j.plan;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.partman4j.catalog.PartitionBound;
import org.partman4j.model.TableName;
import org.partman4j.naming.PartitionNames;

/**
 * Plans the children of an id set (integer or numeric control, epoch none), range or list. Pure.
 *
 * <p>Arithmetic is exact ({@link BigInteger}) so that bigint extremes and numeric maxima never
 * wrap; a start or end outside the column's type is refused by PostgreSQL itself at ATTACH.
 */
public final class IdChildPlanner {

  private IdChildPlanner() {}

  /**
   * {@code create_parent}'s child starts, in pg_partman's order: {@code start = max - max % n +
   * offset} ({@code %} truncating toward zero), then for {@code k = 0..premake}: {@code start -
   * n·k} when no start partition was given and it is positive and below {@code start}, and {@code
   * start + n·k}.
   *
   * @param max {@code p_start_partition} when given, else the largest control value in the table (0
   *     when empty), truncated to an integer
   * @param startGiven whether {@code max} came from {@code p_start_partition}
   * @param offset {@code p_offset_id} (pg_partman 5.3), normally 0
   */
  public static List<BigInteger> createParentStarts(
      BigInteger interval, BigInteger max, boolean startGiven, int premake, BigInteger offset) {
    BigInteger start = max.subtract(max.remainder(interval)).add(offset);
    Set<BigInteger> starts = new LinkedHashSet<>();
    for (int k = 0; k <= premake; k++) {
      BigInteger step = interval.multiply(BigInteger.valueOf(k));
      BigInteger behind = start.subtract(step);
      if (!startGiven && behind.signum() > 0 && behind.compareTo(start) < 0) {
        starts.add(behind);
      }
      starts.add(start.add(step));
    }
    return List.copyOf(starts);
  }

  /**
   * Children for starts: range children {@code [v, v + n)} or list children {@code IN (v)}, named
   * {@code <parent><prefix><v>}, in ascending order without duplicates.
   */
  public static List<PlannedChild> children(
      TableName parent,
      String childPrefix,
      BigInteger interval,
      boolean list,
      List<BigInteger> starts) {
    List<BigInteger> sorted = new ArrayList<>(new java.util.TreeSet<>(starts));
    List<PlannedChild> out = new ArrayList<>();
    for (BigInteger v : sorted) {
      String name = PartitionNames.child(parent.table(), childPrefix, v.toString());
      PartitionBound bound =
          list
              ? new PartitionBound.ListValues(List.of(v.toString()))
              : new PartitionBound.Range(v.toString(), v.add(interval).toString());
      out.add(
          new PlannedChild(
              new NewChild(new TableName(parent.schema(), name), bound, null), null, null, v));
    }
    return out;
  }
}
