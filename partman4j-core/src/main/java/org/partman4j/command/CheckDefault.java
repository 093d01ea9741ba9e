package org.partman4j.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.partman4j.DefaultRows;
import org.partman4j.catalog.CatalogReader;
import org.partman4j.catalog.ChildTable;
import org.partman4j.catalog.ParentTable;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.SetConfig;
import org.partman4j.model.TableName;
import org.partman4j.sql.DataSql;
import org.partman4j.store.ConfigStore;

/**
 * The {@code checkDefault} operation: pg_partman's {@code check_default}. Every set's default
 * partition is counted (or probed for one row), in one read-only transaction; sets whose default is
 * empty, that have none, or whose parent is gone are left out.
 */
public final class CheckDefault {

  private final Sessions sessions;
  private final String schema;

  public CheckDefault(Sessions sessions, String schema) {
    this.sessions = sessions;
    this.schema = schema;
  }

  /**
   * @param exactCount count every row (a full scan of each default), or only probe for one
   */
  public List<DefaultRows> run(boolean exactCount) {
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return session.inTransaction(
          "checking the default partitions of the sets in schema " + schema,
          c -> {
            InspectionSql.readOnly(c);
            return check(c, exactCount);
          });
    }
  }

  private List<DefaultRows> check(Connection c, boolean exact) throws SQLException {
    List<TableName> names = new ArrayList<>();
    for (SetConfig config : new ConfigStore(schema).findAll(c)) {
      try {
        names.add(TableName.parse(config.parentTable()));
      } catch (IllegalArgumentException e) {
        // a row naming no table cannot have a default; other operations report it
      }
    }
    Map<TableName, ParentTable> parents = new CatalogReader().read(c, names);
    List<DefaultRows> out = new ArrayList<>();
    for (TableName name : names) {
      ParentTable parent = parents.get(name);
      if (parent == null || parent.defaultPartition().isEmpty()) {
        continue;
      }
      ChildTable def = parent.defaultPartition().get();
      String sql = exact ? DataSql.count(def.name()) : DataSql.hasRows(def.name());
      try (PreparedStatement ps = c.prepareStatement(sql);
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        long n = rs.getLong(1);
        if (n > 0) {
          out.add(new DefaultRows(name.toString(), def.name().toString(), n));
        }
      }
    }
    return out;
  }
}
