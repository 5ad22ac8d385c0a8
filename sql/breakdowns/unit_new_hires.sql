-- A unit's new hires (its own and those of units below it) registered or
-- starting in the quarter.
SELECT number, employee_id, employment_id, coalesce(unit, ''), started_at, registered_at, start_date,
       lead_bd, cutoff, before_cutoff
FROM fct_new_hires
WHERE in_unit(unit, $unit) AND (registered_quarter = $quarter OR start_quarter = $quarter)
ORDER BY registered_at, number;
