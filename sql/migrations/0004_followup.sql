-- Follow-up data (SPEC §2.4): absences, NAV refund claims, contracts and
-- digital forms in flow. Append-only; the latest version of a row (by its
-- id, or employee and start for absences) wins in the staging views.

CREATE TABLE raw_absences (
    file_id     INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    employee_id VARCHAR NOT NULL,
    unit        VARCHAR,
    kind        VARCHAR NOT NULL,   -- sick | parental | leave
    from_date   DATE NOT NULL,
    to_date     DATE,               -- NULL while ongoing
    grade_pct   DOUBLE
);

CREATE TABLE raw_nav_refunds (
    file_id        INTEGER NOT NULL,
    line           INTEGER NOT NULL,
    claim_id       VARCHAR NOT NULL,
    employee_id    VARCHAR NOT NULL,
    unit           VARCHAR,
    kind           VARCHAR,
    period_from    DATE NOT NULL,
    period_to      DATE NOT NULL,
    claimed_at     TIMESTAMPTZ,
    amount_claimed DECIMAL(14, 2),
    paid_at        TIMESTAMPTZ,
    amount_paid    DECIMAL(14, 2)
);

CREATE TABLE raw_contracts (
    file_id     INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    contract_id VARCHAR NOT NULL,
    employee_id VARCHAR NOT NULL,
    unit        VARCHAR,
    kind        VARCHAR NOT NULL,   -- temporary | hourly | assignment | permanent
    sent_at     TIMESTAMPTZ,
    signed_at   TIMESTAMPTZ,
    start_date  DATE,
    end_date    DATE,
    max_date    DATE
);

CREATE TABLE raw_forms_in_flow (
    file_id       INTEGER NOT NULL,
    line          INTEGER NOT NULL,
    form_id       VARCHAR NOT NULL,
    employee_id   VARCHAR,
    unit          VARCHAR,
    form_type     VARCHAR,
    submitted_at  TIMESTAMPTZ,
    current_step  VARCHAR,
    approver_role VARCHAR,
    status        VARCHAR,
    affects_pay   BOOLEAN,
    pay_cutoff    TIMESTAMPTZ,      -- the cut-off the form must make, where the export says
    approved_at   TIMESTAMPTZ       -- when it was approved, where the export says
);
