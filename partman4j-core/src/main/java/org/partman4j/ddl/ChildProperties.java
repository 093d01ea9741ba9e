package org.partman4j.ddl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.partman4j.model.TableName;

/**
 * Everything a new child of one set takes from its parent and template, read once per set by {@link
 * ChildPropertiesReader} and then used for every child made in the same run.
 *
 * @param parent the partitioned parent
 * @param parentOid its oid
 * @param keyTypeSchema the schema of the partition key column's type
 * @param keyTypeName that type's name ({@code timestamptz}, {@code int8}, …)
 * @param tablespace the parent's own tablespace, or null for the database's default
 * @param parentPrivileges the parent's owner and grants
 * @param inheritPrivileges whether children get the parent's grants and owner ({@code
 *     part_config.inherit_privileges})
 * @param replicaIdentity the parent's replica identity
 * @param parentIndexes the parent's valid indexes (template indexes that duplicate one are skipped)
 * @param template the template's properties, or null when the set has no template
 * @param statistics columns of the parent with an explicit statistics target, in column order
 * @param newTablePrivileges what a table created now by this session would start with (used to show
 *     the privilege statements of a dry run; a real run reads the child's actual grants)
 * @param subPartitionKey how new children are partitioned themselves (the set has a {@code
 *     part_config_sub} row), or null for plain children
 */
public record ChildProperties(
    TableName parent,
    long parentOid,
    String keyTypeSchema,
    String keyTypeName,
    String tablespace,
    TablePrivileges parentPrivileges,
    boolean inheritPrivileges,
    ReplicaIdentity replicaIdentity,
    List<IndexDefinition> parentIndexes,
    TemplateProperties template,
    Map<String, Integer> statistics,
    TablePrivileges newTablePrivileges,
    SubPartitionKey subPartitionKey) {

  public ChildProperties {
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(parentPrivileges, "parentPrivileges");
    Objects.requireNonNull(replicaIdentity, "replicaIdentity");
    Objects.requireNonNull(newTablePrivileges, "newTablePrivileges");
    parentIndexes = List.copyOf(parentIndexes);
    statistics = Collections.unmodifiableMap(new LinkedHashMap<>(statistics));
  }

  /** Properties of plain (not sub-partitioned) children. */
  public ChildProperties(
      TableName parent,
      long parentOid,
      String keyTypeSchema,
      String keyTypeName,
      String tablespace,
      TablePrivileges parentPrivileges,
      boolean inheritPrivileges,
      ReplicaIdentity replicaIdentity,
      List<IndexDefinition> parentIndexes,
      TemplateProperties template,
      Map<String, Integer> statistics,
      TablePrivileges newTablePrivileges) {
    this(
        parent,
        parentOid,
        keyTypeSchema,
        keyTypeName,
        tablespace,
        parentPrivileges,
        inheritPrivileges,
        replicaIdentity,
        parentIndexes,
        template,
        statistics,
        newTablePrivileges,
        null);
  }

  /** These properties with children partitioned by {@code key} (null: plain children). */
  public ChildProperties withSubPartitionKey(SubPartitionKey key) {
    return new ChildProperties(
        parent,
        parentOid,
        keyTypeSchema,
        keyTypeName,
        tablespace,
        parentPrivileges,
        inheritPrivileges,
        replicaIdentity,
        parentIndexes,
        template,
        statistics,
        newTablePrivileges,
        key);
  }

  /** The parent's owner. */
  public String parentOwner() {
    return parentPrivileges.owner();
  }
}
