-- id: main_salary_change
-- title.nb: Stor endring i fastlønn fra forrige hovedlønnskjøring
-- title.en: Large change in main salary since the previous main run
-- severity: error
-- area: hovedlønn
-- threshold: warn_pct = 10
-- threshold: error_pct = 25
-- key: employment_id
-- Main salary per employment for the run's own period against the run it
-- is compared with (stg_run_compare) for that run's period; lines paying
-- an earlier period (a late hire's first month) are not a change. Beyond
-- warn_pct a warning, beyond error_pct an error.
WITH cmp AS (
    SELECT c.prev_run_id, p.period AS prev_period
    FROM stg_run_compare c JOIN stg_pay_runs p ON p.run_id = c.prev_run_id
    WHERE c.run_id = $run_id
),
cur AS (
    SELECT l.employment_id, any_value(l.employee_id) AS employee_id, any_value(l.unit) AS unit, sum(l.amount) AS amount
    FROM stg_pay_lines l JOIN stg_pay_runs r USING (run_id)
    WHERE l.run_id = $run_id AND r.run_type = 'main' AND l.is_main_salary AND l.period = r.period
    GROUP BY l.employment_id
),
prev AS (
    SELECT employment_id, sum(amount) AS amount
    FROM stg_pay_lines
    WHERE run_id = (SELECT prev_run_id FROM cmp) AND period = (SELECT prev_period FROM cmp) AND is_main_salary
    GROUP BY employment_id
),
chg AS (
    SELECT cur.*, prev.amount AS prev_amount, 100 * (cur.amount - prev.amount) / abs(prev.amount) AS pct
    FROM cur JOIN prev USING (employment_id)
    WHERE prev.amount <> 0
)
SELECT employee_id, employment_id, unit,
       CASE WHEN abs(pct) > $error_pct THEN 'error' ELSE 'warn' END AS severity,
       'Fastlønn ' || prev_amount || ' → ' || amount || ' kr (' || round(pct, 1) || ' %) mot ' || (SELECT prev_run_id FROM cmp) AS detail
FROM chg
WHERE abs(pct) > $warn_pct;
