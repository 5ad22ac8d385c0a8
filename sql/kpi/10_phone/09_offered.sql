-- id: phone.offered
-- unit: count
-- Calls offered: answered + abandoned + flowout, short abandons and incompletes excluded.
SELECT count(*) AS value, count(*) AS n
FROM fct_phone_calls
WHERE quarter = $quarter AND in_scope AND outcome IN ('answered', 'abandoned', 'flowout');
