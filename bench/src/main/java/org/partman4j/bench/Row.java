package org.partman4j.bench;

/**
 * One line of the report: a measured quantity, and, when it has one, the reference it is judged
 * against and the goal for their ratio.
 *
 * @param scenario B1…B6
 * @param what what was measured, in words
 * @param unit "ms", "rows/s", "MiB", …
 * @param samples the repeated measurements
 * @param reference the reference's measurements, or null
 * @param goal the goal as text ("≤ 1.3× reference"), or null
 * @param met whether the median ratio meets the goal, or null when there is no goal
 */
record Row(
    String scenario,
    String what,
    String unit,
    Samples samples,
    Samples reference,
    String goal,
    Boolean met) {

  static Row plain(String scenario, String what, String unit, Samples samples) {
    return new Row(scenario, what, unit, samples, null, null, null);
  }

  /** A time compared with a reference time: the goal is a ratio no higher than {@code maxRatio}. */
  static Row timeAgainst(
      String scenario, String what, Samples samples, Samples reference, double maxRatio) {
    double ratio = samples.median() / reference.median();
    return new Row(
        scenario,
        what,
        "ms",
        samples,
        reference,
        "≤ " + maxRatio + "× reference",
        ratio <= maxRatio);
  }

  /** A rate compared with a reference rate: the goal is a ratio no lower than {@code minRatio}. */
  static Row rateAgainst(
      String scenario, String what, Samples samples, Samples reference, double minRatio) {
    double ratio = samples.median() / reference.median();
    return new Row(
        scenario,
        what,
        "rows/s",
        samples,
        reference,
        "≥ " + minRatio + "× reference",
        ratio >= minRatio);
  }

  /** A value with an absolute ceiling (the writer stall goal is in milliseconds, not a ratio). */
  static Row under(String scenario, String what, String unit, Samples samples, double ceiling) {
    return new Row(
        scenario, what, unit, samples, null, "< " + ceiling + " " + unit, samples.max() < ceiling);
  }

  Double ratio() {
    return reference == null ? null : samples.median() / reference.median();
  }
}
