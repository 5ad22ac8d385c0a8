-- id: cases.resolved
-- unit: count
-- scope: unit
-- Cases resolved (last change to Fullført) in the quarter.
SELECT count(*) AS value, count(*) AS n
FROM fct_cases
WHERE resolved_quarter = $quarter AND in_unit(caller_unit, $unit);
