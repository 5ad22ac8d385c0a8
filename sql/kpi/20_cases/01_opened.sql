-- id: cases.opened
-- unit: count
-- scope: unit
-- Cases whose clock started in the quarter.
SELECT count(*) AS value, count(*) AS n
FROM fct_cases
WHERE opened_quarter = $quarter AND in_unit(caller_unit, $unit);
