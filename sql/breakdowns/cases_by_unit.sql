-- The quarter's cases per requesting unit, every unit listed; a unit's row
-- includes the units below it (a faculty's, its departments').
SELECT u.code AS key, coalesce(u.name, u.code) AS name,
       count(c.number) FILTER (WHERE c.opened_quarter = $quarter) AS opened,
       count(c.number) FILTER (WHERE c.resolved_quarter = $quarter) AS resolved,
       count(c.number) FILTER (WHERE c.started_at < $quarter_end AND (c.done_at IS NULL OR c.done_at >= $quarter_end)) AS backlog,
       quantile_cont(c.response_bh, 0.5) FILTER (WHERE c.response_quarter = $quarter) AS response_p50,
       quantile_cont(c.resolution_bh, 0.5) FILTER (WHERE c.resolved_quarter = $quarter) AS resolution_p50,
       quantile_cont(c.resolution_bh, 0.9) FILTER (WHERE c.resolved_quarter = $quarter) AS resolution_p90
FROM dim_units u
JOIN dim_unit_closure cl ON cl.ancestor = u.code
LEFT JOIN fct_cases c ON c.caller_unit = cl.descendant
GROUP BY u.code, u.name
ORDER BY u.code;
