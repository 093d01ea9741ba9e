package org.partman4j.command;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.catalog.TableColumn;
import org.partman4j.catalog.TableFacts;
import org.partman4j.model.ControlType;
import org.partman4j.model.SetConfig;
import org.partman4j.model.SetConfigBuilder;
import org.partman4j.model.TableName;
import org.partman4j.time.PgInterval;

/**
 * Which {@code part_config} columns a set's owner may change after creating it, what each accepts
 * (by the column's type and by what it means for this set), and why the others are fixed. Values
 * are given as text, as on a command line; {@code NULL} (any case) clears a nullable column.
 */
final class ConfigRules {

  /** What a rule judges a value against: the set's row and table, on a connection. */
  record Target(Connection c, SetConfig config, List<TableColumn> columns) {

    /** Whether the set's children cover time (time, epoch or encoded control), not ids. */
    boolean timeBased() {
      ControlType type =
          columns.stream()
              .filter(col -> col.name().equals(config.control()))
              .findFirst()
              .map(col -> ControlType.of(col.typeName()))
              .orElse(ControlType.of(""));
      return type.isTime() || type.isEncoded() || !"none".equals(config.epoch());
    }
  }

  @FunctionalInterface
  private interface Parser {
    /** The typed value, or throws {@link Bad} saying what is wrong with the text. */
    Object parse(Target t, String text) throws SQLException;
  }

  @FunctionalInterface
  private interface Apply {
    SetConfigBuilder apply(SetConfigBuilder b, Object value);
  }

  private record Rule(String expects, boolean nullable, Parser parser, Apply apply) {}

  /** A value refused by a rule; the message says what is wrong with it. */
  private static final class Bad extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Bad(String message) {
      super(message, null, false, false);
    }
  }

  private static final String BOOLEAN = "true or false";
  private static final Map<String, Rule> SETTABLE = new LinkedHashMap<>();
  private static final Map<String, String> FIXED = new LinkedHashMap<>();

  static {
    settable(
        "partition_interval",
        "an interval of 1 second or more for a time set ('1 day', '1 month'), a whole number of 2"
            + " or more for an id set; it applies to children made from now on",
        false,
        ConfigRules::interval,
        (b, v) -> b.partitionInterval((String) v));
    settable(
        "premake", "a whole number of 1 or more", false, positive(1), (b, v) -> b.premake((int) v));
    settable(
        "automatic_maintenance",
        "on or off",
        false,
        (t, s) -> onOff(s),
        (b, v) -> b.automaticMaintenance((String) v));
    settable(
        "template_table",
        "an existing table as schema.table, or NULL for none",
        true,
        ConfigRules::table,
        (b, v) -> b.templateTable((String) v));
    settable(
        "retention",
        "an interval above zero for a time set ('30 days'), a whole number of 1 or more for an id"
            + " set, or NULL to keep every child",
        true,
        ConfigRules::retention,
        (b, v) -> b.retention((String) v));
    settable(
        "retention_schema",
        "an existing schema, or NULL to detach or drop instead of moving",
        true,
        ConfigRules::schema,
        (b, v) -> b.retentionSchema((String) v));
    bool("retention_keep_index", (b, v) -> b.retentionKeepIndex((boolean) v));
    bool("retention_keep_table", (b, v) -> b.retentionKeepTable((boolean) v));
    settable(
        "constraint_cols",
        "columns of the parent other than the control column, comma-separated, or NULL",
        true,
        ConfigRules::constraintCols,
        (b, v) -> b.constraintCols(castList(v)));
    settable(
        "optimize_constraint",
        "a whole number of 0 or more",
        false,
        positive(0),
        (b, v) -> b.optimizeConstraint((int) v));
    bool("infinite_time_partitions", (b, v) -> b.infiniteTimePartitions((boolean) v));
    bool("jobmon", (b, v) -> b.jobmon((boolean) v));
    bool("inherit_privileges", (b, v) -> b.inheritPrivileges((Boolean) v));
    bool("constraint_valid", (b, v) -> b.constraintValid((boolean) v));
    bool("ignore_default_data", (b, v) -> b.ignoreDefaultData((boolean) v));
    settable(
        "maintenance_order",
        "a whole number, or NULL to come after the numbered sets",
        true,
        (t, s) -> integer(s),
        (b, v) -> b.maintenanceOrder((Integer) v));
    bool("retention_keep_publication", (b, v) -> b.retentionKeepPublication((boolean) v));
    bool("detach_before_drop", (b, v) -> b.detachBeforeDrop((Boolean) v));
    settable(
        "maintenance_role",
        "an existing role, or NULL",
        true,
        ConfigRules::role,
        (b, v) -> b.maintenanceRole((String) v));

    String shape =
        "the existing children's bounds and names depend on it; to change it, make the set again";
    FIXED.put("parent_table", "it is the row's key; register another table with create-parent");
    FIXED.put("control", shape);
    FIXED.put("time_encoder", shape);
    FIXED.put("time_decoder", shape);
    FIXED.put("partition_type", shape);
    FIXED.put("epoch", shape);
    FIXED.put("datetime_string", shape);
    FIXED.put("child_table_prefix", shape);
    FIXED.put("partition_timezone", shape);
    FIXED.put("date_trunc_interval", "it only placed the first child when the set was created");
    String state = "partman writes it itself to keep track of its work";
    FIXED.put("sub_partition_set_full", state);
    FIXED.put("undo_in_progress", state);
    FIXED.put("maintenance_last_run", state);
    FIXED.put("async_partitioning_in_progress", state);
  }

  private ConfigRules() {}

  private static void settable(
      String column, String expects, boolean nullable, Parser parser, Apply apply) {
    SETTABLE.put(column, new Rule(expects, nullable, parser, apply));
  }

  private static void bool(String column, Apply apply) {
    settable(column, BOOLEAN, false, (t, s) -> bool(s), apply);
  }

  /** The columns {@link #apply} accepts, in table order. */
  static List<String> settableColumns() {
    return List.copyOf(SETTABLE.keySet());
  }

  /**
   * Refuses a column that does not exist or may not be set, before anything is read.
   *
   * @throws PartmanException {@link ErrorCode#INVALID_ARGUMENT} naming the columns that can be set
   */
  static void checkColumn(String column, List<String> allColumns) {
    if (SETTABLE.containsKey(column)) {
      return;
    }
    String valid = " Columns that can be set: " + String.join(", ", SETTABLE.keySet()) + ".";
    if (FIXED.containsKey(column)) {
      throw invalid(
          "part_config." + column + " cannot be changed: " + FIXED.get(column) + "." + valid);
    }
    throw invalid(
        "part_config has no column '"
            + column
            + "'"
            + (allColumns.isEmpty() ? "" : " (its columns: " + String.join(", ", allColumns) + ")")
            + "."
            + valid);
  }

  /**
   * The set's row with {@code column} set to the value {@code text} stands for.
   *
   * @throws PartmanException {@link ErrorCode#INVALID_ARGUMENT} saying what would be valid
   */
  static SetConfig apply(Target target, String column, String text) throws SQLException {
    checkColumn(column, List.of());
    Rule rule = SETTABLE.get(column);
    Object value;
    if (text == null || text.strip().equalsIgnoreCase("null")) {
      if (!rule.nullable()) {
        throw refused(target, column, text, "the column cannot be NULL", rule);
      }
      value = null;
    } else {
      try {
        value = rule.parser().parse(target, text.strip());
      } catch (Bad e) {
        throw refused(target, column, text, e.getMessage(), rule);
      } catch (PartmanException e) {
        throw refused(target, column, text, nested(e.getMessage()), rule);
      }
    }
    return rule.apply().apply(target.config().toBuilder(), value).build();
  }

  private static PartmanException refused(
      Target t, String column, String text, String problem, Rule rule) {
    return invalid(
        "'"
            + text
            + "' is not a valid "
            + column
            + " for "
            + t.config().parentTable()
            + ": "
            + problem
            + ". Give "
            + rule.expects()
            + ".");
  }

  /** Another check's sentence as a clause of ours: no capital at the start, no final period. */
  private static String nested(String s) {
    String clause = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    if (clause.length() > 1
        && Character.isUpperCase(clause.charAt(0))
        && Character.isLowerCase(clause.charAt(1))) {
      clause = Character.toLowerCase(clause.charAt(0)) + clause.substring(1);
    }
    return clause;
  }

  private static PartmanException invalid(String message) {
    return new PartmanException(ErrorCode.INVALID_ARGUMENT, message);
  }

  // Parsers

  private static Parser positive(int min) {
    return (t, s) -> {
      int n = integer(s);
      if (n < min) {
        throw new Bad("it must be " + min + " or more");
      }
      return n;
    };
  }

  private static int integer(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new Bad("it is not a whole number (integer)");
    }
  }

  /** PostgreSQL's spellings of a boolean. */
  private static boolean bool(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "on", "1" -> true;
      case "false", "f", "no", "n", "off", "0" -> false;
      default -> throw new Bad("it is not a boolean");
    };
  }

  private static String onOff(String s) {
    String v = s.toLowerCase(Locale.ROOT);
    if (!v.equals("on") && !v.equals("off")) {
      throw new Bad("automatic maintenance is either on or off");
    }
    return v;
  }

  private static Object interval(Target t, String s) {
    if (t.timeBased()) {
      // Stored as PostgreSQL prints it, as create-parent stores it.
      return CreateParentPlanner.timeInterval(s).toString();
    }
    return CreateParentPlanner.idInterval(s, t.config().partitionType()).toString();
  }

  private static Object retention(Target t, String s) {
    try {
      return retentionValue(t.timeBased(), s);
    } catch (IllegalArgumentException e) {
      throw new Bad(e.getMessage());
    }
  }

  /**
   * A retention as stored: for a time-based set an interval above zero, as PostgreSQL prints it;
   * for an id set a whole number of 1 or more. Shared with createSubParent's {@code sub_retention}.
   *
   * @throws IllegalArgumentException whose message says, as a clause, what is wrong
   * @throws PartmanException {@link ErrorCode#INVALID_ARGUMENT} when an id retention is no number
   */
  static String retentionValue(boolean timeBased, String s) {
    if (timeBased) {
      PgInterval interval;
      try {
        interval = PgInterval.parse(s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "it is not a PostgreSQL interval (" + e.getMessage() + ")", e);
      }
      if (interval.compareTo(PgInterval.ZERO) <= 0) {
        throw new IllegalArgumentException("a retention interval must be above zero");
      }
      return interval.toString();
    }
    BigInteger n = CreateParentPlanner.wholeNumber(s, "retention");
    if (n.signum() <= 0) {
      throw new IllegalArgumentException("a retention must be 1 or more");
    }
    return n.toString();
  }

  private static Object schema(Target t, String s) throws SQLException {
    if (!TableFacts.schemaExists(t.c(), s)) {
      throw new Bad("no schema of that name exists (names are case-sensitive; create it first)");
    }
    return s;
  }

  private static Object table(Target t, String s) throws SQLException {
    TableName name;
    try {
      name = TableName.parse(s);
    } catch (IllegalArgumentException e) {
      throw new Bad(e.getMessage());
    }
    if (!TableFacts.exists(t.c(), name)) {
      throw new Bad("no table of that name exists");
    }
    return name.toString();
  }

  private static Object role(Target t, String s) throws SQLException {
    if (!TableFacts.roleExists(t.c(), s)) {
      throw new Bad("no role of that name exists");
    }
    return s;
  }

  private static Object constraintCols(Target t, String s) {
    List<String> names = t.columns().stream().map(TableColumn::name).toList();
    List<String> cols = new ArrayList<>();
    for (String part : s.split(",", -1)) {
      String col = part.strip();
      if (col.isEmpty()) {
        throw new Bad("it holds an empty column name");
      }
      if (col.equals(t.config().control())) {
        throw new Bad("the control column " + col + " is bounded by the partitions already");
      }
      if (!names.contains(col)) {
        throw new Bad(t.config().parentTable() + " has no column " + col);
      }
      if (!cols.contains(col)) {
        cols.add(col);
      }
    }
    return cols;
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object v) {
    return (List<String>) v;
  }
}
