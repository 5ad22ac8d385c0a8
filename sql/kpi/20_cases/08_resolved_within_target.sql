-- id: cases.resolved_within_target
-- unit: share
-- comparison: >=
-- scope: unit
-- Share of the quarter's resolved cases within their category's target business hours, where a target is configured.
SELECT count(*) FILTER (WHERE resolution_bh <= target_h) / nullif(count(*), 0) AS value, count(*) AS n
FROM fct_cases
WHERE resolved_quarter = $quarter AND target_h IS NOT NULL AND in_unit(caller_unit, $unit);
