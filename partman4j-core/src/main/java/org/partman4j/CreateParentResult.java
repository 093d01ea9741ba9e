package org.partman4j;

import java.util.List;

/**
 * What {@link Partman#createParent} did.
 *
 * @param parentTable the set's parent, {@code schema.table}
 * @param created the children created by this call, ascending
 * @param alreadyThere children the set should have that already existed (a rerun that resumed)
 * @param defaultPartition the default partition created by this call, or null
 * @param templateTable the set's template table ({@code schema.table}), or null
 * @param resumed whether the set was already registered with this definition and this call
 *     completed it
 */
public record CreateParentResult(
    String parentTable,
    List<String> created,
    List<String> alreadyThere,
    String defaultPartition,
    String templateTable,
    boolean resumed) {

  public CreateParentResult {
    created = List.copyOf(created);
    alreadyThere = List.copyOf(alreadyThere);
  }
}
