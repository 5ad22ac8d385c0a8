-- id: phone.avg_talk_s
-- unit: s
-- Mean talk time of answered calls whose completion event carries one.
SELECT avg(talk_s) AS value, count(talk_s) AS n
FROM fct_phone_calls
WHERE quarter = $quarter AND in_scope AND outcome = 'answered';
