-- id: newhire.lead_bd_p90
-- unit: d
-- comparison: <=
-- scope: unit
-- 90th percentile of business days from the Nyansettelse case's start to the employee's registration, by the quarter of the registration.
SELECT quantile_cont(lead_bd, 0.9) AS value, count(lead_bd) AS n
FROM fct_new_hires
WHERE registered_quarter = $quarter AND in_unit(unit, $unit);
