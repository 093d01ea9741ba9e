package org.partman4j.store;

import java.util.List;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.sql.Sql;

/** The install's refusals, each saying what is wrong and what to do. */
final class InstallErrors {

  private InstallErrors() {}

  static PartmanException ownedByExtension(String schema, StoreInspection i) {
    return new PartmanException(
        ErrorCode.SCHEMA_OWNED_BY_EXTENSION,
        "Schema "
            + Sql.ident(schema)
            + " in database "
            + i.database()
            + " belongs to the pg_partman extension (version "
            + i.partmanExtensionVersion()
            + "). partman4j keeps its own configuration tables and will not write into the"
            + " extension's. Choose another schema for partman4j:"
            + " Partman.configure().schema(\"partman4j\") (command line: --schema partman4j).");
  }

  static PartmanException cannotCreateSchema(String schema, StoreInspection i) {
    return new PartmanException(
        ErrorCode.INSUFFICIENT_PRIVILEGE,
        "Role "
            + i.role()
            + " cannot create schema "
            + Sql.ident(schema)
            + " in database "
            + i.database()
            + ": it has no CREATE privilege on the database. Either grant it (as the database"
            + " owner or a superuser): GRANT CREATE ON DATABASE "
            + Sql.ident(i.database())
            + " TO "
            + Sql.ident(i.role())
            + "; or create the schema for the role: CREATE SCHEMA "
            + Sql.ident(schema)
            + " AUTHORIZATION "
            + Sql.ident(i.role())
            + ";. Nothing was created.");
  }

  static PartmanException cannotUseSchema(String schema, StoreInspection i, String needed) {
    return new PartmanException(
        ErrorCode.INSUFFICIENT_PRIVILEGE,
        "Role "
            + i.role()
            + " has no "
            + needed
            + " privilege on schema "
            + Sql.ident(schema)
            + " (owned by "
            + i.schemaOwner()
            + ") in database "
            + i.database()
            + ". Either make the role its owner: ALTER SCHEMA "
            + Sql.ident(schema)
            + " OWNER TO "
            + Sql.ident(i.role())
            + "; or grant the privileges: GRANT USAGE, CREATE ON SCHEMA "
            + Sql.ident(schema)
            + " TO "
            + Sql.ident(i.role())
            + "; or choose another schema with .schema(...) (command line: --schema)."
            + " Nothing was created.");
  }

  static PartmanException foreignTables(String schema, StoreInspection i) {
    return new PartmanException(
        ErrorCode.STORE_CONFLICT,
        "Schema "
            + Sql.ident(schema)
            + " in database "
            + i.database()
            + " already has "
            + i.foreignTables()
            + " but no "
            + SchemaHistory.TABLE
            + " table, so partman4j did not create them (pg_partman, since removed, or someone"
            + " else did). Choose another schema with .schema(...) (command line: --schema), or"
            + " drop those tables if nothing uses them. Nothing was created.");
  }

  static PartmanException newerThanTool(String schema, int installed, int known) {
    return new PartmanException(
        ErrorCode.STORE_NEWER_THAN_TOOL,
        "Schema "
            + Sql.ident(schema)
            + " holds partman4j store version "
            + installed
            + ", written by a newer partman4j; this one knows versions up to "
            + known
            + ". Upgrade partman4j (every instance that works on this database).");
  }

  static PartmanException checksumMismatch(String schema, AppliedScript applied, StoreScript s) {
    return new PartmanException(
        ErrorCode.STORE_CHECKSUM_MISMATCH,
        "Store script "
            + s.fileName()
            + " was applied to schema "
            + Sql.ident(schema)
            + " on "
            + applied.installedOn()
            + " by "
            + applied.installedBy()
            + " with checksum "
            + applied.checksum()
            + ", but this partman4j ships it with checksum "
            + s.checksum()
            + ": another build of partman4j installed it, or the history was edited. Use the"
            + " partman4j release that installed it. If you know the difference is harmless,"
            + " record the shipped checksum: UPDATE "
            + Sql.qualified(schema, SchemaHistory.TABLE)
            + " SET checksum = '"
            + s.checksum()
            + "' WHERE version = "
            + s.version()
            + ";");
  }

  static PartmanException gaps(String schema, List<Integer> recorded, List<Integer> missing) {
    return new PartmanException(
        ErrorCode.STORE_INCONSISTENT,
        "Schema "
            + Sql.ident(schema)
            + " records store versions "
            + recorded
            + " but not "
            + missing
            + "; partman4j always applies versions in order, so its history was edited. Restore"
            + " the missing rows of "
            + Sql.qualified(schema, SchemaHistory.TABLE)
            + " or install into a new schema.");
  }
}
