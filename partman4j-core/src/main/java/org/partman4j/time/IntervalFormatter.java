package org.partman4j.time;

/**
 * Writes an interval as PostgreSQL's {@code interval_out} does with {@code IntervalStyle =
 * postgres}: the text pg_partman stores, byte for byte ({@code "1 year 2 mons"}, {@code "-1 days
 * +02:00:00"}, {@code "00:00:00.5"}).
 */
final class IntervalFormatter {

  private IntervalFormatter() {}

  private static final long USECS_PER_SEC = 1_000_000L;
  private static final long USECS_PER_MINUTE = 60 * USECS_PER_SEC;
  private static final long USECS_PER_HOUR = 60 * USECS_PER_MINUTE;

  static String format(PgInterval interval) {
    int years = interval.months() / 12;
    int months = interval.months() % 12;
    long time = interval.micros();
    long hours = time / USECS_PER_HOUR;
    time -= hours * USECS_PER_HOUR;
    long minutes = time / USECS_PER_MINUTE;
    time -= minutes * USECS_PER_MINUTE;
    long seconds = time / USECS_PER_SEC;
    long micros = time - seconds * USECS_PER_SEC;

    Parts out = new Parts();
    out.add(years, "year");
    out.add(months, "mon");
    out.add(interval.days(), "day");
    if (out.empty || hours != 0 || minutes != 0 || seconds != 0 || micros != 0) {
      boolean minus = hours < 0 || minutes < 0 || seconds < 0 || micros < 0;
      StringBuilder sb = out.text;
      if (!out.empty) {
        sb.append(' ');
      }
      // After a negative day count a positive time gets an explicit '+', so it reads back alike.
      sb.append(minus ? "-" : (out.previousNegative ? "+" : ""));
      twoDigits(sb, Math.abs(hours));
      sb.append(':');
      twoDigits(sb, Math.abs(minutes));
      sb.append(':');
      twoDigits(sb, Math.abs(seconds));
      if (micros != 0) {
        String fraction = String.format("%06d", Math.abs(micros));
        int end = fraction.length();
        while (fraction.charAt(end - 1) == '0') {
          end--;
        }
        sb.append('.').append(fraction, 0, end);
      }
    }
    return out.text.toString();
  }

  private static void twoDigits(StringBuilder sb, long value) {
    if (value < 10) {
      sb.append('0');
    }
    sb.append(value);
  }

  /** The year, month and day parts; each nonzero one decides the sign shown on the next. */
  private static final class Parts {
    final StringBuilder text = new StringBuilder();
    boolean empty = true;
    boolean previousNegative;

    void add(long value, String unit) {
      if (value == 0) {
        return;
      }
      if (!empty) {
        text.append(' ');
      }
      if (previousNegative && value > 0) {
        text.append('+');
      }
      text.append(value).append(' ').append(unit);
      if (value != 1) {
        text.append('s');
      }
      previousNegative = value < 0;
      empty = false;
    }
  }
}
