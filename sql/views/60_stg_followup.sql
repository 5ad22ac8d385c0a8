-- Follow-up data in its latest version (SPEC §2.4, §4.5).
CREATE OR REPLACE VIEW stg_absences AS
SELECT * FROM raw_absences
QUALIFY row_number() OVER (PARTITION BY employee_id, kind, from_date ORDER BY file_id DESC, line DESC) = 1;

CREATE OR REPLACE VIEW stg_nav_refunds AS
SELECT * FROM raw_nav_refunds
QUALIFY row_number() OVER (PARTITION BY claim_id ORDER BY file_id DESC, line DESC) = 1;

CREATE OR REPLACE VIEW stg_contracts AS
SELECT * FROM raw_contracts
QUALIFY row_number() OVER (PARTITION BY contract_id ORDER BY file_id DESC, line DESC) = 1;

CREATE OR REPLACE VIEW stg_forms AS
SELECT * FROM raw_forms_in_flow
QUALIFY row_number() OVER (PARTITION BY form_id ORDER BY file_id DESC, line DESC) = 1;

-- as_of_instant(d): a list "as of" date d shows the state at the start of
-- d in local time — what a report run early that morning knows.
CREATE OR REPLACE MACRO as_of_instant(d) AS timezone(getvariable('tz'), CAST(CAST(d AS DATE) AS TIMESTAMP));

-- local_date(t): t's date in local time.
CREATE OR REPLACE MACRO local_date(t) AS CAST(timezone(getvariable('tz'), t) AS DATE);

-- working_day_by(d): d, or the last working day before it when d is closed
-- — a deadline on a holiday must be met the working day before.
CREATE OR REPLACE MACRO working_day_by(d) AS (
    SELECT max(w.local_date) FROM cal_work_days w WHERE w.local_date <= d AND w.work_s > 0
);
