-- fct_travel_claims: each claim in its latest version, with the pay date of
-- the run that paid it and the calendar days from submission to payment.
CREATE OR REPLACE TABLE fct_travel_claims AS
WITH c AS (
    SELECT * FROM raw_travel_claims
    QUALIFY row_number() OVER (PARTITION BY claim_id ORDER BY file_id DESC, line DESC) = 1
)
SELECT c.claim_id, c.employee_id, c.unit, c.submitted_at, c.approved_at, c.paid_run_id,
       c.km, c.km_rate, c.per_diem_days, c.per_diem_rate, c.amount,
       r.pay_date,
       date_diff('day', CAST(timezone(getvariable('tz'), c.submitted_at) AS DATE), r.pay_date) AS days_to_pay,
       year(r.pay_date) || 'Q' || quarter(r.pay_date) AS paid_quarter
FROM c
LEFT JOIN stg_pay_runs r ON r.run_id = c.paid_run_id;
