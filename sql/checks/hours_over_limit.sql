-- id: hours_over_limit
-- title.nb: Timelønte med flere timer i måneden enn a-meldingen tillater
-- title.en: Hourly paid above the a-melding's hours in a month
-- severity: error
-- area: rapportering
-- threshold: hours = 300
-- key: employee_id
-- Hours of hourly pay per employee and period, over every run up to and
-- including this one that pays that period.
WITH this AS (
    SELECT pay_date FROM stg_pay_runs WHERE run_id = $run_id
),
periods AS (
    SELECT DISTINCT employee_id, period FROM stg_pay_lines WHERE run_id = $run_id AND is_hourly
)
SELECT l.employee_id, any_value(l.employment_id) AS employment_id, any_value(l.unit) AS unit, l.period,
       sum(l.hours) || ' timer i ' || l.period AS detail
FROM stg_pay_lines l
JOIN periods USING (employee_id, period)
WHERE l.is_hourly AND l.pay_date <= (SELECT pay_date FROM this)
GROUP BY l.employee_id, l.period
HAVING sum(l.hours) > $hours;
