-- id: phone.asa_s
-- unit: s
-- comparison: <=
-- Average speed of answer: mean wait of answered calls (the agreement's KPI, target ≤ 60 s).
SELECT avg(wait_s) AS value, count(wait_s) AS n
FROM fct_phone_calls
WHERE quarter = $quarter AND in_scope AND outcome = 'answered';
