-- id: phone.short_abandoned
-- unit: count
-- In-scope calls whose outcome is short_abandoned.
SELECT count(*) AS value, count(*) AS n
FROM fct_phone_calls
WHERE quarter = $quarter AND in_scope AND outcome = 'short_abandoned';
