package org.partman4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partman4j.AppliedConstraint;
import org.partman4j.cli.output.TextTable;

/** How the constraint commands print the constraints they add. */
final class ConstraintRows {

  private ConstraintRows() {}

  static TextTable table(List<AppliedConstraint> constraints) {
    TextTable t = new TextTable("child", "constraint", "column", "min", "max", "valid");
    for (AppliedConstraint a : constraints) {
      t.row(
          a.table(), a.constraint(), a.column(), a.min(), a.max(), a.valid() ? "yes" : "NOT VALID");
    }
    return t;
  }

  static List<Map<String, Object>> json(List<AppliedConstraint> constraints) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (AppliedConstraint a : constraints) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("table", a.table());
      m.put("constraint", a.constraint());
      m.put("column", a.column());
      m.put("min", a.min());
      m.put("max", a.max());
      m.put("valid", a.valid());
      m.put("statement", a.statement());
      out.add(m);
    }
    return out;
  }
}
