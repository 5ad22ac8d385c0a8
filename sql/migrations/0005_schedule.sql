-- The scheduler's run log (SPEC §8): one row per run of a job, written by
-- `slakpi schedule` under the same database lock as the job itself. At
-- start the daemon reads each job's latest scheduled_at and catches up,
-- once, a run whose time passed while it was down.

CREATE TABLE schedule_runs (
    job          VARCHAR NOT NULL,       -- ingest | payroll-check | quarterly-report | followup-report
    triggered_by VARCHAR NOT NULL,       -- schedule | catch-up | once | start
    scheduled_at TIMESTAMPTZ NOT NULL,   -- the slot the run served (the start time for `--once`)
    for_date     DATE,                   -- the pay date, quarter start or month it served
    started_at   TIMESTAMPTZ NOT NULL,
    ended_at     TIMESTAMPTZ,
    -- ok | failed | interrupted (cut short at shutdown: caught up at the
    -- next start) | baseline (the daemon's first start: earlier slots are
    -- not caught up)
    status       VARCHAR NOT NULL,
    error        VARCHAR
);
