-- Every follow-up list as of $as_of for a unit (and the units below it),
-- or for the whole centre when $unit is NULL, by deadline.
SELECT list, kind, coalesce(unit, ''), employee_id, coalesce(ref, ''), from_date, to_date, grade_pct,
       deadline, overdue, amount, coalesce(detail, '')
FROM followup_all($as_of)
WHERE in_unit(unit, $unit)
ORDER BY deadline NULLS LAST, list, unit, employee_id;
