-- id: cases.first_response_bh_p90
-- unit: h
-- comparison: <=
-- scope: unit
-- 90th percentile of business hours from clock start to first response, counted in the quarter of the first response.
SELECT quantile_cont(response_bh, 0.9) AS value, count(response_bh) AS n
FROM fct_cases
WHERE response_quarter = $quarter AND in_unit(caller_unit, $unit);
