-- id: cases.backlog_end
-- unit: count
-- scope: unit
-- Cases started before the quarter's end and not resolved (or closed) by then.
SELECT count(*) AS value, count(*) AS n
FROM fct_cases
WHERE started_at < $quarter_end
  AND (done_at IS NULL OR done_at >= $quarter_end)
  AND in_unit(caller_unit, $unit);
