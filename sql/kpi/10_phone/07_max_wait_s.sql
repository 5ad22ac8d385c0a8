-- id: phone.max_wait_s
-- unit: s
-- comparison: <=
-- Longest wait of any offered call.
SELECT max(wait_s) AS value, count(*) AS n
FROM fct_phone_calls
WHERE quarter = $quarter AND in_scope AND outcome IN ('answered', 'abandoned', 'flowout');
