-- id: phone.flowout
-- unit: count
-- In-scope calls whose outcome is flowout.
SELECT count(*) AS value, count(*) AS n
FROM fct_phone_calls
WHERE quarter = $quarter AND in_scope AND outcome = 'flowout';
