package org.partman4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partman4j.ErrorCode;
import org.partman4j.Partman;
import org.partman4j.PartmanException;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.SetConfig;
import org.partman4j.model.SetConfigBuilder;
import org.partman4j.model.SubSetConfig;
import org.partman4j.sql.Sql;
import org.partman4j.testkit.PostgresTest;
import org.partman4j.testkit.TestDatabase;

/**
 * Rows written through the store are what plain SQL sees, and rows written by plain SQL (as
 * pg_partman users do) are what the store reads — in a schema whose name needs quoting.
 */
@PostgresTest
class ConfigStoreIT {

  private static final String SCHEMA = "Part\"Man Ü.x";
  private static final String TABLE = Sql.qualified(SCHEMA, "part_config");
  private static final String SUB_TABLE = Sql.qualified(SCHEMA, "part_config_sub");

  private final ConfigStore store = new ConfigStore(SCHEMA);

  @BeforeAll
  static void install(TestDatabase db) {
    Partman.configure().dataSource(db.dataSource()).schema(SCHEMA).load().install();
  }

  /** Every column away from its default, nulls where the column allows them. */
  private static SetConfig everything(String parent) {
    return SetConfig.builder(parent, "created_at", "1 day", "range")
        .timeEncoder("public.enc")
        .timeDecoder("public.dec")
        .premake(7)
        .automaticMaintenance("off")
        .templateTable("partman.template_x")
        .retention("30 days")
        .retentionSchema("archive")
        .retentionKeepIndex(false)
        .retentionKeepTable(false)
        .epoch("milliseconds")
        .constraintCols(Arrays.asList("a", "b c", null))
        .optimizeConstraint(5)
        .infiniteTimePartitions(true)
        .datetimeString("YYYYMMDD")
        .jobmon(false)
        .subPartitionSetFull(true)
        .undoInProgress(true)
        .inheritPrivileges(null)
        .constraintValid(false)
        .ignoreDefaultData(false)
        .dateTruncInterval("week")
        .maintenanceOrder(3)
        .retentionKeepPublication(true)
        .maintenanceLastRun(Instant.parse("2024-03-10T07:08:09.123456789Z"))
        .detachBeforeDrop(null)
        .maintenanceRole("maint's role")
        .asyncPartitioningInProgress("x")
        .childTablePrefix("_q")
        .partitionTimezone("America/New_York")
        .build();
  }

  @Test
  void aRowWrittenByTheStoreIsWhatPlainSqlSees(TestDatabase db) throws SQLException {
    SetConfig row = everything("public.Events \"all\"");
    write(db, c -> store.insert(c, row));

    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute("SET TimeZone = 'UTC'");
      assertThat(
              OneValue.first(
                  st,
                  "SELECT t::text FROM "
                      + TABLE
                      + " t WHERE parent_table = 'public.Events \"all\"'"))
          .isEqualTo(
              "(\"public.Events \"\"all\"\"\",created_at,public.enc,public.dec,\"1 day\",range,7,off,"
                  + "partman.template_x,\"30 days\",archive,f,f,milliseconds,"
                  + "\"{a,\"\"b c\"\",NULL}\",5,t,YYYYMMDD,f,t,t,,f,f,week,3,t,"
                  + "\"2024-03-10 07:08:09.123456+00\",,\"maint's role\",x,_q,America/New_York)");
    }
    assertThat(read(db, "public.Events \"all\"")).isEqualTo(row);
  }

  @Test
  void aRowWrittenByPlainSqlReadsBackWithTheColumnDefaults(TestDatabase db) {
    db.execute(
        "INSERT INTO "
            + TABLE
            + " (parent_table, control, partition_interval, partition_type)"
            + " VALUES ('public.plain', 'created_at', '1 day', 'range')");

    SetConfig read = read(db, "public.plain");

    assertThat(read)
        .isEqualTo(
            SetConfig.builder("public.plain", "created_at", "1 day", "range")
                .maintenanceRole("partman_owner") // DEFAULT current_user
                .build());

    db.execute(
        "UPDATE "
            + TABLE
            + " SET retention = '30 days', constraint_cols = ARRAY['x'],"
            + " maintenance_last_run = '2025-01-01 12:00:00+05:30' WHERE parent_table = 'public.plain'");
    SetConfig updated = read(db, "public.plain");
    assertThat(updated.retention()).isEqualTo("30 days");
    assertThat(updated.constraintCols()).containsExactly("x");
    assertThat(updated.maintenanceLastRun()).isEqualTo(Instant.parse("2025-01-01T06:30:00Z"));

    db.execute(
        "INSERT INTO "
            + SUB_TABLE
            + " (sub_parent, sub_control, sub_partition_interval, sub_partition_type)"
            + " VALUES ('public.plain', 'id', '100', 'list')");
    assertThat(readSub(db, "public.plain"))
        .isEqualTo(
            SubSetConfig.builder("public.plain", "id", "100", "list")
                .subMaintenanceRole("partman_owner")
                .build());
  }

  @Test
  void updateReplacesEveryColumnAndDeleteCascadesToTheSubConfig(TestDatabase db) {
    String parent = "public.lifecycle";
    SetConfig original = SetConfig.builder(parent, "id", "10", "range").build();
    SubSetConfig sub =
        SubSetConfig.builder(parent, "created_at", "1 day", "range").subRetention("7 days").build();
    write(
        db,
        c -> {
          store.insertSub(c, sub); // before its parent, as pg_partman does: the FK is deferred
          store.insert(c, original);
        });
    assertThat(readSub(db, parent)).isEqualTo(sub);

    SetConfig changed = everything(parent);
    assertThat(query(db, c -> store.update(c, changed)).booleanValue()).isTrue();
    assertThat(read(db, parent)).isEqualTo(changed);
    assertThat(query(db, c -> store.update(c, everything("public.nobody"))).booleanValue())
        .isFalse();

    SubSetConfig subChanged = sub.toBuilder().subPremake(2).subDefaultTable(null).build();
    assertThat(query(db, c -> store.updateSub(c, subChanged)).booleanValue()).isTrue();
    assertThat(readSub(db, parent)).isEqualTo(subChanged);

    assertThat(query(db, c -> store.delete(c, parent)).booleanValue()).isTrue();
    assertThat(query(db, c -> store.find(c, parent)).isPresent()).isFalse();
    assertThat(query(db, c -> store.findSub(c, parent)).isPresent()).isFalse();
    assertThat(query(db, c -> store.delete(c, parent)).booleanValue()).isFalse();
  }

  @Test
  void findAllListsRowsByParent(TestDatabase db) {
    write(
        db,
        c -> {
          store.insert(c, SetConfig.builder("zz.b", "id", "10", "range").build());
          store.insert(c, SetConfig.builder("zz.a", "id", "10", "list").build());
          store.insertSub(c, SubSetConfig.builder("zz.a", "id", "1", "list").build());
        });
    List<SetConfig> all = query(db, store::findAll);
    assertThat(all.stream().map(SetConfig::parentTable).filter(p -> p.startsWith("zz.")))
        .containsExactly("zz.a", "zz.b");
    List<SubSetConfig> subs = query(db, store::findAllSub);
    assertThat(subs.stream().map(SubSetConfig::subParent).filter(p -> p.startsWith("zz.")))
        .containsExactly("zz.a");
  }

  @Test
  void constraintViolationsAreExplainedAndChangeNothing(TestDatabase db) {
    String p = "public.rejected";
    rejected(db, b -> b.premake(0), "premake must be greater than 0", "positive_premake_check");
    rejected(
        db,
        b -> b.automaticMaintenance("maybe"),
        "automatic_maintenance must be 'on' or 'off'",
        "part_config_automatic_maintenance_check");
    rejected(
        db, b -> b.epoch("hours"), "epoch must be 'none', 'seconds'", "part_config_epoch_check");
    rejected(
        db,
        b -> b.partitionType("hash"),
        "partition_type must be 'range' or 'list'",
        "part_config_type_check");
    rejected(
        db,
        b -> b.retentionSchema(""),
        "retention_schema must be NULL or a schema name",
        "retention_schema_not_empty_chk");
    rejected(
        db,
        b -> b.constraintCols(List.of("other", "control")),
        "constraint_cols must not include the control column (control)",
        "control_constraint_col_chk");
    rejected(
        db,
        b -> b.childTablePrefix(""),
        "child_table_prefix must not be empty",
        "child_table_prefix_not_empty_chk");
    assertThat(
            db.queryString("SELECT count(*) FROM " + TABLE + " WHERE parent_table = '" + p + "'"))
        .isEqualTo("0");

    write(db, c -> store.insert(c, SetConfig.builder(p, "id", "10", "range").build()));
    assertThatThrownBy(
            () -> write(db, c -> store.insert(c, SetConfig.builder(p, "x", "1", "range").build())))
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_REJECTED))
        .hasMessageContaining("a row with that parent_table already exists")
        .hasMessageContaining("part_config_parent_table_pkey");
    assertThat(read(db, p).control()).isEqualTo("id");

    assertThatThrownBy(
            () ->
                write(
                    db,
                    c ->
                        store.insertSub(
                            c,
                            SubSetConfig.builder(p, "id", "10", "range")
                                .subEpoch("hours")
                                .build())))
        .isInstanceOfSatisfying(
            PartmanException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_REJECTED))
        .hasMessageContaining("sub_epoch must be")
        .hasMessageContaining("part_config_sub_epoch_check on part_config_sub");
  }

  @Test
  void aSubConfigWithoutItsParentFailsAtCommitWithTheReason(TestDatabase db) throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      store.insertSub(c, SubSetConfig.builder("public.orphan", "id", "10", "range").build());
      SQLException atCommit = null;
      try {
        c.commit();
      } catch (SQLException e) {
        atCommit = e;
      }
      assertThat((Object) atCommit).isNotNull();
      PartmanException explained = StoreErrors.translate(atCommit, "the new part_config_sub row");
      assertThat(explained.code()).isEqualTo(ErrorCode.CONFIG_REJECTED);
      assertThat(explained.sqlState()).isEqualTo("23503");
      assertThat(explained.getMessage())
          .contains("sub_parent must be the parent_table of a part_config row")
          .contains("part_config_sub_sub_parent_fkey");
    }
    assertThat(
            db.queryString(
                "SELECT count(*) FROM " + SUB_TABLE + " WHERE sub_parent = 'public.orphan'"))
        .isEqualTo("0");
  }

  @Test
  void requiredColumnsAreRequiredInJavaToo() {
    assertThatThrownBy(() -> SetConfig.builder("public.t", null, "1 day", "range").build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("control is NOT NULL");
    assertThat(everything("public.t").constraintCols()).containsExactly("a", "b c", null);
    assertThat(everything("public.t").maintenanceLastRun())
        .isEqualTo(Instant.parse("2024-03-10T07:08:09.123456Z"));
  }

  private void rejected(
      TestDatabase db, UnaryOperator<SetConfigBuilder> change, String explanation, String name) {
    SetConfig row =
        change.apply(SetConfig.builder("public.rejected", "control", "1 day", "range")).build();
    assertThatThrownBy(() -> write(db, c -> store.insert(c, row)))
        .isInstanceOfSatisfying(
            PartmanException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_REJECTED);
              assertThat(e.sqlState()).isEqualTo("23514");
            })
        .hasMessageContaining("The store rejected the new part_config row for public.rejected")
        .hasMessageContaining(explanation)
        .hasMessageContaining("(constraint " + name + " on part_config)");
  }

  private SetConfig read(TestDatabase db, String parent) {
    return query(db, c -> store.find(c, parent)).orElseThrow();
  }

  private SubSetConfig readSub(TestDatabase db, String parent) {
    return query(db, c -> store.findSub(c, parent)).orElseThrow();
  }

  private static <T> T query(TestDatabase db, Session.SqlWork<T> work) {
    try (Session s = new Sessions(db.dataSource(), null, Duration.ofSeconds(5)).open()) {
      return s.inTransaction("testing the store", work);
    }
  }

  private static void write(TestDatabase db, VoidWork work) {
    query(
        db,
        c -> {
          work.run(c);
          return null;
        });
  }

  @FunctionalInterface
  private interface VoidWork {
    void run(Connection c) throws SQLException;
  }

  /** Reads one text value. */
  private static final class OneValue {
    static String first(Statement st, String sql) throws SQLException {
      try (var rs = st.executeQuery(sql)) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
