package org.partman4j.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.partman4j.CreateParentResult;
import org.partman4j.PartitionSetDefinition;
import org.partman4j.PartmanException;
import org.partman4j.exec.Session;
import org.partman4j.exec.Sessions;
import org.partman4j.plan.CreateParentPlan;
import org.partman4j.plan.PlannedChild;
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
  private final SetChildren.Factory children;

  /**
   * @param clock the fixed "now" to plan with (tests), or null for the database's {@code now()}
   */
  public CreateParent(
      Sessions sessions, String schema, Instant clock, SetChildren.Factory children) {
    this.sessions = sessions;
    this.schema = schema;
    this.clock = clock;
    this.children = children;
  }

  /** The plan, without changing anything (a dry run). */
  public CreateParentPlan plan(PartitionSetDefinition def) {
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return planIn(session, def);
    }
  }

  /** Creates the set. */
  public CreateParentResult run(PartitionSetDefinition def) {
    try (Session session = sessions.open()) {
      Install.ensureInstalled(session, schema);
      return SetLocks.withSetLock(session, def.parentTable(), () -> apply(session, def));
    }
  }

  private CreateParentPlan planIn(Session session, PartitionSetDefinition def) {
    CreateParentPlanner planner = new CreateParentPlanner(schema);
    return session.inTransaction(
        "checking the definition of " + def.parentTable(),
        c -> planner.plan(c, def, session.zone(), clock));
  }

  private CreateParentResult apply(Session session, PartitionSetDefinition def) {
    CreateParentPlan plan = planIn(session, def);
    SetChildren maker = children.forSet(session, schema, plan.config());
    if (!plan.existingConfig()) {
      session.inTransaction(
          "registering " + plan.config().parentTable(),
          c -> {
            if (plan.autoTemplate() != null) {
              maker.createTemplate(c, plan.autoTemplate());
            }
            new ConfigStore(schema).insert(c, plan.config());
            return null;
          });
    }
    List<String> created = new ArrayList<>();
    for (PlannedChild child : plan.children()) {
      try {
        if (maker.create(child.child())) {
          created.add(child.name());
        }
      } catch (PartmanException e) {
        log.warn(
            "createParent {}: stopped at child {} after creating {} of {}; run it again to"
                + " resume",
            plan.config().parentTable(),
            child.name(),
            created.size(),
            plan.children().size());
        throw e;
      }
    }
    String defaultCreated = null;
    if (plan.defaultPartition() != null && maker.create(plan.defaultPartition())) {
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
