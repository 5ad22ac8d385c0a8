-- id: cases.first_response_bh_p50
-- unit: h
-- comparison: <=
-- scope: unit
-- 50th percentile of business hours from clock start to first response, counted in the quarter of the first response.
SELECT quantile_cont(response_bh, 0.5) AS value, count(response_bh) AS n
FROM fct_cases
WHERE response_quarter = $quarter AND in_unit(caller_unit, $unit);
