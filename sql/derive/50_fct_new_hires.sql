-- fct_new_hires: each Nyansettelse case that names its employee, with the
-- employment registered for it (the first registered at or after the
-- case's start), business days from the case's start to the registration,
-- and whether the registration came by the cut-off of the first pay month
-- (cal_pay_dates; SPEC §4.3).
CREATE OR REPLACE TABLE fct_new_hires AS
WITH hires AS (
    SELECT c.number, c.employee_id, c.started_at
    FROM stg_cases c
    WHERE c.category = 'Nyansettelse' AND c.employee_id IS NOT NULL
),
matched AS (
    SELECT h.*, e.employment_id, e.unit, e.start_date, e.registered_at
    FROM hires h
    JOIN stg_employments e ON e.employee_id = h.employee_id AND e.registered_at >= h.started_at
    QUALIFY row_number() OVER (PARTITION BY h.number ORDER BY e.registered_at, e.employment_id) = 1
)
SELECT m.*,
       work_days(m.registered_at) - work_days(m.started_at) AS lead_bd,
       p.cutoff,
       CAST(timezone(getvariable('tz'), m.registered_at) AS DATE) <= p.cutoff AS before_cutoff,
       quarter_of(m.registered_at) AS registered_quarter,
       year(m.start_date) || 'Q' || quarter(m.start_date) AS start_quarter
FROM matched m
LEFT JOIN cal_pay_dates p ON p.period = strftime(m.start_date, '%Y-%m');
