package org.partman4j.ddl;

import java.sql.SQLException;
import org.partman4j.ErrorCode;
import org.partman4j.PartmanException;
import org.partman4j.exec.SqlErrors;
import org.partman4j.model.TableName;
import org.partman4j.plan.NewChild;
import org.partman4j.sql.DdlSql;

/** The messages of failures to make a child: what is wrong, and what to do. */
final class ChildErrors {

  /** SQLState {@code invalid_object_definition}: ATTACH's "would overlap partition". */
  static final String INVALID_OBJECT_DEFINITION = "42P17";

  /** SQLState {@code check_violation}: ATTACH found rows of the new child in the default. */
  static final String CHECK_VIOLATION = "23514";

  private ChildErrors() {}

  /** The name of {@code child} is held by {@code existing}, which is not this very child. */
  static PartmanException collision(TableName parent, NewChild child, ExistingRelation existing) {
    TableName t = child.table();
    String what;
    String todo;
    if (existing.partitionOf() == null
        && ("r".equals(existing.relkind()) || "p".equals(existing.relkind()))) {
      what =
          "a "
              + existing.kind()
              + " of that name already exists and is not attached to any parent (a table kept by"
              + " retention with retention_keep_table, or one made by hand)";
      todo =
          "Rename or drop it, or attach it yourself if it holds exactly this child's rows, then"
              + " rerun.";
    } else if (existing.partitionOf() == null) {
      what = "the name is taken by " + existing.kindWithArticle();
      todo = "Rename or drop it, then rerun.";
    } else if (existing.parentOid() != 0 && existing.partitionOf().equals(parent)) {
      what =
          "a child of that name is already attached to "
              + parent
              + " with "
              + existing.boundExpression()
              + ", not "
              + DdlSql.bound(child.bound());
      todo =
          "The set's configuration (interval, start, time zone, epoch) no longer matches its"
              + " children; correct the configuration, or detach and rename that child, then"
              + " rerun.";
    } else {
      what =
          existing.kindWithArticle()
              + " of that name is a partition of another table, "
              + existing.partitionOf()
              + " ("
              + existing.boundExpression()
              + ")";
      todo =
          "Two sets give their children the same name, usually because long parent names are cut"
              + " to 63 bytes; rename one of the parents, then rerun.";
    }
    return new PartmanException(
        ErrorCode.NAME_COLLISION,
        "Cannot create child " + t + " of " + parent + ": " + what + ". " + todo);
  }

  /**
   * A statement making {@code child} failed for a reason other than a lock.
   *
   * @param statement the failed statement
   */
  static PartmanException statementFailed(
      SQLException e, TableName parent, NewChild child, String statement) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    boolean attach = statement != null && statement.contains(" ATTACH PARTITION ");
    if (attach && state.equals(INVALID_OBJECT_DEFINITION)) {
      return attachConflict(
          e,
          parent,
          child,
          statement,
          "Its bound overlaps the child named there, so the set's children do not follow the grid"
              + " its configuration gives (interval, start, time zone, epoch). Nothing was created"
              + " for this child; fix the configuration or that child, then rerun.");
    }
    if (attach && state.equals(CHECK_VIOLATION)) {
      return attachConflict(
          e,
          parent,
          child,
          statement,
          "The default partition holds rows that belong in the new child. Move them out of the"
              + " default first (partition data), then rerun; nothing was created for this"
              + " child.");
    }
    return SqlErrors.translate(e, "creating child " + child.table() + " of " + parent, statement);
  }

  private static PartmanException attachConflict(
      SQLException e, TableName parent, NewChild child, String statement, String advice) {
    return new PartmanException(
        ErrorCode.PARTITION_CONFLICT,
        "Cannot attach child "
            + child.table()
            + " to "
            + parent
            + " "
            + DdlSql.bound(child.bound())
            + ": "
            + SqlErrors.serverText(e)
            + ". "
            + advice,
        e.getSQLState(),
        statement,
        e);
  }

  /** Every attempt to make {@code child} timed out on a lock or deadlocked. */
  static PartmanException lockTimeout(
      TableName parent, NewChild child, int attempts, String statement, Throwable cause) {
    String state = cause instanceof SQLException s ? s.getSQLState() : null;
    if (cause instanceof PartmanException p) {
      state = p.sqlState();
    }
    return new PartmanException(
        ErrorCode.LOCK_TIMEOUT,
        "Cannot create child "
            + child.table()
            + " of "
            + parent
            + ": "
            + (attempts == 1 ? "the attempt" : "all " + attempts + " attempts")
            + " timed out waiting for a lock (or deadlocked), because another session holds a"
            + " conflicting lock on "
            + parent
            + " or a table it references (a long transaction, LOCK TABLE, CREATE INDEX, …)."
            + " Nothing was left behind for this child. Rerun later (it resumes where it"
            + " stopped), or raise the lock timeout or the number of lock retries.",
        state,
        statement,
        cause);
  }
}
