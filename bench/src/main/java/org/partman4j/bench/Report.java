package org.partman4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints the results as a table and writes them as JSON. */
final class Report {

  private Report() {}

  static String table(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    String header =
        String.format(
            Locale.ROOT,
            "%-4s %-58s %12s %12s %12s %-8s %12s %7s  %s%n",
            "",
            "measured",
            "median",
            "min",
            "max",
            "unit",
            "reference",
            "ratio",
            "goal");
    out.append(header);
    for (Row r : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-4s %-58s %12s %12s %12s %-8s %12s %7s  %s%n",
              r.scenario(),
              r.what().length() > 58 ? r.what().substring(0, 57) + "…" : r.what(),
              number(r.samples().median()),
              number(r.samples().min()),
              number(r.samples().max()),
              r.unit(),
              r.reference() == null ? "" : number(r.reference().median()),
              r.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f×", r.ratio()),
              r.goal() == null ? "" : r.goal() + (r.met() ? "  met" : "  MISSED")));
    }
    return out.toString();
  }

  static String json(List<Row> rows, String server, String machine) {
    String items =
        rows.stream()
            .map(
                r ->
                    "    {\"scenario\": "
                        + str(r.scenario())
                        + ", \"measured\": "
                        + str(r.what())
                        + ", \"unit\": "
                        + str(r.unit())
                        + ", "
                        + samples("samples", r.samples())
                        + (r.reference() == null ? "" : ", " + samples("reference", r.reference()))
                        + (r.ratio() == null ? "" : ", \"ratio\": " + number(r.ratio()))
                        + (r.goal() == null
                            ? ""
                            : ", \"goal\": " + str(r.goal()) + ", \"met\": " + r.met())
                        + "}")
            .collect(Collectors.joining(",\n"));
    return "{\n  \"server\": "
        + str(server)
        + ",\n  \"machine\": "
        + str(machine)
        + ",\n  \"results\": [\n"
        + items
        + "\n  ]\n}\n";
  }

  static void writeJson(Path file, String json) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Files.writeString(file, json);
  }

  private static String samples(String name, Samples s) {
    return "\""
        + name
        + "\": {\"median\": "
        + number(s.median())
        + ", \"min\": "
        + number(s.min())
        + ", \"max\": "
        + number(s.max())
        + ", \"values\": ["
        + s.values().stream().map(Report::number).collect(Collectors.joining(", "))
        + "]}";
  }

  private static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%.1f" : "%.3f", d);
  }

  private static String str(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
