package org.partman4j.ddl;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.partman4j.catalog.PartitionBound;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.TableName;
import org.partman4j.plan.NewChild;
import org.partman4j.testkit.TestDatabase;

/** Shortcuts for the child-creation tests: sessions in UTC as the owner role, children, queries. */
final class Children {

  static final ZoneId UTC = ZoneId.of("UTC");

  private Children() {}

  static Sessions sessions(TestDatabase db) {
    return sessions(db, Duration.ofSeconds(5));
  }

  static Sessions sessions(TestDatabase db, Duration lockTimeout) {
    return new Sessions(db.dataSource(), UTC, lockTimeout);
  }

  static ChildProperties read(Session s, String parent, String template, boolean inherit) {
    return s.inTransaction(
        "reading",
        c ->
            new ChildPropertiesReader()
                .read(
                    c,
                    TableName.parse(parent),
                    template == null ? null : TableName.parse(template),
                    inherit));
  }

  /** Reads the properties and creates the children in one session, with the default retries. */
  static List<ChildResult> create(
      TestDatabase db, String parent, String template, boolean inherit, NewChild... children) {
    try (Session s = sessions(db).open()) {
      ChildProperties p = read(s, parent, template, inherit);
      return new ChildCreator(LockRetry.DEFAULT).create(s, p, List.of(children));
    }
  }

  static NewChild range(String child, String lower, String upper) {
    return new NewChild(TableName.parse(child), new PartitionBound.Range(lower, upper), null);
  }

  static NewChild list(String child, String value) {
    return new NewChild(
        TableName.parse(child), new PartitionBound.ListValues(List.of(value)), null);
  }

  static NewChild defaultPartition(String child) {
    return new NewChild(TableName.parse(child), new PartitionBound.Default(), null);
  }

  /** The first column of every row, as text, read in a UTC session of the owner role. */
  static List<String> column(TestDatabase db, String sql) {
    try (Session s = sessions(db).open();
        Statement st = s.connection().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** The single value of a query (null for no row), read as {@link #column} does. */
  static String one(TestDatabase db, String sql) {
    List<String> rows = column(db, sql);
    return rows.isEmpty() ? null : rows.get(0);
  }
}
