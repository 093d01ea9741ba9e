package org.partman4j.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.catalog.CatalogReader;
import org.partman4j.catalog.ChildTable;
import org.partman4j.catalog.ParentTable;
import org.partman4j.catalog.PartitionBound;
import org.partman4j.exec.PgTimeZones;
import org.partman4j.model.ControlType;
import org.partman4j.model.SetConfig;
import org.partman4j.model.TableName;
import org.partman4j.plan.BoundValues;
import org.partman4j.plan.DecodedChild;
import org.partman4j.plan.SetKind;
import org.partman4j.sql.Sql;
import org.partman4j.store.ConfigStore;
import org.partman4j.time.EpochUnit;
import org.partman4j.time.TimestampText;
import org.partman4j.time.Uuid7;

/**
 * Reads what the inspections need of one set (its part_config row, its parent and children, its
 * control column) and decodes its children's bounds, the bounds of an encoded set in one batched
 * call of its decoder.
 */
final class SetReader {

  private final String schema;
  private final ConfigStore store;

  SetReader(String schema) {
    this.schema = schema;
    this.store = new ConfigStore(schema);
  }

  /** A set's row and its parent, or the error that says which of the two is missing. */
  record Found(SetConfig config, ParentTable parent) {}

  Found find(Connection c, TableName name) throws SQLException {
    Optional<SetConfig> config = store.find(c, name.toString());
    ParentTable parent = new CatalogReader().read(c, List.of(name)).get(name);
    if (parent == null) {
      throw config.isPresent()
          ? InspectionErrors.parentMissing(name, schema)
          : InspectionErrors.noSuchTable(name, schema);
    }
    return new Found(config.orElseThrow(() -> InspectionErrors.notManaged(name, schema)), parent);
  }

  /** The whole snapshot of a managed set. */
  SetSnapshot read(Connection c, TableName name, ZoneId sessionZone) throws SQLException {
    Found found = find(c, name);
    SetConfig config = found.config();
    InspectionSql.Column column =
        InspectionSql.column(c, name, config.control())
            .orElseThrow(
                () ->
                    new PartmanException(
                        ErrorCode.OBJECT_NOT_FOUND,
                        "part_config names \""
                            + config.control()
                            + "\" as the control column of "
                            + name
                            + ", but the table has no such column. Correct part_config.control"
                            + " or the table."));
    ControlType type = ControlType.of(column.typeName());
    ZoneId zone = zoneOf(config, sessionZone);
    BoundValues bounds;
    try {
      bounds = BoundValues.of(type, EpochUnit.parse(config.epoch()), zone);
    } catch (IllegalArgumentException e) {
      throw InspectionErrors.unusable(
          "Set " + name + " cannot be read: " + e.getMessage() + ". Correct its part_config row.",
          e);
    }
    if (bounds.kind() == SetKind.ENCODED && config.timeDecoder() == null) {
      throw InspectionErrors.unusable(
          "Set "
              + name
              + " has a "
              + type.exactType()
              + " control column but no time_decoder in part_config, so its bounds cannot be read"
              + " as times. Set part_config.time_decoder to the function that decodes them.");
    }
    return new SetSnapshot(name, config, found.parent(), type, column.notNull(), zone, bounds);
  }

  /**
   * The zone a set computes in. pg_partman 5.4.4's {@code partition_timezone} names it; it must be
   * a zone Java and PostgreSQL both know, so that both compute the same bounds.
   */
  static ZoneId zoneOf(SetConfig config, ZoneId sessionZone) {
    String named = config.partitionTimezone();
    if (named == null) {
      return sessionZone;
    }
    return PgTimeZones.toJava(named)
        .orElseThrow(
            () ->
                InspectionErrors.unusable(
                    "Set "
                        + config.parentTable()
                        + " has partition_timezone '"
                        + named
                        + "', which is not an IANA zone name that Java and PostgreSQL share."
                        + " Set part_config.partition_timezone to a region such as"
                        + " 'Europe/Berlin', or to NULL for the session's zone."));
  }

  /**
   * The children decoded, the default among them. An encoded set's bound values are decoded by its
   * {@code time_decoder} in one statement.
   */
  List<DecodedChild> decode(Connection c, SetSnapshot set, List<ChildTable> children)
      throws SQLException {
    BoundValues bounds = set.bounds();
    if (bounds.kind() == SetKind.ENCODED) {
      bounds = bounds.withDecoded(decoded(c, set, children));
    }
    List<DecodedChild> out = new ArrayList<>(children.size());
    for (ChildTable child : children) {
      try {
        out.add(bounds.decode(child));
      } catch (IllegalArgumentException e) {
        throw InspectionErrors.unusable(
            "Set "
                + set.name()
                + " has a child partman4j cannot read: "
                + e.getMessage()
                + ". Such a child was not made by pg_partman or partman4j; detach it or correct"
                + " it.",
            e);
      }
    }
    return out;
  }

  private Map<String, Instant> decoded(Connection c, SetSnapshot set, List<ChildTable> children)
      throws SQLException {
    Set<String> texts = new LinkedHashSet<>();
    for (ChildTable child : children) {
      if (child.bound() instanceof PartitionBound.Range r) {
        addIfPresent(texts, r.lower());
        addIfPresent(texts, r.upper());
      } else if (child.bound() instanceof PartitionBound.ListValues l) {
        l.values().forEach(v -> addIfPresent(texts, v));
      }
    }
    Map<String, Instant> out = new HashMap<>();
    if (texts.isEmpty()) {
      return out;
    }
    String decoder = set.config().timeDecoder();
    if (Uuid7.isBuiltIn(decoder)) {
      // pg_partman's UUIDv7 decoder is computed here: no such function exists in the database.
      for (String t : texts) {
        try {
          out.put(t, Uuid7.decode(t));
        } catch (RuntimeException e) {
          throw InspectionErrors.unusable(
              "The bound value '" + t + "' of set " + set.name() + " is not a uuid.", e);
        }
      }
      return out;
    }
    List<String> input = List.copyOf(texts);
    List<String> results;
    try {
      results = InspectionSql.decodeAll(c, functionSql(set.name(), decoder), input);
    } catch (SQLException e) {
      throw new PartmanException(
          "42883".equals(e.getSQLState()) ? ErrorCode.OBJECT_NOT_FOUND : ErrorCode.SET_UNUSABLE,
          "The time_decoder of set "
              + set.name()
              + ", "
              + decoder
              + ", failed on the set's bounds: "
              + InspectionErrors.serverMessage(e)
              + ". It must take text and return timestamptz; correct the function or"
              + " part_config.time_decoder.",
          e);
    }
    for (int i = 0; i < input.size(); i++) {
      String result = results.get(i);
      if (result == null) {
        throw InspectionErrors.unusable(
            "The time_decoder "
                + decoder
                + " of set "
                + set.name()
                + " returned NULL for the bound value '"
                + input.get(i)
                + "'. A decoder must give a time for every bound; correct the function.");
      }
      try {
        out.put(input.get(i), TimestampText.parseTimestamptz(result));
      } catch (IllegalArgumentException e) {
        throw InspectionErrors.unusable(
            "The time_decoder "
                + decoder
                + " of set "
                + set.name()
                + " returned '"
                + result
                + "' for the bound value '"
                + input.get(i)
                + "', which is not a finite timestamptz. Correct the function.",
            e);
      }
    }
    return out;
  }

  private static void addIfPresent(Set<String> texts, String value) {
    if (value != null) {
      texts.add(value);
    }
  }

  /**
   * A function named in part_config ({@code schema.function}, or a bare name found on the search
   * path), quoted: pg_partman splits the name at its dot and quotes each part.
   */
  static String functionSql(TableName set, String function) {
    int dot = function.indexOf('.');
    if (dot < 0) {
      return Sql.ident(function);
    }
    if (function.indexOf('.', dot + 1) >= 0 || dot == 0 || dot == function.length() - 1) {
      throw InspectionErrors.unusable(
          "Set "
              + set
              + " names the function '"
              + function
              + "', which is not of the form schema.function. Correct part_config.");
    }
    return Sql.qualified(function.substring(0, dot), function.substring(dot + 1));
  }
}
