package org.partman4j.bench;

import java.util.Arrays;
import java.util.List;

/** Repeated measurements of one quantity; the report shows their median, min and max. */
record Samples(List<Double> values) {

  Samples {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    values = List.copyOf(values);
  }

  double median() {
    double[] v = sorted();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  double min() {
    return sorted()[0];
  }

  double max() {
    double[] v = sorted();
    return v[v.length - 1];
  }

  private double[] sorted() {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v;
  }
}
