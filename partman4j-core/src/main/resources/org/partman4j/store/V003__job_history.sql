-- partman4j store, version 3: job history, in the spirit of pg_jobmon.
--
-- The daemon (partman daemon) writes one job_run row per maintenance run of the database and one
-- job_set_result row per partition set the run touched; rows older than the configured age are
-- pruned by the daemon. job_set_state keeps, per set, the failures in a row since the last
-- success, so that several daemon instances and restarts count the same streak (pg_jobmon alerts
-- after 3 by default).
CREATE TABLE ${schema}.job_run (
    run_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY
    , started_at timestamptz NOT NULL DEFAULT now()
    , finished_at timestamptz
    , status text NOT NULL
    , instance text NOT NULL
    , sets_total int NOT NULL DEFAULT 0
    , sets_failed int NOT NULL DEFAULT 0
    , children_created int NOT NULL DEFAULT 0
    , children_dropped int NOT NULL DEFAULT 0
    , message text
    , CONSTRAINT job_run_status_check CHECK (status IN
        ('running', 'completed', 'failed', 'already_running', 'replica', 'stopped'))
);
CREATE INDEX job_run_started_at_idx ON ${schema}.job_run (started_at);

CREATE TABLE ${schema}.job_set_result (
    run_id bigint NOT NULL REFERENCES ${schema}.job_run (run_id) ON DELETE CASCADE
    , parent_table text NOT NULL
    , succeeded boolean NOT NULL
    , children_created int NOT NULL DEFAULT 0
    , children_dropped int NOT NULL DEFAULT 0
    , children_detached int NOT NULL DEFAULT 0
    , rows_moved bigint NOT NULL DEFAULT 0
    , error text
    , consecutive_failures int NOT NULL DEFAULT 0
    , CONSTRAINT job_set_result_pkey PRIMARY KEY (run_id, parent_table)
);

CREATE TABLE ${schema}.job_set_state (
    parent_table text PRIMARY KEY
    , consecutive_failures int NOT NULL DEFAULT 0
    , last_success timestamptz
    , last_failure timestamptz
    , last_error text
);
