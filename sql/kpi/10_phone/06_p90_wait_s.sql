-- id: phone.p90_wait_s
-- unit: s
-- comparison: <=
-- 90th percentile wait of answered calls (linear interpolation).
SELECT quantile_cont(wait_s, 0.9) AS value, count(wait_s) AS n
FROM fct_phone_calls
WHERE quarter = $quarter AND in_scope AND outcome = 'answered';
