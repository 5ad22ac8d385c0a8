-- id: phone.avg_wait_all_s
-- unit: s
-- comparison: <=
-- Mean wait over answered, abandoned and flowout calls.
SELECT avg(wait_s) AS value, count(wait_s) AS n
FROM fct_phone_calls
WHERE quarter = $quarter AND in_scope AND outcome IN ('answered', 'abandoned', 'flowout');
