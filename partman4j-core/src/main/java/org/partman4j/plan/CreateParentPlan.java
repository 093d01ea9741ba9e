package org.partman4j.plan;

import java.util.List;
import org.partman4j.model.SetConfig;
import org.partman4j.model.TableName;

/**
 * What {@code createParent} will do, decided before anything changes.
 *
 * @param config the {@code part_config} row to insert
 * @param existingConfig whether an identical row is already there (a rerun that resumes)
 * @param autoTemplate the template table to create in the partman schema, or null
 * @param children the children to create, in ascending order, excluding ones that already exist
 * @param alreadyThere children of the plan that are already attached (a resumed run)
 * @param defaultPartition the default partition to create, or null
 */
public record CreateParentPlan(
    SetConfig config,
    boolean existingConfig,
    TableName autoTemplate,
    List<PlannedChild> children,
    List<String> alreadyThere,
    NewChild defaultPartition) {

  public CreateParentPlan {
    children = List.copyOf(children);
    alreadyThere = List.copyOf(alreadyThere);
  }
}
