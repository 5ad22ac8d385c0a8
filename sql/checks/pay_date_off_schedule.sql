-- id: pay_date_off_schedule
-- title.nb: Utbetalingsdato avviker fra lønnskalenderen
-- title.en: Pay date off the pay calendar
-- severity: error
-- area: hovedlønn
-- key: run_id
-- A main run pays on the 12th, or the last working day before it
-- (cal_pay_dates, from the pay calendar; exceptions configurable).
SELECT NULL AS employee_id, NULL AS employment_id, NULL AS unit, r.run_id,
       'Utbetaling ' || r.pay_date || ', lønnskalenderen sier ' || coalesce(c.pay_date::VARCHAR, '(ingen dato for ' || r.period || ')') AS detail
FROM stg_pay_runs r
LEFT JOIN cal_pay_dates c ON c.period = r.period
WHERE r.run_id = $run_id AND r.run_type = 'main' AND r.pay_date IS DISTINCT FROM c.pay_date;
