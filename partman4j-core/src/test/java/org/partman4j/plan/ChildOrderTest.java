package org.partman4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.partman4j.catalog.ChildTable;
import org.partman4j.model.ControlType;
import org.partman4j.time.EpochUnit;

class ChildOrderTest {

  private static List<String> names(List<DecodedChild> ordered) {
    return ordered.stream().map(d -> d.child().name().table()).toList();
  }

  private static List<DecodedChild> decode(String type, EpochUnit epoch, List<ChildTable> cs) {
    BoundValues b = BoundValues.of(ControlType.of(type), epoch, ZoneOffset.UTC);
    List<DecodedChild> out = new ArrayList<>(cs.stream().map(b::decode).toList());
    Collections.shuffle(out, new java.util.Random(7));
    return out;
  }

  @Test
  void listSetsOrderByTheirValueNotTheirNameOrFirstCharacter() {
    // pg_partman 5.1 orders p10, p11, p12 after p9 only by chance (NULL keys last)
    List<ChildTable> cs = new ArrayList<>();
    IntStream.rangeClosed(0, 12).forEach(i -> cs.add(Children.list("t_p" + i, "" + i)));
    List<DecodedChild> d = decode("int4", EpochUnit.NONE, cs);
    List<String> expected = IntStream.rangeClosed(0, 12).mapToObj(i -> "t_p" + i).toList();
    assertThat(names(ChildOrder.order(d, SetKind.ID, true, false))).isEqualTo(expected);
    List<String> descending = new ArrayList<>(expected);
    Collections.reverse(descending);
    assertThat(names(ChildOrder.order(d, SetKind.ID, false, false))).isEqualTo(descending);
  }

  @Test
  void negativeAndBigintValuesOrderNumerically() {
    List<ChildTable> cs =
        List.of(
            Children.list("t_p-20", "-20"),
            Children.list("t_p-3", "-3"),
            Children.list("t_p5", "5"),
            Children.list("t_p3000000000", "3000000000"),
            Children.list("t_p-3000000000", "-3000000000"));
    assertThat(names(ChildOrder.order(decode("int8", EpochUnit.NONE, cs), SetKind.ID, true, false)))
        .containsExactly("t_p-3000000000", "t_p-20", "t_p-3", "t_p5", "t_p3000000000");
  }

  @Test
  void defaultComesFirstInEitherOrderWhenIncluded() {
    List<ChildTable> cs =
        List.of(
            Children.range("t_p10", "10", "20"),
            Children.defaultPartition("t_default"),
            Children.range("t_p0", "0", "10"));
    List<DecodedChild> d = decode("int4", EpochUnit.NONE, cs);
    assertThat(names(ChildOrder.order(d, SetKind.ID, true, true)))
        .containsExactly("t_default", "t_p0", "t_p10");
    assertThat(names(ChildOrder.order(d, SetKind.ID, false, true)))
        .containsExactly("t_default", "t_p10", "t_p0");
    assertThat(names(ChildOrder.order(d, SetKind.ID, true, false)))
        .containsExactly("t_p0", "t_p10");
  }

  @Test
  void timeSetsOrderByInstantNotByText() {
    // in a zone with DST the texts' offsets differ; text order would be wrong across years
    List<ChildTable> cs =
        List.of(
            Children.range("t_b", "2026-11-02 00:00:00-05", "2026-11-03 00:00:00-05"),
            Children.range("t_a", "2026-11-01 23:30:00-04", "2026-11-02 00:00:00-05"),
            Children.range("t_c", "0044-03-15 00:00:00+00 BC", "0044-03-16 00:00:00+00 BC"));
    assertThat(
            names(
                ChildOrder.order(
                    decode("timestamptz", EpochUnit.NONE, cs), SetKind.TIME, true, false)))
        .containsExactly("t_c", "t_a", "t_b");
  }

  @Test
  void unboundedLowerSideSortsFirstAndTiesByName() {
    List<ChildTable> cs =
        List.of(
            Children.range("t_y", "5", "10"),
            Children.range("t_x", "5", "10"),
            Children.range("t_low", null, "5"));
    List<DecodedChild> d = decode("int4", EpochUnit.NONE, cs);
    assertThat(names(ChildOrder.order(d, SetKind.ID, true, false)))
        .containsExactly("t_low", "t_x", "t_y");
    assertThat(names(ChildOrder.order(d, SetKind.ID, false, false)))
        .containsExactly("t_y", "t_x", "t_low");
  }

  @Test
  void epochSetsOrderByTheirIntegers() {
    List<ChildTable> cs =
        List.of(
            Children.range("e_2", "1795316400", "1795320000"),
            Children.range("e_1", "1795312800", "1795316400"));
    assertThat(
            names(
                ChildOrder.order(
                    decode("int8", EpochUnit.SECONDS, cs), SetKind.EPOCH, true, false)))
        .containsExactly("e_1", "e_2");
  }
}
