-- stg_cases: each case in its latest version (latest modification, then
-- latest file and line), statuses mapped to NTNU's names. Earlier versions
-- stay in raw_cases.
CREATE OR REPLACE VIEW stg_cases AS
SELECT number,
       coalesce(call_date, creation_date) AS started_at,
       caller_unit, operator_group, operator,
       coalesce(getvariable('status_map')[status], status) AS status,
       category, subcategory, entry_type,
       response_date, completed_date, closed_date, on_hold_s, reopened, modified_at, employee_id
FROM raw_cases
QUALIFY row_number() OVER (PARTITION BY number ORDER BY modified_at DESC NULLS LAST, file_id DESC, line DESC) = 1;
