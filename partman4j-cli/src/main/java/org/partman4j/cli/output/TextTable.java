package org.partman4j.cli.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for people: a header, a rule of dashes, and rows, columns padded to their
 * widest cell and separated by two spaces, no trailing blanks. Null cells print empty.
 */
public final class TextTable {

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  /** A table with these column headers. */
  public TextTable(String... headers) {
    this.headers = List.of(headers);
  }

  /** Adds a row; it must have one cell per column. */
  public TextTable row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "a row of " + cells.length + " cells in a table of " + headers.size() + " columns");
    }
    rows.add(Arrays.stream(cells).map(c -> c == null ? "" : c.toString()).toList());
    return this;
  }

  /** Whether no row was added. */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The table's text, each line ending with a newline. */
  public String render() {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder b = new StringBuilder();
    line(b, headers, widths);
    List<String> rule = new ArrayList<>();
    for (int w : widths) {
      rule.add("-".repeat(w));
    }
    line(b, rule, widths);
    for (List<String> row : rows) {
      line(b, row, widths);
    }
    return b.toString();
  }

  private static void line(StringBuilder b, List<String> cells, int[] widths) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        l.append("  ");
      }
      l.append(cells.get(i));
      if (i < cells.size() - 1) {
        l.append(" ".repeat(widths[i] - cells.get(i).length()));
      }
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }
}
