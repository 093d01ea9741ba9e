package org.partman4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partman4j.catalog.PartitionBound;
import org.partman4j.model.TableName;

/** The id planner against pg_partman's golden data (reference §6.6, §17.3, §17.6, §17.7). */
class IdChildPlannerTest {

  private static final TableName PARENT = new TableName("s", "id10");

  private static List<String> names(
      long interval, long max, boolean startGiven, int premake, long offset, boolean list) {
    BigInteger n = BigInteger.valueOf(interval);
    List<BigInteger> starts =
        IdChildPlanner.createParentStarts(
            n, BigInteger.valueOf(max), startGiven, premake, BigInteger.valueOf(offset));
    return IdChildPlanner.children(PARENT, "_p", n, list, starts).stream()
        .map(PlannedChild::name)
        .toList();
  }

  @Test
  void emptyTable() {
    assertThat(names(10, 0, false, 4, 0, false))
        .containsExactly("id10_p0", "id10_p10", "id10_p20", "id10_p30", "id10_p40");
  }

  @Test
  void existingMaximumGivesChildrenBehindButNeverZeroOrBelow() {
    assertThat(names(10, 95, false, 4, 0, false))
        .containsExactly(
            "id10_p50",
            "id10_p60",
            "id10_p70",
            "id10_p80",
            "id10_p90",
            "id10_p100",
            "id10_p110",
            "id10_p120",
            "id10_p130");
    assertThat(names(10, 25, false, 4, 0, false))
        .containsExactly("id10_p10", "id10_p20", "id10_p30", "id10_p40", "id10_p50", "id10_p60");
  }

  @Test
  void startPartitionMakesNothingBehind() {
    assertThat(names(10, 3_000_000_000L, true, 4, 0, false))
        .containsExactly(
            "id10_p3000000000",
            "id10_p3000000010",
            "id10_p3000000020",
            "id10_p3000000030",
            "id10_p3000000040");
  }

  @Test
  void negativeStartRoundsTowardZero() {
    List<PlannedChild> children =
        IdChildPlanner.children(
            PARENT,
            "_p",
            BigInteger.valueOf(1000),
            false,
            IdChildPlanner.createParentStarts(
                BigInteger.valueOf(1000), BigInteger.valueOf(-1500), true, 2, BigInteger.ZERO));

    assertThat(children.stream().map(PlannedChild::name))
        .containsExactly("id10_p-1000", "id10_p0", "id10_p1000");
    assertThat(children.get(0).child().bound()).isEqualTo(new PartitionBound.Range("-1000", "0"));
  }

  @Test
  void listSetsUseSingleValues() {
    List<PlannedChild> children =
        IdChildPlanner.children(
            PARENT,
            "_p",
            BigInteger.ONE,
            true,
            IdChildPlanner.createParentStarts(
                BigInteger.ONE, BigInteger.ZERO, false, 4, BigInteger.ZERO));

    assertThat(children).hasSize(5);
    assertThat(children.get(4).child().bound())
        .isEqualTo(new PartitionBound.ListValues(List.of("4")));
  }

  @Test
  void offsetShiftsTheGrid() {
    assertThat(names(10, 0, false, 2, 5, false)).containsExactly("id10_p5", "id10_p15", "id10_p25");
  }
}
