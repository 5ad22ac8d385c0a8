-- The file ledger, quarantine and raw phone tables. Raw tables are
-- append-only: one row per accepted input row, with its file and line.

CREATE SEQUENCE ingest_file_id START 1;

CREATE TABLE ingest_files (
    file_id       INTEGER PRIMARY KEY,
    path          VARCHAR NOT NULL,
    size          BIGINT NOT NULL,
    sha256        VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    status        VARCHAR NOT NULL,   -- loaded | refused (too many bad rows) | failed (unreadable)
    rows_accepted BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    loaded_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE quarantine (
    file_id INTEGER NOT NULL,
    path    VARCHAR NOT NULL,
    line    BIGINT NOT NULL,
    reason  VARCHAR NOT NULL,
    raw     VARCHAR
);

CREATE TABLE settings (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- Asterisk queue_log events. data is the line's data fields as they came
-- (pipe-joined), except ENTERQUEUE's caller number, which is replaced by
-- caller_hash. wait_s and talk_s are the event's own wait and talk fields
-- where its layout carries them; NULL where the line lacks them.
CREATE TABLE raw_queue_log (
    file_id     INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    ts          TIMESTAMPTZ NOT NULL,
    callid      VARCHAR NOT NULL,
    queue       VARCHAR,
    agent       VARCHAR,
    event       VARCHAR NOT NULL,
    data        VARCHAR,
    wait_s      INTEGER,
    talk_s      INTEGER,
    caller_hash VARCHAR
);

-- One row per call from a contact-centre export (calls-csv).
CREATE TABLE raw_calls (
    file_id     INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    call_id     VARCHAR NOT NULL,
    queue       VARCHAR,
    entered_at  TIMESTAMPTZ NOT NULL,
    answered_at TIMESTAMPTZ,
    ended_at    TIMESTAMPTZ,
    outcome     VARCHAR NOT NULL,
    wait_s      DOUBLE,
    talk_s      DOUBLE,
    agent       VARCHAR,
    caller_hash VARCHAR
);

-- KPI results as last computed, per quarter and unit ('' = whole centre).
CREATE TABLE kpi_results (
    quarter     VARCHAR NOT NULL,
    unit        VARCHAR NOT NULL,
    id          VARCHAR NOT NULL,
    value       DOUBLE,
    n           BIGINT NOT NULL,
    target      DOUBLE,
    comparison  VARCHAR,
    met         BOOLEAN,
    computed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (quarter, unit, id)
);

-- Phone opening hours per local date, written from the calendar (Go) before
-- the derived tables are rebuilt, so SQL joins the calendar instead of
-- recomputing holidays and DST.
CREATE TABLE cal_phone_hours (
    local_date DATE PRIMARY KEY,
    open_from  TIMESTAMPTZ NOT NULL,
    open_to    TIMESTAMPTZ NOT NULL
);
