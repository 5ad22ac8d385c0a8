-- Case exports from NTNU Hjelp (TOPdesk), their status history, and the
-- organisation tree. Append-only like the phone tables: a case exported
-- again is a new row; the latest modification wins in the staging views.

CREATE TABLE raw_cases (
    file_id        INTEGER NOT NULL,
    line           INTEGER NOT NULL,
    number         VARCHAR NOT NULL,
    call_date      TIMESTAMPTZ,
    creation_date  TIMESTAMPTZ,
    caller_unit    VARCHAR,
    operator_group VARCHAR,
    operator       VARCHAR,
    status         VARCHAR,
    category       VARCHAR,
    subcategory    VARCHAR,
    entry_type     VARCHAR,
    response_date  TIMESTAMPTZ,
    completed_date TIMESTAMPTZ,
    closed_date    TIMESTAMPTZ,
    on_hold_s      DOUBLE,
    reopened       INTEGER,      -- times reopened, where the export says
    modified_at    TIMESTAMPTZ   -- TOPdesk modificationDate, where given
);

CREATE TABLE raw_case_history (
    file_id    INTEGER NOT NULL,
    line       INTEGER NOT NULL,
    number     VARCHAR NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    field      VARCHAR NOT NULL,   -- status | operator_group | …
    old_value  VARCHAR,
    new_value  VARCHAR
);

CREATE TABLE raw_units (
    file_id       INTEGER NOT NULL,
    line          INTEGER NOT NULL,
    code          VARCHAR NOT NULL,
    name          VARCHAR,
    parent        VARCHAR,
    contact_email VARCHAR
);

-- Working time per local date, written from the calendar (Go): work_from
-- and work_s are the day's working hours (work_s = 0 on closed days), and
-- cum_s / cum_days count working seconds and working days before the day.
-- Business time between two instants is then a difference of two lookups
-- (see the work_clock macro), however far apart they are.
CREATE TABLE cal_work_days (
    local_date DATE PRIMARY KEY,
    work_from  TIMESTAMPTZ NOT NULL,
    work_s     DOUBLE NOT NULL,
    cum_s      DOUBLE NOT NULL,
    cum_days   INTEGER NOT NULL
);
