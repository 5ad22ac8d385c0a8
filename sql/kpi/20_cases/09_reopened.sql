-- id: cases.reopened
-- unit: count
-- scope: unit
-- Cases resolved in the quarter that were reopened at least once.
SELECT count(*) AS value, count(*) AS n
FROM fct_cases
WHERE resolved_quarter = $quarter AND reopens > 0 AND in_unit(caller_unit, $unit);
