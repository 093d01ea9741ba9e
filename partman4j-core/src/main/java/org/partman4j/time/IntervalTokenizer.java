package org.partman4j.time;

import static org.partman4j.time.CNumbers.at;
import static org.partman4j.time.CNumbers.isAlpha;
import static org.partman4j.time.CNumbers.isDigit;
import static org.partman4j.time.CNumbers.isPunct;
import static org.partman4j.time.CNumbers.isSpace;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits interval text into fields the way PostgreSQL's date/time scanner does, including its
 * limits (25 fields, a 256-byte work buffer), since those decide which texts the server rejects.
 */
final class IntervalTokenizer {

  private IntervalTokenizer() {}

  /** The kind of a field, as PostgreSQL's scanner classifies it. */
  enum FieldKind {
    /** Digits with at most one decimal point, or a leading decimal point. */
    NUMBER,
    /** Digits with '-', '/' or '.' separators, or a word run into digits. */
    DATE,
    /** Digits followed by ':' (and more digits, colons, points). */
    TIME,
    /** A word. */
    STRING,
    /** A sign followed by a word. */
    SPECIAL,
    /** A sign followed by digits (with ':', '.', '-'). */
    SIGNED
  }

  /**
   * One field; {@code text} is lower-cased as the server lower-cases it.
   *
   * @param kind the scanner's classification
   * @param text the field's characters
   */
  record Field(FieldKind kind, String text) {}

  static final int MAX_FIELDS = 25;
  private static final int WORK_BUFFER = 256;

  /** Thrown when the scanner gives up; the server then tries ISO 8601 on the raw text. */
  static final class ScanFailure extends Exception {
    private static final long serialVersionUID = 1L;

    ScanFailure(String problem) {
      super(problem, null, false, false);
    }
  }

  /** Scans the whole input into fields. */
  static List<Field> scan(String input) throws ScanFailure {
    return new Scanner(input).run();
  }

  private static final class Scanner {
    private final String in;
    private int pos;
    private int bufferUsed;
    private final List<Field> fields = new ArrayList<>();
    private StringBuilder field;

    Scanner(String in) {
      this.in = in;
    }

    List<Field> run() throws ScanFailure {
      while (pos < in.length()) {
        char c = in.charAt(pos);
        if (isSpace(c)) {
          pos++;
          continue;
        }
        if (fields.size() >= MAX_FIELDS) {
          throw new ScanFailure("it has more than " + MAX_FIELDS + " parts");
        }
        field = new StringBuilder();
        FieldKind kind;
        if (isDigit(c)) {
          kind = scanFromDigit();
        } else if (c == '.') {
          take();
          while (isDigit(cur())) {
            take();
          }
          kind = FieldKind.NUMBER;
        } else if (isAlpha(c)) {
          kind = scanWord();
        } else if (c == '+' || c == '-') {
          kind = scanSigned();
        } else if (isPunct(c)) {
          pos++; // other punctuation only separates fields
          continue;
        } else {
          throw new ScanFailure("it contains the character " + describe(c));
        }
        bufferUsed++; // the field's terminator
        fields.add(new Field(kind, field.toString()));
      }
      return fields;
    }

    private FieldKind scanFromDigit() throws ScanFailure {
      while (isDigit(cur())) {
        take();
      }
      if (cur() == ':') {
        take();
        while (isDigit(cur()) || cur() == ':' || cur() == '.') {
          take();
        }
        return FieldKind.TIME;
      }
      if (cur() == '-' || cur() == '/' || cur() == '.') {
        char delim = cur();
        take();
        if (isDigit(cur())) {
          FieldKind kind = delim == '.' ? FieldKind.NUMBER : FieldKind.DATE;
          while (isDigit(cur())) {
            take();
          }
          if (cur() == delim) {
            kind = FieldKind.DATE;
            take();
            while (isDigit(cur()) || cur() == delim) {
              take();
            }
          }
          return kind;
        }
        while (isDigit(cur()) || isAlpha(cur()) || cur() == delim) {
          takeLower();
        }
        return FieldKind.DATE;
      }
      return FieldKind.NUMBER;
    }

    private FieldKind scanWord() throws ScanFailure {
      while (isAlpha(cur())) {
        takeLower();
      }
      boolean runOn = cur() == '-' || cur() == '/' || cur() == '.';
      if (!runOn && (cur() == '+' || isDigit(cur()))) {
        runOn = !IntervalKeywords.isDateWord(field.toString());
      }
      if (!runOn) {
        return FieldKind.STRING;
      }
      do {
        takeLower();
      } while (cur() == '+'
          || cur() == '-'
          || cur() == '/'
          || cur() == '_'
          || cur() == '.'
          || cur() == ':'
          || isDigit(cur())
          || isAlpha(cur()));
      return FieldKind.DATE;
    }

    private FieldKind scanSigned() throws ScanFailure {
      take();
      while (isSpace(cur())) {
        pos++;
      }
      if (isDigit(cur())) {
        take();
        while (isDigit(cur()) || cur() == ':' || cur() == '.' || cur() == '-') {
          take();
        }
        return FieldKind.SIGNED;
      }
      if (isAlpha(cur())) {
        while (isAlpha(cur())) {
          takeLower();
        }
        return FieldKind.SPECIAL;
      }
      throw new ScanFailure("a sign is not followed by a number");
    }

    private char cur() {
      return at(in, pos);
    }

    private void take() throws ScanFailure {
      append(in.charAt(pos++));
    }

    private void takeLower() throws ScanFailure {
      char c = in.charAt(pos++);
      append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }

    private void append(char c) throws ScanFailure {
      if (bufferUsed + 1 >= WORK_BUFFER) {
        throw new ScanFailure("it is too long");
      }
      bufferUsed++;
      field.append(c);
    }
  }

  private static String describe(char c) {
    return c < 0x20 || c == 0x7f
        ? String.format("U+%04X", (int) c)
        : "'" + c + "' (U+" + String.format("%04X", (int) c) + ")";
  }
}
