package org.partman4j.time;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.partman4j.time.SuffixFormat.Field;

/** Splits a child-table suffix into the fields of its {@link SuffixFormat}. */
final class SuffixParser {

  /** More year digits than PostgreSQL's range needs (294276); keeps the value inside an int. */
  private static final int MAX_YEAR_DIGITS = 6;

  private final SuffixFormat format;
  private final String text;
  private final Map<Field, Integer> values = new EnumMap<>(Field.class);

  SuffixParser(SuffixFormat format, String text) {
    this.format = format;
    this.text = text;
    parse();
  }

  int year() {
    return values.get(Field.YEAR);
  }

  int get(Field field, int absent) {
    return values.getOrDefault(field, absent);
  }

  private void parse() {
    List<Field> fields = format.fields();
    int pos = 0;
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      if (field == Field.UNDERSCORE) {
        if (pos >= text.length() || text.charAt(pos) != '_') {
          throw mismatch("expected '_' at position " + (pos + 1));
        }
        pos++;
        continue;
      }
      int end;
      if (field == Field.YEAR && followedByNonDigit(fields, i)) {
        // Like PostgreSQL, read all the digits up to the separator or the end.
        end = pos;
        while (end < text.length() && isDigit(text.charAt(end))) {
          end++;
        }
        if (end - pos < 4 || end - pos > MAX_YEAR_DIGITS) {
          throw mismatch("the year needs 4 to " + MAX_YEAR_DIGITS + " digits");
        }
      } else {
        end = pos + (field == Field.YEAR ? 4 : 2);
        if (end > text.length()) {
          throw mismatch("too short");
        }
        for (int k = pos; k < end; k++) {
          if (!isDigit(text.charAt(k))) {
            throw mismatch("expected a digit at position " + (k + 1));
          }
        }
      }
      values.put(field, Integer.parseInt(text.substring(pos, end)));
      pos = end;
    }
    if (pos != text.length()) {
      throw mismatch("unexpected text after position " + pos);
    }
  }

  private static boolean followedByNonDigit(List<Field> fields, int index) {
    return index + 1 == fields.size() || fields.get(index + 1) == Field.UNDERSCORE;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private IllegalArgumentException mismatch(String why) {
    return new IllegalArgumentException(
        "\""
            + text
            + "\" does not have the partition suffix format "
            + format.pattern()
            + " ("
            + why
            + ")");
  }
}
