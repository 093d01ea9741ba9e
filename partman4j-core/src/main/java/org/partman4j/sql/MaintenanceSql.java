package org.partman4j.sql;

import java.util.List;
import org.partman4j.model.TableName;

/**
 * The statements of maintenance that are not DDL: its locks, and the batched probes that read many
 * sets' children in one round trip. Every name goes through {@link Sql#ident}; values are bound.
 */
public final class MaintenanceSql {

  /** The purpose half of partman4j's own maintenance lock key (two-int form). */
  public static final String LOCK_PURPOSE = "partman4j";

  /** The subject half: one maintainer per database, whatever the store schema. */
  public static final String LOCK_SUBJECT = "run_maintenance";

  /**
   * pg_partman's own keys: {@code run_maintenance()} takes the first per transaction, {@code
   * run_maintenance_proc()} the second for its whole run. Holding both (at session level, which
   * conflicts with either level) keeps the two tools from ever maintaining at the same time.
   */
  public static final List<String> PG_PARTMAN_KEYS =
      List.of("pg_partman run_maintenance", "pg_partman run_maintenance procedure");

  /**
   * Tries partman4j's key and pg_partman's two keys at once, and reads whether the server is a
   * replica and its {@code now()} in microseconds: parameters {@code LOCK_PURPOSE, LOCK_SUBJECT,
   * key1, key2}.
   */
  public static final String TRY_LOCKS =
      "SELECT pg_catalog.pg_try_advisory_lock(hashtext(?), hashtext(?)),"
          + " pg_catalog.pg_try_advisory_lock(hashtext(?)),"
          + " pg_catalog.pg_try_advisory_lock(hashtext(?)),"
          + " pg_catalog.pg_is_in_recovery(),"
          + " (extract(epoch FROM now()) * 1000000)::bigint";

  /**
   * Releases the keys {@link #TRY_LOCKS} obtained: parameters {@code got1, purpose, subject, got2,
   * key1, got3, key2}.
   */
  public static final String RELEASE_LOCKS =
      "SELECT CASE WHEN ? THEN pg_catalog.pg_advisory_unlock(hashtext(?), hashtext(?)) END,"
          + " CASE WHEN ? THEN pg_catalog.pg_advisory_unlock(hashtext(?)) END,"
          + " CASE WHEN ? THEN pg_catalog.pg_advisory_unlock(hashtext(?)) END";

  /**
   * The type and NOT NULL flag of many columns at once: parameters three text arrays (schemas,
   * tables, columns); rows {@code (ordinality, typname, attnotnull)}.
   */
  public static final String COLUMNS =
      """
      SELECT w.ord, t.typname, a.attnotnull
        FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS w(nsp, rel, col, ord)
        JOIN pg_catalog.pg_namespace n ON n.nspname = w.nsp
        JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = w.rel
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = w.col
             AND a.attnum > 0 AND NOT a.attisdropped
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
      """;

  /**
   * Whether the server is a replica, and its {@code now()} in microseconds: what {@link #TRY_LOCKS}
   * reads besides the locks, for a dry run, which takes none.
   */
  public static final String RECOVERY_AND_NOW =
      "SELECT pg_catalog.pg_is_in_recovery(), (extract(epoch FROM now()) * 1000000)::bigint";

  private MaintenanceSql() {}

  /**
   * {@code UPDATE part_config SET maintenance_last_run = clock_timestamp() WHERE parent_table = ANY
   * (?)}: one text array parameter.
   */
  public static String stampLastRun(String storeSchema) {
    return stampLastRun(storeSchema, "?::text[]");
  }

  /** {@link #stampLastRun(String)} with the parents written in, as a dry run shows it. */
  public static String stampLastRun(String storeSchema, List<String> parents) {
    return stampLastRun(storeSchema, Sql.textArray(parents));
  }

  private static String stampLastRun(String storeSchema, String parents) {
    return "UPDATE "
        + Sql.qualified(storeSchema, "part_config")
        + " SET maintenance_last_run = clock_timestamp() WHERE parent_table = ANY ("
        + parents
        + ")";
  }

  /** Marks one sub-set full and stamps it: one parameter, the parent_table. */
  public static String markFull(String storeSchema) {
    return markFull(storeSchema, "?");
  }

  /** {@link #markFull(String)} with the parent written in, as a dry run shows it. */
  public static String markFull(String storeSchema, TableName parent) {
    return markFull(storeSchema, Sql.literal(parent.toString()));
  }

  private static String markFull(String storeSchema, String parent) {
    return "UPDATE "
        + Sql.qualified(storeSchema, "part_config")
        + " SET sub_partition_set_full = true, maintenance_last_run = clock_timestamp()"
        + " WHERE parent_table = "
        + parent;
  }

  /**
   * Which of the tables hold at least one row, in one statement: a row {@code k} for each non-empty
   * {@code tables[k]}. Each probe reads at most one row, so an empty child costs nothing and a full
   * one only its first page.
   */
  public static String nonEmpty(List<TableName> tables) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < tables.size(); k++) {
      if (k > 0) {
        b.append(" UNION ALL ");
      }
      b.append("SELECT ").append(k).append(" WHERE EXISTS (SELECT 1 FROM ");
      b.append(Sql.qualified(tables.get(k).schema(), tables.get(k).table())).append(')');
    }
    return b.toString();
  }

  /** One table's newest control value, for {@link #newestValues}. */
  public record Newest(TableName table, String control, String decoderSql) {}

  /**
   * The largest control value of each table, in one statement: rows {@code (k, value text)}. The
   * value comes from {@code ORDER BY control DESC LIMIT 1}, which an index on the control column
   * answers at once (and works for types without {@code max}, like uuid); an encoded set's value is
   * passed through its decoder ({@code decoderSql}, already quoted), else printed as text.
   */
  public static String newestValues(List<Newest> probes) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < probes.size(); k++) {
      Newest p = probes.get(k);
      String col = Sql.ident(p.control());
      String value =
          p.decoderSql() == null
              ? col + "::text"
              : "(" + p.decoderSql() + "(" + col + "::text))::text";
      if (k > 0) {
        b.append(" UNION ALL ");
      }
      b.append("SELECT ").append(k).append(", (SELECT ").append(value).append(" FROM ");
      b.append(Sql.qualified(p.table().schema(), p.table().table()));
      b.append(" WHERE ").append(col).append(" IS NOT NULL ORDER BY ").append(col);
      b.append(" DESC LIMIT 1)");
    }
    return b.toString();
  }
}
