-- A unit's cases (its own and those of units below it) that were opened or
-- resolved in the quarter, or open at its end.
SELECT number, coalesce(category, ''), coalesce(subcategory, ''), coalesce(caller_unit, ''),
       coalesce(operator_group, ''), coalesce(operator, ''), coalesce(status, ''),
       started_at, first_response_at, resolved_at, response_bh, resolution_bh, reopens
FROM fct_cases
WHERE in_unit(caller_unit, $unit)
  AND (opened_quarter = $quarter OR resolved_quarter = $quarter
       OR (started_at < $quarter_end AND (done_at IS NULL OR done_at >= $quarter_end)))
ORDER BY started_at, number;
