package org.partman4j.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.partman4j.CreateParentResult;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.PartmanException;
import org.partman4j.catalog.CatalogReader;
import org.partman4j.catalog.ChildTable;
import org.partman4j.catalog.ParentTable;
import org.partman4j.catalog.TableFacts;
import org.partman4j.ddl.ChildCreator;
import org.partman4j.ddl.ChildOutcome;
import org.partman4j.ddl.ChildProperties;
import org.partman4j.ddl.ChildPropertiesReader;
import org.partman4j.ddl.ChildResult;
import org.partman4j.ddl.TemplateTables;
import org.partman4j.exec.LockRetry;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.model.SetConfig;
import org.partman4j.model.TableName;
import org.partman4j.plan.CreateParentPlan;
import org.partman4j.plan.NewChild;
import org.partman4j.plan.PlannedChild;
import org.partman4j.sql.DdlSql;
import org.partman4j.store.ConfigStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code createParent} operation: validate and plan in one read transaction, register the set
 * (config row and template) in a second, then create each child in its own short transaction, and
 * the default partition last.
 *
 * <p>A failure part-way (a lock timeout on the 40th child) leaves a consistent state: the set is
 * registered, the children made so far are attached and usable. Running the same createParent again
 * resumes: it finds the identical registration and creates only what is missing. (Running
 * maintenance would also create the future children, but not missing past ones.)
 */
public final class CreateParent {

  private static final Logger log = LoggerFactory.getLogger(CreateParent.class);

  private final Sessions sessions;
  private final String schema;
  private final Instant clock;
  private final ChildCreator creator;

  /**
   * @param clock the fixed "now" to plan with (tests), or null for the database's {@code now()}
   */
  public CreateParent(Sessions sessions, String schema, Instant clock, LockRetry retry) {
    this.sessions = sessions;
    this.schema = schema;
    this.clock = clock;
    this.creator = new ChildCreator(retry, new SubSetRegistrar(schema, clock, retry, null));
  }

  /** For registering sub-sets in a session the caller holds. */
  CreateParent(String schema, Instant clock, LockRetry retry, SubSetRegistrar registrar) {
    this.sessions = null;
    this.schema = schema;
    this.clock = clock;
    this.creator = new ChildCreator(retry, registrar);
  }

  /** The plan, without changing anything (a dry run). */
  public CreateParentPlan plan(PartitionSetDefinition def) {
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return planIn(session, def);
    }
  }

  /**
   * The statements a {@link #run} would execute now, in order, changing nothing: the template
   * table, the config row (values inlined) and each child's transaction.
   */
  public List<String> dryRun(PartitionSetDefinition def) {
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      CreateParentPlan plan = planIn(session, def);
      SetConfig config = plan.config();
      TableName parent = TableName.parse(config.parentTable());
      List<String> statements = new ArrayList<>();
      TableName template =
          config.templateTable() == null ? null : TableName.parse(config.templateTable());
      boolean templateExists =
          template != null
              && session.inTransaction(
                  "looking for " + template, c -> TableFacts.exists(c, template));
      ChildProperties properties =
          session.inTransaction(
              "reading what the children of " + parent + " inherit",
              c ->
                  new ChildPropertiesReader()
                      .read(
                          c,
                          parent,
                          templateExists ? template : null,
                          config.inheritPrivileges() != null && config.inheritPrivileges()));
      if (plan.autoTemplate() != null && !templateExists) {
        statements.add(DdlSql.createTemplate(template, parent));
        statements.add(DdlSql.ownerTo(template, properties.parentOwner()));
      }
      if (!plan.existingConfig()) {
        statements.add(new ConfigStore(schema).insertText(config));
      }
      List<NewChild> children = new ArrayList<>();
      plan.children().forEach(ch -> children.add(ch.child()));
      if (plan.defaultPartition() != null) {
        children.add(plan.defaultPartition());
      }
      for (ChildResult r : creator.dryRun(session, properties, children)) {
        statements.addAll(r.statements());
      }
      return statements;
    }
  }

  /** Creates the set. */
  public CreateParentResult run(PartitionSetDefinition def) {
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return SetLocks.withSetLock(session, def.parentTable(), () -> apply(session, def, null));
    }
  }

  /**
   * Registers a sub-set in {@code session}: as {@link #run}, with its children kept inside its
   * parent's range in the upper set and, when none of the planned ones is, only the first child of
   * that range made (pg_partman's fallback for sub-parents outside the premake window).
   */
  CreateParentResult runIn(Session session, PartitionSetDefinition def, SubSetScope scope) {
    return SetLocks.withSetLock(session, def.parentTable(), () -> apply(session, def, scope));
  }

  private CreateParentPlan scoped(
      Session session, PartitionSetDefinition def, CreateParentPlan plan, SubSetScope scope) {
    List<PlannedChild> inside = new ArrayList<>();
    for (PlannedChild child : plan.children()) {
      if (scope.inside(child)) {
        inside.add(child);
      }
    }
    if (inside.isEmpty() && plan.alreadyThere().isEmpty() && scope.limited()) {
      CreateParentPlan from = planIn(session, def.startPartition(scope.startText()));
      from.children().stream().filter(scope::inside).findFirst().ifPresent(inside::add);
    }
    SetConfig config = plan.existingConfig() ? plan.config() : scope.adjust().apply(plan.config());
    return new CreateParentPlan(
        config,
        plan.existingConfig(),
        plan.autoTemplate(),
        inside,
        plan.alreadyThere(),
        plan.defaultPartition());
  }

  private static TableName existingDefault(Session session, TableName parent) {
    return session.inTransaction(
        "looking for the default partition of " + parent,
        c -> {
          ParentTable table = new CatalogReader().read(c, List.of(parent)).get(parent);
          return table == null ? null : table.defaultPartition().map(ChildTable::name).orElse(null);
        });
  }

  private CreateParentPlan planIn(Session session, PartitionSetDefinition def) {
    CreateParentPlanner planner = new CreateParentPlanner(schema);
    return session.inTransaction(
        "checking the definition of " + def.parentTable(),
        c -> planner.plan(c, def, session.zone(), clock));
  }

  private CreateParentResult apply(Session session, PartitionSetDefinition def, SubSetScope scope) {
    CreateParentPlan plan = planIn(session, def);
    if (scope != null) {
      plan = scoped(session, def, plan, scope);
    }
    SetConfig config = plan.config();
    TableName parent = TableName.parse(config.parentTable());
    if (plan.autoTemplate() != null) {
      TemplateTables.ensure(session, schema, parent);
    }
    if (!plan.existingConfig()) {
      session.inTransaction(
          "registering " + config.parentTable(),
          c -> {
            new ConfigStore(schema).insert(c, config);
            if (scope != null && scope.inheritedSub() != null) {
              new ConfigStore(schema).insertSub(c, scope.inheritedSub());
            }
            return null;
          });
    }
    ChildProperties properties = SetChildPlanning.childProperties(session, parent, config);
    // A sub-set made by createSubParent has its default already (writers in its range land there
    // meanwhile): rows of a new child's range move out of it as the child is made.
    TableName moveFrom = scope == null ? null : existingDefault(session, parent);
    List<String> created = new ArrayList<>();
    for (PlannedChild child : plan.children()) {
      try {
        if (creator.create(session, properties, child.child(), moveFrom, config.control()).outcome()
            == ChildOutcome.CREATED) {
          created.add(child.name());
        }
      } catch (PartmanException e) {
        log.warn(
            "createParent {}: stopped at child {} after creating {} of {}; run it again to"
                + " resume",
            config.parentTable(),
            child.name(),
            created.size(),
            plan.children().size());
        throw e;
      }
    }
    String defaultCreated = null;
    if (plan.defaultPartition() != null
        && creator.create(session, properties, plan.defaultPartition()).outcome()
            == ChildOutcome.CREATED) {
      defaultCreated = plan.defaultPartition().table().table();
    }
    log.info(
        "createParent {}: {} children created, {} already there{}",
        plan.config().parentTable(),
        created.size(),
        plan.alreadyThere().size(),
        defaultCreated == null ? "" : ", default " + defaultCreated);
    return new CreateParentResult(
        plan.config().parentTable(),
        created,
        plan.alreadyThere(),
        defaultCreated,
        plan.config().templateTable(),
        plan.existingConfig());
  }
}
