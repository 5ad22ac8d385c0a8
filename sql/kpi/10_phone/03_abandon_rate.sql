-- id: phone.abandon_rate
-- unit: share
-- comparison: <=
-- Abandoned (after more than the short-abandon limit) divided by offered.
SELECT count(*) FILTER (WHERE outcome = 'abandoned') / nullif(count(*), 0) AS value,
       count(*) AS n
FROM fct_phone_calls
WHERE quarter = $quarter AND in_scope AND outcome IN ('answered', 'abandoned', 'flowout');
