package org.partman4j.command;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.partman4j.ErrorCode;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.PartmanException;
import org.partman4j.catalog.CatalogReader;
import org.partman4j.catalog.ChildTable;
import org.partman4j.catalog.KeyColumn;
import org.partman4j.catalog.ParentTable;
import org.partman4j.catalog.PartitionBound;
import org.partman4j.catalog.PartitionStrategy;
import org.partman4j.catalog.TableColumn;
import org.partman4j.catalog.TableFacts;
import org.partman4j.exec.PgTimeZones;
import org.partman4j.model.ControlType;
import org.partman4j.model.SetConfig;
import org.partman4j.model.TableName;
import org.partman4j.naming.PartitionNames;
import org.partman4j.plan.CreateParentPlan;
import org.partman4j.plan.IdChildPlanner;
import org.partman4j.plan.NewChild;
import org.partman4j.plan.PlannedChild;
import org.partman4j.plan.TimeChildPlanner;
import org.partman4j.plan.TimeLayout;
import org.partman4j.plan.TimeSlot;
import org.partman4j.sql.Sql;
import org.partman4j.store.ConfigStore;
import org.partman4j.time.EpochUnit;
import org.partman4j.time.InvalidIntervalException;
import org.partman4j.time.PgInterval;
import org.partman4j.time.TimeGrid;
import org.partman4j.time.TruncUnit;
import org.partman4j.time.Uuid7;

/**
 * Checks a {@link PartitionSetDefinition} against the catalog (pg_partman's {@code create_parent}
 * validations, in its order, plus the ones it leaves to later failures) and plans the set: the
 * config row, the template, the children and the default. Reads only; changes nothing.
 */
final class CreateParentPlanner {

  /** pg_partman 4's interval keywords, refused since 5.0. */
  private static final Set<String> LEGACY_INTERVALS =
      Set.of(
          "yearly",
          "quarterly",
          "monthly",
          "weekly",
          "daily",
          "hourly",
          "half-hour",
          "quarter-hour");

  private static final PgInterval ONE_SECOND = PgInterval.ofMicros(1_000_000L);
  private static final PgInterval ONE_DAY = PgInterval.ofDays(1);

  private final String partmanSchema;
  private final ConfigStore store;

  CreateParentPlanner(String partmanSchema) {
    this.partmanSchema = partmanSchema;
    this.store = new ConfigStore(partmanSchema);
  }

  /**
   * Validates and plans.
   *
   * @param sessionZone the zone of the session (the database's default)
   * @param clock the time pg_partman calls {@code CURRENT_TIMESTAMP}, or null to ask the database
   */
  CreateParentPlan plan(Connection c, PartitionSetDefinition def, ZoneId sessionZone, Instant clock)
      throws SQLException {
    TableName parentName = parseTable(def.parentTable(), "parent table");
    String intervalText = def.interval().trim();
    if (LEGACY_INTERVALS.contains(intervalText.toLowerCase(Locale.ROOT))) {
      throw invalid(
          "The interval '"
              + def.interval()
              + "' is a pg_partman 4 keyword, no longer supported; give an interval such as '1"
              + " day', '1 week', '1 month' or '15 minutes'.");
    }
    ParentTable parent = new CatalogReader().read(c, List.of(parentName)).get(parentName);
    if (parent == null) {
      throw notFound(
          "Unable to find the parent table "
              + parentName
              + ". Create it first, partitioned by the control column, e.g. CREATE TABLE "
              + Sql.qualified(parentName.schema(), parentName.table())
              + " (...) PARTITION BY RANGE ("
              + Sql.ident(def.control())
              + ").");
    }
    TableColumn control = controlColumn(c, parentName, def);
    ControlType type = ControlType.of(control.typeName());
    if (!type.isSupported()) {
      throw invalid(
          "The control column "
              + Sql.ident(control.name())
              + " is of type "
              + control.formattedType()
              + "; partman4j (like pg_partman) partitions by integer, numeric, date, timestamp,"
              + " timestamptz, or text/uuid with a time encoder. Domains are not accepted: use the"
              + " base type.");
    }
    EpochUnit epoch = epoch(def.epoch());
    if (epoch != EpochUnit.NONE && !type.isId()) {
      throw invalid(
          "epoch '"
              + def.epoch()
              + "' needs an integer control column holding epoch values; "
              + Sql.ident(control.name())
              + " is "
              + control.formattedType()
              + ". Leave epoch as 'none'.");
    }
    String setType = def.type() == null ? "" : def.type().toLowerCase(Locale.ROOT);
    if (!setType.equals("range") && !setType.equals("list")) {
      throw invalid("type must be 'range' or 'list', not '" + def.type() + "'.");
    }
    checkPartitioned(parent, setType);
    checkKey(parent, control);
    boolean timeSet = type.isTime() || type.isEncoded() || epoch != EpochUnit.NONE;
    if (setType.equals("list") && timeSet) {
      throw invalid(
          "LIST partitioning is for id sets only; partition a time column by RANGE (type"
              + " 'range').");
    }
    String[] encoding = encoding(def, type);
    TableName template = template(c, def);
    ZoneId zone = setZone(c, def, sessionZone);
    if (def.premake() <= 0) {
      throw invalid("premake must be 1 or more, not " + def.premake() + ".");
    }
    String maintenance = def.automaticMaintenance();
    if (!"on".equals(maintenance) && !"off".equals(maintenance)) {
      throw invalid("automatic maintenance must be 'on' or 'off', not '" + maintenance + "'.");
    }
    checkConstraintCols(c, parentName, def, control);
    if (def.childTablePrefix() == null || def.childTablePrefix().isEmpty()) {
      throw invalid("the child table prefix must not be empty; pg_partman's default is '_p'.");
    }
    Optional<SetConfig> existing = store.find(c, parentName.toString());
    Instant now = clock != null ? clock : databaseNow(c);

    SetConfig config;
    List<PlannedChild> children;
    if (timeSet) {
      PgInterval interval = timeInterval(intervalText);
      if (control.typeName().equals("date") && interval.compareTo(ONE_DAY) < 0) {
        throw invalid(
            "A date column cannot be partitioned by "
                + interval
                + ": a child shorter than a day would be empty. Use an interval of at least 1"
                + " day, or a timestamp column.");
      }
      TruncUnit trunc = dateTrunc(def.dateTruncInterval());
      Instant start =
          def.startPartition() != null
              ? timestamptz(c, def.startPartition(), zone)
              : TimeChildPlanner.defaultStart(interval, now, def.premake(), zone);
      List<TimeSlot> slots =
          TimeChildPlanner.createParentSlots(interval, start, trunc, now, def.premake(), zone);
      TimeLayout layout =
          new TimeLayout(
              parentName,
              control.name(),
              interval,
              zone,
              TimeGrid.suffixFormat(interval),
              def.childTablePrefix(),
              SetChildPlanning.timeColumn(c, control.typeName(), epoch, encoding[0], zone));
      children = planned(() -> TimeChildPlanner.children(layout, slots));
      config =
          baseConfig(c, def, parentName, control, interval.toString(), setType, template, encoding)
              .datetimeString(TimeGrid.datetimeString(interval))
              .epoch(epoch.configText())
              .build();
    } else {
      BigInteger n = idInterval(intervalText, setType);
      BigInteger max;
      boolean startGiven = def.startPartition() != null;
      if (startGiven) {
        max = wholeNumber(def.startPartition(), "start partition");
      } else {
        max = idMaximum(c, topIdAncestor(c, parentName), control.name());
      }
      List<BigInteger> starts =
          IdChildPlanner.createParentStarts(
              n, max, startGiven, def.premake(), BigInteger.valueOf(def.offsetId()));
      children =
          IdChildPlanner.children(
              parentName, def.childTablePrefix(), n, setType.equals("list"), starts);
      config =
          baseConfig(c, def, parentName, control, n.toString(), setType, template, encoding)
              .build();
    }

    boolean resume = false;
    if (existing.isPresent()) {
      if (!sameDefinition(existing.get(), config)) {
        throw new PartmanException(
            ErrorCode.SET_ALREADY_EXISTS,
            parentName
                + " is already managed by partman4j (a row in "
                + Sql.qualified(partmanSchema, "part_config")
                + ") with a different definition. Change it with UPDATE "
                + Sql.qualified(partmanSchema, "part_config")
                + ", or undo the set before creating it again.");
      }
      resume = true;
      config = existing.get();
    }
    return withExisting(c, parent, config, resume, template, def, children);
  }

  private CreateParentPlan withExisting(
      Connection c,
      ParentTable parent,
      SetConfig config,
      boolean resume,
      TableName template,
      PartitionSetDefinition def,
      List<PlannedChild> children)
      throws SQLException {
    TableName parentName = parent.name();
    Map<String, ChildTable> attached = new HashMap<>();
    for (ChildTable child : parent.children()) {
      attached.put(child.name().table(), child);
    }
    List<String> names = new ArrayList<>();
    children.forEach(ch -> names.add(ch.name()));
    String defaultName = PartitionNames.defaultPartition(parentName.table());
    names.add(defaultName);
    Map<String, String> taken = TableFacts.relationsNamed(c, parentName.schema(), names);

    List<PlannedChild> toCreate = new ArrayList<>();
    List<String> alreadyThere = new ArrayList<>();
    for (PlannedChild child : children) {
      ChildTable same = attached.get(child.name());
      if (same != null && same.name().schema().equals(parentName.schema())) {
        alreadyThere.add(child.name());
      } else if (taken.containsKey(child.name())) {
        throw nameTaken(parentName, child.name(), taken.get(child.name()));
      } else {
        toCreate.add(child);
      }
    }
    NewChild defaultPartition = null;
    if (def.defaultTable() && parent.defaultPartition().isEmpty()) {
      if (taken.containsKey(defaultName)) {
        throw nameTaken(parentName, defaultName, taken.get(defaultName));
      }
      defaultPartition =
          new NewChild(
              new TableName(parentName.schema(), defaultName), new PartitionBound.Default(), null);
    }
    TableName autoTemplate = null;
    if (def.templateTable() == null && template != null) {
      autoTemplate = template;
    }
    return new CreateParentPlan(
        config, resume, autoTemplate, toCreate, alreadyThere, defaultPartition);
  }

  private static PartmanException nameTaken(TableName parent, String name, String relkind) {
    return new PartmanException(
        ErrorCode.NAME_COLLISION,
        "The name "
            + Sql.qualified(parent.schema(), name)
            + " that a partition of "
            + parent
            + " needs is already taken by "
            + describe(relkind)
            + " that is not that partition. pg_partman would silently skip it and leave a gap;"
            + " rename or drop that "
            + describe(relkind).replaceFirst("^an? ", "")
            + ", or choose another child_table_prefix.");
  }

  private static String describe(String relkind) {
    return switch (relkind) {
      case "r" -> "a table";
      case "p" -> "a partitioned table";
      case "v" -> "a view";
      case "m" -> "a materialized view";
      case "i", "I" -> "an index";
      case "S" -> "a sequence";
      case "f" -> "a foreign table";
      default -> "a relation";
    };
  }

  /** Whether a stored row is what this definition would write (a rerun that may resume). */
  private static boolean sameDefinition(SetConfig stored, SetConfig wanted) {
    return stored.control().equals(wanted.control())
        && stored.partitionInterval().equals(wanted.partitionInterval())
        && stored.partitionType().equals(wanted.partitionType())
        && stored.epoch().equals(wanted.epoch())
        && stored.premake() == wanted.premake()
        && java.util.Objects.equals(stored.templateTable(), wanted.templateTable())
        && java.util.Objects.equals(stored.dateTruncInterval(), wanted.dateTruncInterval())
        && java.util.Objects.equals(stored.timeEncoder(), wanted.timeEncoder())
        && java.util.Objects.equals(stored.partitionTimezone(), wanted.partitionTimezone())
        && stored.childTablePrefix().equals(wanted.childTablePrefix());
  }

  private org.partman4j.model.SetConfigBuilder baseConfig(
      Connection c,
      PartitionSetDefinition def,
      TableName parent,
      TableColumn control,
      String interval,
      String type,
      TableName template,
      String[] encoding)
      throws SQLException {
    return SetConfig.builder(parent.toString(), control.name(), interval, type)
        .premake(def.premake())
        .constraintCols(def.constraintCols())
        .automaticMaintenance(def.automaticMaintenance())
        .jobmon(def.jobmon())
        .templateTable(template == null ? null : template.toString())
        .inheritPrivileges(def.inheritPrivileges() != null && def.inheritPrivileges())
        .dateTruncInterval(def.dateTruncInterval())
        .timeEncoder(encoding[0])
        .timeDecoder(encoding[1])
        .partitionTimezone(def.timeZone())
        .childTablePrefix(def.childTablePrefix())
        .maintenanceRole(currentUser(c));
  }

  private interface PlanStep {
    List<PlannedChild> run();
  }

  private static List<PlannedChild> planned(PlanStep step) {
    try {
      return step.run();
    } catch (IllegalArgumentException e) {
      throw invalid("Cannot lay out the children: " + e.getMessage() + ".");
    }
  }

  private static TableName parseTable(String text, String what) {
    try {
      return TableName.parse(text);
    } catch (IllegalArgumentException e) {
      throw invalid("The " + what + " is not usable: " + e.getMessage() + ".");
    }
  }

  private static TableColumn controlColumn(
      Connection c, TableName parent, PartitionSetDefinition def) throws SQLException {
    for (TableColumn col : TableFacts.columns(c, parent)) {
      if (col.name().equals(def.control())) {
        if (!col.notNull() && def.controlNotNull()) {
          throw invalid(
              "The control column "
                  + Sql.ident(col.name())
                  + " of "
                  + parent
                  + " must be NOT NULL (rows with NULL can only go to the default partition)."
                  + " Run ALTER TABLE "
                  + Sql.qualified(parent.schema(), parent.table())
                  + " ALTER COLUMN "
                  + Sql.ident(col.name())
                  + " SET NOT NULL, or allow it with controlNotNull(false).");
        }
        return col;
      }
    }
    throw notFound(
        "The control column "
            + Sql.ident(def.control())
            + " does not exist in "
            + parent
            + " (names are case-sensitive, as in the catalog).");
  }

  private static EpochUnit epoch(String text) {
    try {
      return EpochUnit.parse(text);
    } catch (IllegalArgumentException e) {
      throw invalid(
          "epoch must be one of none, seconds, milliseconds, microseconds, nanoseconds; not '"
              + text
              + "'.");
    }
  }

  private static void checkPartitioned(ParentTable parent, String setType) {
    if (!parent.isPartitioned()) {
      throw invalid(
          parent.name()
              + " is not a partitioned table. Create it with PARTITION BY RANGE (control) (or"
              + " LIST for an id set with interval 1); partman4j manages declarative partitioning"
              + " only.");
    }
    PartitionStrategy strategy = parent.strategy();
    if (strategy != PartitionStrategy.RANGE && strategy != PartitionStrategy.LIST) {
      throw invalid(
          parent.name()
              + " is partitioned by "
              + strategy
              + "; partman4j manages RANGE and LIST partitioning only.");
    }
    if (strategy == PartitionStrategy.RANGE && setType.equals("list")) {
      throw invalid(
          parent.name() + " is partitioned by RANGE; use type 'range' or re-create it BY LIST.");
    }
    if (strategy == PartitionStrategy.LIST && setType.equals("range")) {
      throw invalid(parent.name() + " is partitioned by LIST; use type 'list' (with interval 1).");
    }
  }

  private static void checkKey(ParentTable parent, TableColumn control) {
    List<KeyColumn> key = parent.key();
    if (key.size() != 1 || key.get(0).name() == null) {
      throw invalid(
          parent.name()
              + " has a partition key of "
              + key.size()
              + " part(s) or an expression; partman4j manages a key of exactly one column.");
    }
    KeyColumn k = key.get(0);
    if (!k.name().equals(control.name()) || !k.typeName().equals(control.typeName())) {
      throw invalid(
          "The control column "
              + Sql.ident(control.name())
              + " ("
              + control.formattedType()
              + ") is not the partition key of "
              + parent.name()
              + ", which is "
              + Sql.ident(k.name())
              + " ("
              + k.formattedType()
              + "). Give the key column as the control.");
    }
  }

  /** {time_encoder, time_decoder}; the UUIDv7 pair by default for uuid columns. */
  private String[] encoding(PartitionSetDefinition def, ControlType type) {
    return encoding(partmanSchema, def.timeEncoder(), def.timeDecoder(), type);
  }

  /**
   * {time_encoder, time_decoder} for a control column of {@code type}, checked: none for a column
   * that is not text or uuid, both for text, the UUIDv7 pair of {@code partmanSchema} by default
   * for uuid. Shared with createSubParent's checks.
   */
  static String[] encoding(
      String partmanSchema, String timeEncoder, String timeDecoder, ControlType type) {
    String enc = blankToNull(timeEncoder);
    String dec = blankToNull(timeDecoder);
    if (!type.isEncoded()) {
      if (enc != null || dec != null) {
        throw invalid(
            "A time encoder/decoder is only for text or uuid control columns; this one is "
                + type.exactType()
                + ".");
      }
      return new String[] {null, null};
    }
    if (enc == null && dec == null && type.generalType().equals(ControlType.UUID)) {
      return new String[] {
        partmanSchema + "." + Uuid7.ENCODER_NAME, partmanSchema + "." + Uuid7.DECODER_NAME
      };
    }
    if (enc == null || dec == null) {
      throw invalid(
          "A "
              + type.exactType()
              + " control column needs both a time encoder and a time decoder"
              + " (schema-qualified functions: encoder(timestamptz) returns "
              + type.exactType()
              + ", decoder("
              + type.exactType()
              + ") returns timestamptz).");
    }
    parseTable(enc, "time encoder");
    parseTable(dec, "time decoder");
    return new String[] {enc, dec};
  }

  private TableName template(Connection c, PartitionSetDefinition def) throws SQLException {
    String t = def.templateTable();
    TableName parent = TableName.parse(def.parentTable());
    if (t == null) {
      return new TableName(partmanSchema, PartitionNames.template(parent.schema(), parent.table()));
    }
    if (t.equalsIgnoreCase("false") || t.equalsIgnoreCase("f")) {
      return null;
    }
    TableName name = parseTable(t, "template table");
    if (!TableFacts.exists(c, name)) {
      throw notFound(
          "The template table "
              + name
              + " does not exist. Create it (e.g. CREATE TABLE "
              + Sql.qualified(name.schema(), name.table())
              + " (LIKE "
              + Sql.qualified(parent.schema(), parent.table())
              + ")), leave the template unset to have one made, or give 'false' for none.");
    }
    return name;
  }

  private static ZoneId setZone(Connection c, PartitionSetDefinition def, ZoneId sessionZone)
      throws SQLException {
    if (def.timeZone() == null) {
      return sessionZone;
    }
    Optional<ZoneId> java = PgTimeZones.toJava(def.timeZone());
    if (java.isEmpty()) {
      throw new PartmanException(
          ErrorCode.UNSUPPORTED_TIME_ZONE,
          "The time zone '"
              + def.timeZone()
              + "' is not a region name both PostgreSQL and Java know; give one such as 'UTC' or"
              + " 'Europe/Berlin'.");
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT now() AT TIME ZONE ?")) {
      ps.setString(1, def.timeZone());
      ps.executeQuery().close();
    } catch (SQLException e) {
      if ("22023".equals(e.getSQLState())) {
        throw new PartmanException(
            ErrorCode.UNSUPPORTED_TIME_ZONE,
            "PostgreSQL does not know the time zone '" + def.timeZone() + "'.");
      }
      throw e;
    }
    return java.get();
  }

  private static void checkConstraintCols(
      Connection c, TableName parent, PartitionSetDefinition def, TableColumn control)
      throws SQLException {
    if (def.constraintCols() == null || def.constraintCols().isEmpty()) {
      return;
    }
    List<String> columns = TableFacts.columns(c, parent).stream().map(TableColumn::name).toList();
    for (String col : def.constraintCols()) {
      if (col.equals(control.name())) {
        throw invalid(
            "The constraint columns must not include the control column "
                + Sql.ident(col)
                + "; its range is already the partition bound.");
      }
      if (!columns.contains(col)) {
        throw notFound(
            "The constraint column " + Sql.ident(col) + " does not exist in " + parent + ".");
      }
    }
  }

  static PgInterval timeInterval(String text) {
    PgInterval interval;
    try {
      interval = PgInterval.parse(text);
    } catch (InvalidIntervalException e) {
      throw invalid(
          "The interval '"
              + text
              + "' is not a PostgreSQL interval ("
              + e.getMessage()
              + "); give e.g. '1 day', '1 month', '15 minutes'.");
    }
    if (interval.compareTo(ONE_SECOND) < 0) {
      throw invalid(
          "The partitioning interval must be 1 second or greater; '" + text + "' is less.");
    }
    return interval;
  }

  static BigInteger idInterval(String text, String setType) {
    BigInteger n = wholeNumber(text, "interval");
    if (setType.equals("list")) {
      if (!n.equals(BigInteger.ONE)) {
        throw invalid(
            "A LIST set has one value per child, so its interval must be 1, not " + n + ".");
      }
      return n;
    }
    if (n.compareTo(BigInteger.TWO) < 0) {
      throw invalid(
          "The interval for range partitioning must be 2 or more (got "
              + n
              + "); for one value per child use LIST partitioning with interval 1.");
    }
    return n;
  }

  static BigInteger wholeNumber(String text, String what) {
    try {
      BigInteger v = new BigInteger(text.trim());
      if (v.bitLength() > 63) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw invalid(
          "The " + what + " '" + text + "' of an id set must be a whole number (bigint).");
    }
  }

  static TruncUnit dateTrunc(String text) {
    if (text == null) {
      return null;
    }
    try {
      return TruncUnit.parse(text);
    } catch (IllegalArgumentException e) {
      throw invalid(
          "The date_trunc interval '"
              + text
              + "' is not a date_trunc unit; give one of second, minute, hour, day, week, month,"
              + " quarter, year, decade, century, millennium.");
    }
  }

  private static Instant timestamptz(Connection c, String text, ZoneId zone) throws SQLException {
    try {
      return SetChildPlanning.timestamptz(c, text, zone);
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
        throw invalid(
            "The start partition '"
                + text
                + "' is not a timestamp PostgreSQL can read ("
                + e.getMessage()
                + "); give e.g. '2026-01-01' or '2026-01-01 00:00:00+00'.");
      }
      throw e;
    }
  }

  private static Instant databaseNow(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT (extract(epoch FROM now()) * 1000000)::bigint");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return org.partman4j.time.PgTimestamps.ofEpochMicros(rs.getLong(1));
    }
  }

  private static String currentUser(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT current_user::text");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  /**
   * The highest id-partitioned ancestor managed as a set, whose whole tree holds the values that
   * decide where a new id set starts (pg_partman's walk up {@code pg_inherits}).
   */
  private TableName topIdAncestor(Connection c, TableName table) throws SQLException {
    TableName top = table;
    Optional<TableName> up = TableFacts.parentOf(c, top);
    while (up.isPresent()) {
      Optional<SetConfig> cfg = store.find(c, up.get().toString());
      if (cfg.isEmpty() || !cfg.get().epoch().equals("none") || !isIdInterval(cfg.get())) {
        break;
      }
      top = up.get();
      up = TableFacts.parentOf(c, top);
    }
    return top;
  }

  private static boolean isIdInterval(SetConfig cfg) {
    try {
      new BigInteger(cfg.partitionInterval());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static BigInteger idMaximum(Connection c, TableName table, String column)
      throws SQLException {
    String sql =
        "SELECT trunc(max("
            + Sql.ident(column)
            + ")::numeric)::text FROM "
            + Sql.qualified(table.schema(), table.table());
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      String v = rs.getString(1);
      return v == null ? BigInteger.ZERO : new BigInteger(v);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static PartmanException invalid(String message) {
    return new PartmanException(ErrorCode.INVALID_ARGUMENT, message);
  }

  static PartmanException notFound(String message) {
    return new PartmanException(ErrorCode.OBJECT_NOT_FOUND, message);
  }
}
