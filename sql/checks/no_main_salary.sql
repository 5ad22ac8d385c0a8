-- id: no_main_salary
-- title.nb: Aktivt arbeidsforhold uten fastlønn i hovedlønnskjøringen
-- title.en: Active employment without main salary in the main run
-- severity: error
-- area: hovedlønn
-- key: employment_id
-- An employment active in the run's period (started by its last day, not
-- ended before its first, status active, registered by the run's cut-off
-- — a later registration is paid the next month, and is what the new-hire
-- KPIs measure), monthly paid (never paid by the hour), with no
-- main-salary line in a main run.
WITH run AS (
    SELECT r.run_id, r.period, strptime(r.period || '-01', '%Y-%m-%d')::DATE AS period_start, c.cutoff
    FROM stg_pay_runs r LEFT JOIN cal_pay_dates c USING (period)
    WHERE r.run_id = $run_id AND r.run_type = 'main'
),
hourly AS (
    SELECT DISTINCT employment_id FROM stg_pay_lines WHERE is_hourly
)
SELECT e.employee_id, e.employment_id, e.unit, run.period,
       'Aktivt arbeidsforhold ' || e.employment_id || ' har ingen fastlønnslinje for ' || run.period AS detail
FROM run
JOIN stg_employments e
  ON e.start_date <= last_day(run.period_start)
 AND (e.end_date IS NULL OR e.end_date >= run.period_start)
 AND lower(coalesce(e.status, 'active')) IN ('active', 'aktiv')
 AND coalesce(e.position_pct, 100) > 0
 AND (e.registered_at IS NULL OR run.cutoff IS NULL
      OR CAST(timezone(getvariable('tz'), e.registered_at) AS DATE) <= run.cutoff)
WHERE e.employment_id NOT IN (SELECT employment_id FROM hourly)
  AND NOT EXISTS (
      SELECT 1 FROM stg_pay_lines l
      WHERE l.run_id = run.run_id AND l.employment_id = e.employment_id
        AND l.period = run.period AND l.is_main_salary);
