-- id: cases.resolution_bh_p50
-- unit: h
-- comparison: <=
-- scope: unit
-- 50th percentile of business hours from clock start to resolution, counted in the quarter of the resolution.
SELECT quantile_cont(resolution_bh, 0.5) AS value, count(resolution_bh) AS n
FROM fct_cases
WHERE resolved_quarter = $quarter AND in_unit(caller_unit, $unit);
