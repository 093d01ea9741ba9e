package org.partman4j.bench;

import java.util.List;

/** One benchmark scenario of issue 9 (B1…B6): runs its measurements and its reference. */
interface Scenario {

  /** "B1" … "B6". */
  String id();

  /** One line saying what is measured. */
  String title();

  List<Row> run(BenchContext context) throws Exception;
}
