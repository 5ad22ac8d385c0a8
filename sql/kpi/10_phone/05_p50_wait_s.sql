-- id: phone.p50_wait_s
-- unit: s
-- comparison: <=
-- Median wait of answered calls (linear interpolation).
SELECT quantile_cont(wait_s, 0.5) AS value, count(wait_s) AS n
FROM fct_phone_calls
WHERE quarter = $quarter AND in_scope AND outcome = 'answered';
