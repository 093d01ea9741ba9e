-- partman4j store, version 1: pg_partman 5's configuration tables.
--
-- Columns, order, types, defaults, keys, index and constraint names are those of the newest
-- pg_partman 5.x, so that statements written for pg_partman (UPDATE ${schema}.part_config SET
-- retention = ...) work unchanged. pg_partman implements three of the checks with functions; we
-- install no functions, so those checks are written inline under the same constraint names.
-- ${schema} is replaced by the quoted schema name; never edit an applied script (its checksum is
-- recorded), add a new numbered one instead.

CREATE TABLE ${schema}.part_config (
    parent_table text NOT NULL
    , control text NOT NULL
    , time_encoder text
    , time_decoder text
    , partition_interval text NOT NULL
    , partition_type text NOT NULL
    , premake int NOT NULL DEFAULT 4
    , automatic_maintenance text NOT NULL DEFAULT 'on'
    , template_table text
    , retention text
    , retention_schema text
    , retention_keep_index boolean NOT NULL DEFAULT true
    , retention_keep_table boolean NOT NULL DEFAULT true
    , epoch text NOT NULL DEFAULT 'none'
    , constraint_cols text[]
    , optimize_constraint int NOT NULL DEFAULT 30
    , infinite_time_partitions boolean NOT NULL DEFAULT false
    , datetime_string text
    , jobmon boolean NOT NULL DEFAULT true
    , sub_partition_set_full boolean NOT NULL DEFAULT false
    , undo_in_progress boolean NOT NULL DEFAULT false
    , inherit_privileges boolean DEFAULT false
    , constraint_valid boolean DEFAULT true NOT NULL
    , ignore_default_data boolean NOT NULL DEFAULT true
    , date_trunc_interval text
    , maintenance_order int
    , retention_keep_publication boolean NOT NULL DEFAULT false
    , maintenance_last_run timestamptz
    , detach_before_drop boolean DEFAULT false
    , maintenance_role text DEFAULT current_user
    , async_partitioning_in_progress text
    , child_table_prefix text NOT NULL DEFAULT '_p'
    , CONSTRAINT part_config_parent_table_pkey PRIMARY KEY (parent_table)
    , CONSTRAINT positive_premake_check CHECK (premake > 0)
    , CONSTRAINT child_table_prefix_not_empty_chk CHECK (child_table_prefix <> '')
);
CREATE INDEX part_config_type_idx ON ${schema}.part_config (partition_type);

ALTER TABLE ${schema}.part_config
    ADD CONSTRAINT control_constraint_col_chk CHECK ((constraint_cols @> ARRAY[control]) <> true);
ALTER TABLE ${schema}.part_config
    ADD CONSTRAINT retention_schema_not_empty_chk CHECK (retention_schema <> '');
ALTER TABLE ${schema}.part_config
    ADD CONSTRAINT part_config_automatic_maintenance_check
    CHECK (automatic_maintenance IN ('on', 'off'));
ALTER TABLE ${schema}.part_config
    ADD CONSTRAINT part_config_epoch_check
    CHECK (epoch IN ('none', 'seconds', 'milliseconds', 'microseconds', 'nanoseconds'));
ALTER TABLE ${schema}.part_config
    ADD CONSTRAINT part_config_type_check
    CHECK (partition_type IN ('range', 'list'));

-- The FK is deferrable because pg_partman's create_parent() and create_sub_parent() insert here
-- before part_config; keep it so for the same order of work.
CREATE TABLE ${schema}.part_config_sub (
    sub_parent text
    , sub_control text NOT NULL
    , sub_time_encoder text
    , sub_time_decoder text
    , sub_partition_interval text NOT NULL
    , sub_partition_type text NOT NULL
    , sub_premake int NOT NULL DEFAULT 4
    , sub_automatic_maintenance text NOT NULL DEFAULT 'on'
    , sub_template_table text
    , sub_retention text
    , sub_retention_schema text
    , sub_retention_keep_index boolean NOT NULL DEFAULT true
    , sub_retention_keep_table boolean NOT NULL DEFAULT true
    , sub_epoch text NOT NULL DEFAULT 'none'
    , sub_constraint_cols text[]
    , sub_optimize_constraint int NOT NULL DEFAULT 30
    , sub_infinite_time_partitions boolean NOT NULL DEFAULT false
    , sub_jobmon boolean NOT NULL DEFAULT true
    , sub_inherit_privileges boolean DEFAULT false
    , sub_constraint_valid boolean DEFAULT true NOT NULL
    , sub_ignore_default_data boolean NOT NULL DEFAULT true
    , sub_default_table boolean DEFAULT true
    , sub_date_trunc_interval text
    , sub_maintenance_order int
    , sub_retention_keep_publication boolean NOT NULL DEFAULT false
    , sub_control_not_null boolean DEFAULT true
    , sub_detach_before_drop boolean DEFAULT false
    , sub_maintenance_role text DEFAULT current_user
    , CONSTRAINT part_config_sub_pkey PRIMARY KEY (sub_parent)
    , CONSTRAINT part_config_sub_sub_parent_fkey FOREIGN KEY (sub_parent)
          REFERENCES ${schema}.part_config (parent_table)
          ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED
    , CONSTRAINT positive_premake_check CHECK (sub_premake > 0)
);

ALTER TABLE ${schema}.part_config_sub
    ADD CONSTRAINT control_constraint_col_chk
    CHECK ((sub_constraint_cols @> ARRAY[sub_control]) <> true);
ALTER TABLE ${schema}.part_config_sub
    ADD CONSTRAINT retention_schema_not_empty_chk CHECK (sub_retention_schema <> '');
ALTER TABLE ${schema}.part_config_sub
    ADD CONSTRAINT part_config_sub_automatic_maintenance_check
    CHECK (sub_automatic_maintenance IN ('on', 'off'));
ALTER TABLE ${schema}.part_config_sub
    ADD CONSTRAINT part_config_sub_epoch_check
    CHECK (sub_epoch IN ('none', 'seconds', 'milliseconds', 'microseconds', 'nanoseconds'));
ALTER TABLE ${schema}.part_config_sub
    ADD CONSTRAINT part_config_sub_type_check
    CHECK (sub_partition_type IN ('range', 'list'));
