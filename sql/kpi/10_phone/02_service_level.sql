-- id: phone.service_level
-- unit: share
-- comparison: >=
-- Answered within the service-level threshold T, divided by offered.
SELECT count(*) FILTER (WHERE outcome = 'answered' AND wait_s <= getvariable('service_level_s'))
         / nullif(count(*), 0) AS value,
       count(*) AS n
FROM fct_phone_calls
WHERE quarter = $quarter AND in_scope AND outcome IN ('answered', 'abandoned', 'flowout');
