-- id: negative_net_pay
-- title.nb: Negativ netto utbetaling
-- title.en: Negative net pay
-- severity: error
-- area: hovedlønn
-- key: employment_id
-- The sum of an employment's lines in the run, deductions being negative.
SELECT any_value(employee_id) AS employee_id, employment_id, any_value(unit) AS unit,
       'Netto ' || sum(amount) || ' kr' AS detail
FROM stg_pay_lines
WHERE run_id = $run_id
GROUP BY employment_id
HAVING sum(amount) < 0;
