package org.partman4j.command;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.SubPartitionDefinition;
import org.partman4j.catalog.ChildTable;
import org.partman4j.catalog.TableColumn;
import org.partman4j.catalog.TableFacts;
import org.partman4j.model.ControlType;
import org.partman4j.model.SetConfig;
import org.partman4j.model.SubSetConfig;
import org.partman4j.model.TableName;
import org.partman4j.sql.Sql;
import org.partman4j.sql.SubPartitionSql;
import org.partman4j.time.EpochUnit;
import org.partman4j.time.InvalidIntervalException;
import org.partman4j.time.PgInterval;
import org.partman4j.time.TruncUnit;
import org.partman4j.time.Uuid7;

/**
 * The checks of createSubParent (pg_partman's, §14.1, and the ones it leaves to later failures),
 * made before anything changes; and the part_config_sub row the definition stands for.
 */
final class SubParentValidation {

  private static final PgInterval ONE_SECOND = PgInterval.ofMicros(1_000_000L);
  private static final PgInterval ONE_WEEK = PgInterval.ofDays(7);

  private SubParentValidation() {}

  /**
   * Checks the definition against the top set and its children; returns the row to write.
   *
   * @param schema partman4j's schema (where the built-in UUIDv7 pair is named)
   */
  static SubSetConfig check(
      Connection c,
      String schema,
      SubPartitionDefinition def,
      SetSnapshot top,
      List<ChildTable> children)
      throws SQLException {
    if (def.declarativeCheck() == null || !def.declarativeCheck().trim().equalsIgnoreCase("yes")) {
      throw invalid(
          "createSubParent rebuilds every child of "
              + top.name()
              + " as a partitioned table (locking each briefly and moving its rows out and back);"
              + " confirm with declarativeCheck(\"yes\"). Nothing was changed.");
    }
    String type = def.type() == null ? "" : def.type().toLowerCase(Locale.ROOT);
    if (!type.equals("range") && !type.equals("list")) {
      throw invalid("The sub-partition type must be 'range' or 'list', not '" + def.type() + "'.");
    }
    EpochUnit epoch;
    try {
      epoch = EpochUnit.parse(def.epoch());
    } catch (IllegalArgumentException e) {
      throw invalid(
          "The sub-partition epoch must be none, seconds, milliseconds, microseconds or"
              + " nanoseconds; not '"
              + def.epoch()
              + "'.");
    }
    if (def.premake() <= 0) {
      throw invalid("The sub-partition premake must be 1 or more, not " + def.premake() + ".");
    }
    if (!"on".equals(def.automaticMaintenance()) && !"off".equals(def.automaticMaintenance())) {
      throw invalid(
          "The sub-partition automatic maintenance must be 'on' or 'off', not '"
              + def.automaticMaintenance()
              + "'.");
    }
    TableColumn control = column(c, top.name(), def.control());
    if (control == null) {
      throw new PartmanException(
          ErrorCode.OBJECT_NOT_FOUND,
          "The sub-partition control column "
              + Sql.ident(def.control())
              + " does not exist in "
              + top.name()
              + " (names are case-sensitive, as in the catalog).");
    }
    if (!control.notNull() && def.controlNotNull()) {
      throw invalid(
          "The sub-partition control column "
              + Sql.ident(control.name())
              + " of "
              + top.name()
              + " must be NOT NULL; set it NOT NULL, or allow it with controlNotNull(false).");
    }
    ControlType ct = ControlType.of(control.typeName());
    if (!ct.isSupported()) {
      throw invalid(
          "The sub-partition control column "
              + Sql.ident(control.name())
              + " is of type "
              + control.formattedType()
              + "; sub-sets are partitioned by integer, numeric, date or timestamp columns.");
    }
    if (epoch != EpochUnit.NONE && !ct.isId()) {
      throw invalid(
          "A sub-partition epoch needs an integer control column; "
              + Sql.ident(control.name())
              + " is "
              + control.formattedType()
              + ".");
    }
    boolean subTime = ct.isTime() || ct.isEncoded() || epoch != EpochUnit.NONE;
    boolean topTime = top.bounds().kind().isTimeBased();
    if (type.equals("list") && subTime) {
      throw invalid(
          "LIST sub-partitioning is for id columns (interval 1); partition time by 'range'.");
    }
    String interval = def.interval().trim();
    if (def.dateTruncInterval() != null) {
      try {
        TruncUnit.parse(def.dateTruncInterval());
      } catch (IllegalArgumentException e) {
        throw invalid(
            "The sub-partition date_trunc interval '"
                + def.dateTruncInterval()
                + "' is not a date_trunc unit (second, minute, hour, day, week, month, quarter,"
                + " year, decade, century, millennium).");
      }
    }
    if (subTime) {
      PgInterval sub = timeInterval(interval);
      if (topTime) {
        PgInterval upper = timeInterval(top.config().partitionInterval());
        if (sub.compareTo(upper) >= 0) {
          throw notSmaller(sub, upper, top);
        }
        boolean weekly = sub.pgEquals(ONE_WEEK) || "week".equalsIgnoreCase(def.dateTruncInterval());
        if (weekly && upper.compareTo(ONE_WEEK) > 0) {
          throw invalid(
              "Weekly sub-partitions under a "
                  + upper
                  + " set do not line up with its children (weeks do not divide months or years);"
                  + " choose daily sub-partitions or a weekly top level.");
        }
      }
    } else {
      BigInteger sub = whole(interval, "sub-partition interval");
      if (type.equals("list") && !sub.equals(BigInteger.ONE)) {
        throw invalid("A LIST sub-partitioning has interval 1, not " + sub + ".");
      }
      if (type.equals("range") && sub.compareTo(BigInteger.TWO) < 0) {
        throw invalid(
            "The sub-partition interval for range partitioning must be 2 or more (got "
                + sub
                + "); for one value per child use type 'list' with interval 1.");
      }
      if (!topTime) {
        BigInteger upper = new BigInteger(top.config().partitionInterval());
        if (sub.compareTo(upper) >= 0) {
          throw notSmaller(sub, upper, top);
        }
      }
    }
    if (def.constraintCols() != null) {
      for (String col : def.constraintCols()) {
        if (col.equals(control.name())) {
          throw invalid(
              "The sub-partition constraint columns must not include the sub control column "
                  + Sql.ident(col)
                  + ".");
        }
        if (column(c, top.name(), col) == null) {
          throw new PartmanException(
              ErrorCode.OBJECT_NOT_FOUND,
              "The sub-partition constraint column "
                  + Sql.ident(col)
                  + " does not exist in "
                  + top.name()
                  + ".");
        }
      }
    }
    checkEncoding(c, schema, def, ct);
    String retention = retention(def.subRetention(), subTime);
    checkRetentionSchema(c, def.subRetentionSchema());
    if (def.optimizeConstraint() < 0) {
      throw invalid(
          "The sub-partition optimize_constraint must be 0 or more, not "
              + def.optimizeConstraint()
              + ".");
    }
    checkStartPartition(c, def.startPartition(), subTime, top);
    String template = template(c, def, top.config());
    for (ChildTable child : children) {
      if (child.partitioned()) {
        checkKey(c, child, control.name(), type);
      }
    }
    return SubSetConfig.builder(
            top.name().toString(), control.name(), canonical(interval, subTime), type)
        .subPremake(def.premake())
        .subAutomaticMaintenance(def.automaticMaintenance())
        .subTemplateTable(template)
        .subRetention(retention)
        .subRetentionSchema(def.subRetentionSchema())
        .subRetentionKeepIndex(def.subRetentionKeepIndex())
        .subRetentionKeepTable(def.subRetentionKeepTable())
        .subEpoch(epoch.configText())
        .subConstraintCols(def.constraintCols())
        .subOptimizeConstraint(def.optimizeConstraint())
        .subInfiniteTimePartitions(def.infiniteTimePartitions())
        .subJobmon(def.jobmon())
        .subInheritPrivileges(def.inheritPrivileges())
        .subConstraintValid(def.constraintValid())
        .subIgnoreDefaultData(def.ignoreDefaultData())
        .subDefaultTable(def.defaultTable())
        .subDateTruncInterval(def.dateTruncInterval())
        .subMaintenanceOrder(def.maintenanceOrder())
        .subRetentionKeepPublication(def.subRetentionKeepPublication())
        .subControlNotNull(def.controlNotNull())
        .subTimeEncoder(def.timeEncoder())
        .subTimeDecoder(def.timeDecoder())
        .subMaintenanceRole(top.config().maintenanceRole())
        .build();
  }

  /**
   * The time encoder and decoder: only for a text or uuid sub control column (both for text), as
   * createParent wants them, and existing functions, so no sub-set fails on them later.
   */
  private static void checkEncoding(
      Connection c, String schema, SubPartitionDefinition def, ControlType type)
      throws SQLException {
    String[] pair;
    try {
      pair = CreateParentPlanner.encoding(schema, def.timeEncoder(), def.timeDecoder(), type);
    } catch (PartmanException e) {
      throw new PartmanException(e.code(), "Sub-partitioning: " + e.getMessage(), e);
    }
    for (String fn : pair) {
      if (fn != null
          && !Uuid7.isBuiltIn(fn)
          && !TableFacts.functionExists(c, TableName.parse(fn))) {
        throw new PartmanException(
            ErrorCode.OBJECT_NOT_FOUND,
            "The sub-partition time encoder/decoder function "
                + fn
                + " does not exist; create it first (schema-qualified). Nothing was changed.");
      }
    }
  }

  /** {@code sub_retention} as stored, checked as {@code config set retention} checks it. */
  private static String retention(String text, boolean subTime) {
    if (text == null) {
      return null;
    }
    try {
      return ConfigRules.retentionValue(subTime, text.strip());
    } catch (IllegalArgumentException | PartmanException e) {
      throw invalid(
          "The sub-partition retention '"
              + text
              + "' is not valid ("
              + e.getMessage()
              + "); give "
              + (subTime ? "an interval above zero ('30 days')" : "a whole number of 1 or more")
              + ", or none to keep every sub-child. Nothing was changed.");
    }
  }

  private static void checkRetentionSchema(Connection c, String schema) throws SQLException {
    if (schema == null) {
      return;
    }
    if (schema.isBlank()) {
      throw invalid(
          "The sub-partition retention schema must not be empty; name an existing schema, or"
              + " none to drop or detach sub-children past retention.");
    }
    if (!TableFacts.schemaExists(c, schema)) {
      throw new PartmanException(
          ErrorCode.OBJECT_NOT_FOUND,
          "The sub-partition retention schema "
              + Sql.ident(schema)
              + " does not exist (names are case-sensitive); create it first. Nothing was"
              + " changed.");
    }
  }

  /** The start partition every new sub-set gets: a timestamp for time, a whole number for ids. */
  private static void checkStartPartition(
      Connection c, String text, boolean subTime, SetSnapshot top) throws SQLException {
    if (text == null) {
      return;
    }
    if (!subTime) {
      CreateParentPlanner.wholeNumber(text, "sub-partition start partition");
      return;
    }
    try {
      SetChildPlanning.timestamptz(c, text, top.zone());
    } catch (SQLException e) {
      throw invalid(
          "The sub-partition start partition '"
              + text
              + "' is not a timestamp PostgreSQL can read ("
              + e.getMessage()
              + "); give e.g. '2026-01-01 00:00:00'. Nothing was changed.");
    }
  }

  /** Whether a stored row is what this definition would write (a rerun that may resume). */
  static boolean same(SubSetConfig stored, SubSetConfig wanted) {
    return stored.subControl().equals(wanted.subControl())
        && stored.subPartitionInterval().equals(wanted.subPartitionInterval())
        && stored.subPartitionType().equals(wanted.subPartitionType())
        && stored.subEpoch().equals(wanted.subEpoch())
        && stored.subPremake() == wanted.subPremake();
  }

  private static void checkKey(Connection c, ChildTable child, String control, String type)
      throws SQLException {
    List<String> columns = new ArrayList<>();
    String strategy = null;
    try (PreparedStatement ps = c.prepareStatement(SubPartitionSql.KEY_OF)) {
      ps.setLong(1, child.oid());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          strategy = rs.getString(1);
          columns.add(rs.getString(2));
        }
      }
    }
    String wanted = type.equals("list") ? "l" : "r";
    if (columns.size() != 1 || !control.equals(columns.get(0)) || !wanted.equals(strategy)) {
      throw invalid(
          "The child "
              + child.name()
              + " is already partitioned, but not by "
              + type.toUpperCase(Locale.ROOT)
              + " ("
              + Sql.ident(control)
              + "); undo its partitioning first, or sub-partition by its key. Nothing was"
              + " changed.");
    }
  }

  private static String template(Connection c, SubPartitionDefinition def, SetConfig top)
      throws SQLException {
    String t = def.templateTable();
    if (t == null) {
      return top.templateTable();
    }
    TableName name = InspectionErrors.parseTable("sub-partition template table", t);
    if (!TableFacts.exists(c, name)) {
      throw new PartmanException(
          ErrorCode.OBJECT_NOT_FOUND,
          "The sub-partition template table " + name + " does not exist; create it first.");
    }
    return name.toString();
  }

  private static TableColumn column(Connection c, TableName table, String name)
      throws SQLException {
    for (TableColumn col : TableFacts.columns(c, table)) {
      if (col.name().equals(name)) {
        return col;
      }
    }
    return null;
  }

  private static PgInterval timeInterval(String text) {
    PgInterval i;
    try {
      i = PgInterval.parse(text);
    } catch (InvalidIntervalException e) {
      throw invalid(
          "The sub-partition interval '"
              + text
              + "' is not a PostgreSQL interval ("
              + e.getMessage()
              + "); give e.g. '1 day' or '1 hour'.");
    }
    if (i.compareTo(ONE_SECOND) < 0) {
      throw invalid(
          "The sub-partition interval must be 1 second or greater; '" + text + "' is less.");
    }
    return i;
  }

  private static String canonical(String interval, boolean time) {
    return time ? PgInterval.parse(interval).toString() : new BigInteger(interval).toString();
  }

  private static BigInteger whole(String text, String what) {
    try {
      BigInteger v = new BigInteger(text);
      if (v.bitLength() > 63) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw invalid("The " + what + " '" + text + "' of an id sub-set must be a whole number.");
    }
  }

  private static PartmanException notSmaller(Object sub, Object upper, SetSnapshot top) {
    return invalid(
        "The sub-partition interval "
            + sub
            + " must be smaller than the interval "
            + upper
            + " of "
            + top.name()
            + ": each sub-set lives inside one child of it.");
  }

  private static PartmanException invalid(String message) {
    return new PartmanException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
