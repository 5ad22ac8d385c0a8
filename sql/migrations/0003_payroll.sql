-- Payroll runs, employments, travel claims; check findings and acceptances.

CREATE TABLE raw_pay_lines (
    file_id       INTEGER NOT NULL,
    line          INTEGER NOT NULL,
    run_id        VARCHAR NOT NULL,
    run_type      VARCHAR NOT NULL,   -- main | supplementary | travel | extra
    pay_date      DATE NOT NULL,
    period        VARCHAR NOT NULL,   -- YYYY-MM the line pays for
    employee_id   VARCHAR NOT NULL,
    employment_id VARCHAR,
    unit          VARCHAR,
    cost_centre   VARCHAR,
    wage_type     VARCHAR NOT NULL,
    amelding_code VARCHAR,
    amount        DECIMAL(14, 2) NOT NULL,
    hours         DOUBLE,
    rate          DOUBLE
);

CREATE TABLE raw_employees (
    file_id           INTEGER NOT NULL,
    line              INTEGER NOT NULL,
    employee_id       VARCHAR NOT NULL,
    employment_id     VARCHAR NOT NULL,
    unit              VARCHAR,
    start_date        DATE,
    end_date          DATE,
    position_pct      DOUBLE,
    status            VARCHAR,          -- active | leave | ended | …
    bank_account_hash VARCHAR,
    registered_at     TIMESTAMPTZ
);

CREATE TABLE raw_travel_claims (
    file_id       INTEGER NOT NULL,
    line          INTEGER NOT NULL,
    claim_id      VARCHAR NOT NULL,
    employee_id   VARCHAR NOT NULL,
    unit          VARCHAR,
    submitted_at  TIMESTAMPTZ,
    approved_at   TIMESTAMPTZ,
    paid_run_id   VARCHAR,
    km            DOUBLE,
    km_rate       DOUBLE,
    per_diem_days DOUBLE,
    per_diem_rate DOUBLE,
    amount        DECIMAL(14, 2)
);

-- A Nyansettelse case names the employee it registers, where the export
-- carries it (new-hire KPIs, SPEC §4.3).
ALTER TABLE raw_cases ADD COLUMN employee_id VARCHAR;

-- The main run's pay date per period, written from the pay calendar (Go).
CREATE TABLE cal_pay_dates (
    period   VARCHAR PRIMARY KEY,   -- YYYY-MM
    pay_date DATE NOT NULL,
    cutoff   DATE NOT NULL          -- the run's registration cut-off
);

-- State travel rates per year, written from the configuration (Go); NULL
-- where the year's rate is not known.
CREATE TABLE cfg_state_rates (
    year         INTEGER PRIMARY KEY,
    per_diem_max DOUBLE,   -- the highest per-diem rate of the year
    km           DOUBLE
);

-- One row per check of a run: when, and whether every rule ran.
CREATE TABLE check_runs (
    run_id     VARCHAR NOT NULL,
    checked_at TIMESTAMPTZ NOT NULL,
    rules_run  INTEGER NOT NULL,
    rules_failed INTEGER NOT NULL
);

-- Findings of the latest check of each run (replaced when the run is
-- checked again). The fingerprint is the rule and its key columns, so the
-- same problem in a later run has the same fingerprint.
CREATE TABLE check_findings (
    run_id        VARCHAR NOT NULL,
    rule          VARCHAR NOT NULL,
    severity      VARCHAR NOT NULL,
    fingerprint   VARCHAR NOT NULL,
    employee_id   VARCHAR,
    employment_id VARCHAR,
    unit          VARCHAR,
    detail        VARCHAR NOT NULL,
    found_at      TIMESTAMPTZ NOT NULL
);

-- Acceptances outlive runs: an accepted fingerprint stays accepted.
CREATE TABLE check_acceptances (
    fingerprint VARCHAR PRIMARY KEY,
    reason      VARCHAR NOT NULL,
    accepted_by VARCHAR NOT NULL,
    accepted_at TIMESTAMPTZ NOT NULL
);
